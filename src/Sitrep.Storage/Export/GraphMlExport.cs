using System.Globalization;
using System.Text;
using System.Xml;

namespace Sitrep.Storage.Export;

/// <summary>
/// The actor network as GraphML for Gephi, yEd or networkx: nodes are actor codes (with a name and their event
/// counts), directed edges are dyads with their number of events, mentions, summed and mean Goldstein and counts per quad class.
/// </summary>
public static class GraphMlExport
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(TextWriter output, IReadOnlyList<DyadCount> dyads, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dyads);
        ArgumentNullException.ThrowIfNull(names);
        var inv = CultureInfo.InvariantCulture;
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("graphml", Namespace);
        Key(w, "label", "node", "label", "string");
        Key(w, "name", "node", "name", "string");
        Key(w, "as_source", "node", "as_source", "int");
        Key(w, "as_target", "node", "as_target", "int");
        Key(w, "events", "edge", "events", "int");
        Key(w, "weight", "edge", "weight", "double");
        Key(w, "mentions", "edge", "mentions", "int");
        Key(w, "goldstein", "edge", "goldstein", "double");
        Key(w, "goldstein_mean", "edge", "goldstein_mean", "double");
        Key(w, "quad1", "edge", "verbal_cooperation", "int");
        Key(w, "quad2", "edge", "material_cooperation", "int");
        Key(w, "quad3", "edge", "verbal_conflict", "int");
        Key(w, "quad4", "edge", "material_conflict", "int");
        w.WriteStartElement("graph", Namespace);
        w.WriteAttributeString("id", "sitrep");
        w.WriteAttributeString("edgedefault", "directed");
        var nodes = new SortedDictionary<string, (int Source, int Target)>(StringComparer.Ordinal);
        foreach (var d in dyads)
        {
            var s = nodes.GetValueOrDefault(d.Source);
            nodes[d.Source] = (s.Source + d.Events, s.Target);
            var t = nodes.GetValueOrDefault(d.Target);
            nodes[d.Target] = (t.Source, t.Target + d.Events);
        }
        foreach (var (code, counts) in nodes)
        {
            w.WriteStartElement("node", Namespace);
            w.WriteAttributeString("id", code);
            Data(w, "label", code);
            if (names.TryGetValue(code, out var name)) Data(w, "name", name);
            Data(w, "as_source", counts.Source.ToString(inv));
            Data(w, "as_target", counts.Target.ToString(inv));
            w.WriteEndElement();
        }
        int n = 0;
        foreach (var d in dyads)
        {
            w.WriteStartElement("edge", Namespace);
            w.WriteAttributeString("id", "e" + (n++).ToString(inv));
            w.WriteAttributeString("source", d.Source);
            w.WriteAttributeString("target", d.Target);
            Data(w, "events", d.Events.ToString(inv));
            Data(w, "weight", d.Events.ToString(inv));
            Data(w, "mentions", d.Mentions.ToString(inv));
            Data(w, "goldstein", d.Goldstein.ToString("0.0###", inv));
            Data(w, "goldstein_mean", (d.Goldstein / Math.Max(1, d.Events)).ToString("0.0###", inv));
            Data(w, "quad1", d.VerbalCooperation.ToString(inv));
            Data(w, "quad2", d.MaterialCooperation.ToString(inv));
            Data(w, "quad3", d.VerbalConflict.ToString(inv));
            Data(w, "quad4", d.MaterialConflict.ToString(inv));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Key(XmlWriter w, string id, string domain, string name, string type)
    {
        w.WriteStartElement("key", Namespace);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", domain);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("data", Namespace);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }
}
