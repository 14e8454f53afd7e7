using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sitrep.Nlp.Ner;

/// <summary>The MANIFEST.json beside an NER model: what it is, how it was made, its sha256 and its scores.</summary>
public static class NerManifest
{
    public const string Licence = "CC BY-SA 4.0";

    /// <summary>Writes the manifest for a freshly trained model; scores recorded earlier are kept only if the sha256 matches.</summary>
    public static void Write(string manifestPath, string modelPath, IReadOnlyList<string> trainFiles, string? devFile, string command,
        NerTrainingOptions options, NerScores? dev)
    {
        var sha = NerModel.Sha256(modelPath);
        var old = Read(manifestPath);
        var scores = old?["sha256"]?.GetValue<string>() == sha && old["scores"] is JsonObject s ? (JsonObject)s.DeepClone() : [];
        if (dev is not null) scores["dev:" + Path.GetFileName(devFile)] = ToJson(dev);
        var root = new JsonObject
        {
            ["name"] = Path.GetFileNameWithoutExtension(modelPath),
            ["kind"] = "ner",
            ["version"] = "1.0." + NerModel.FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["file"] = Path.GetFileName(modelPath),
            ["format_version"] = options.DecodeBeam > 1 ? NerModel.BeamFormatVersion : NerModel.FormatVersion,
            ["decoder"] = options.DecodeBeam > 1 ? string.Create(CultureInfo.InvariantCulture, $"beam search over BIO classes, width {options.DecodeBeam}") : "greedy left to right over BIO classes",
            ["training"] = options.TrainBeam >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"structured averaged perceptron: beam search of width {options.TrainBeam} per sentence, {(options.Update == NerBeamUpdate.Early ? "early" : "max-violation")} updates")
                : "averaged perceptron, one update per word with predicted history",
            ["sha256"] = sha,
            ["size_bytes"] = new FileInfo(modelPath).Length,
            ["licence"] = Licence,
            ["licence_note"] = "Trained on UD English-GUM entity annotations (commercial-use documents; CC BY / CC BY-SA), wikigold (CC BY 4.0), WNUT 17 emerging entities (CC BY 4.0), re3d (per-folder: public domain, OGL v3, CC BY 3.0 AU) and, where listed, UNER English-EWT dev (CC BY-SA 4.0); gazetteer compiled from Sitrep's knowledge base (data/kb) and, where given, data/models/ner/gazetteer.tsv; the weights are shared under CC BY-SA 4.0.",
            ["types"] = new JsonArray("PER", "ORG", "LOC", "GPE (ORG/LOC mentions that are country, territory or capital names)", "NORP (demonyms outside mentions)"),
            ["training_data"] = new JsonArray([.. trainFiles.Select(f => (JsonNode)Path.GetFileName(f))]),
            ["tuning_data"] = devFile is null ? null : Path.GetFileName(devFile),
            ["command"] = command,
            ["epochs"] = options.Epochs,
            ["seed"] = options.Seed,
            ["min_feature_count"] = options.MinFeatureCount,
            ["scores"] = scores,
        };
        // Other NER variants (MiniLM) record their own entries under "variants": retraining the default keeps them.
        if (old?["variants"] is JsonObject variants) root["variants"] = variants.DeepClone();
        Save(manifestPath, root);
    }

    /// <summary>Adds (or replaces) a named score entry, e.g. "test:en_ewt-ud-test.iob2".</summary>
    public static void Record(string manifestPath, string name, NerScores scores)
    {
        var root = Read(manifestPath) ?? throw new FileNotFoundException("No manifest to record scores in.", manifestPath);
        if (root["scores"] is not JsonObject s) root["scores"] = s = [];
        s[name] = ToJson(scores);
        Save(manifestPath, root);
    }

    /// <summary>Sets a top-level field (e.g. "tuning_note").</summary>
    public static void Note(string manifestPath, string key, string value)
    {
        var root = Read(manifestPath) ?? throw new FileNotFoundException("No manifest.", manifestPath);
        root[key] = value;
        Save(manifestPath, root);
    }

    private static JsonObject ToJson(NerScores s)
    {
        var o = new JsonObject
        {
            ["sentences"] = s.Sentences,
            ["words"] = s.Words,
            ["precision"] = Math.Round(s.Overall.Precision, 2),
            ["recall"] = Math.Round(s.Overall.Recall, 2),
            ["f1"] = Math.Round(s.Overall.F1, 2),
        };
        foreach (var t in s.PerType)
            o[t.Type] = new JsonObject { ["gold"] = t.Gold, ["predicted"] = t.Predicted, ["precision"] = Math.Round(t.Precision, 2), ["recall"] = Math.Round(t.Recall, 2), ["f1"] = Math.Round(t.F1, 2) };
        return o;
    }

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;

    private static void Save(string path, JsonObject root)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
