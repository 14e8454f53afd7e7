using Sitrep.Nlp.Tokenization;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// Reads the NER's own gazetteer list (data/models/ner/gazetteer.tsv, see FORMAT.md there): places, organizations and first
/// names that the knowledge base does not hold (states, provinces, cities, regions, companies, media). Compiled into the model
/// at training time, like the KB phrases.
/// </summary>
public static class NerGazetteerFile
{
    /// <summary>The type column's values.</summary>
    public static GazetteerType? TypeOf(string column) => column switch
    {
        "LOC" => GazetteerType.Location,
        "ORG" => GazetteerType.Organization,
        "PER" => GazetteerType.Person,
        "FIRST" => GazetteerType.FirstName,
        "SURNAME" => GazetteerType.Surname,
        _ => null,
    };

    /// <summary>Entries in file order; a malformed line throws <see cref="FormatException"/> with its line number.</summary>
    public static List<GazetteerEntry> Read(string path)
    {
        var result = new List<GazetteerEntry>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 2 || TypeOf(cols[0]) is not { } type || cols[1].Trim().Length == 0 || cols[1] != cols[1].Trim())
                throw new FormatException($"{path}:{lineNo}: expected TYPE<TAB>NAME with TYPE one of LOC, ORG, PER, FIRST, SURNAME");
            var name = cols[1];
            var tokens = Tokenizer.Tokenize(name).Select(r => name[r.Start..r.End]).ToArray();
            if (tokens.Length is 0 or > GazetteerEntry.MaxTokens)
                throw new FormatException($"{path}:{lineNo}: a name has 1 to {GazetteerEntry.MaxTokens} tokens");
            result.Add(new GazetteerEntry(tokens, type));
        }
        return Split(result);
    }

    /// <summary>
    /// The entries, each followed by its form with hyphenated words split as UD English splits them ("Coca - Cola",
    /// "al - Qaeda"), so that names match gold-tokenized text as well as Sitrep's own tokens.
    /// </summary>
    public static List<GazetteerEntry> Split(IEnumerable<GazetteerEntry> entries)
    {
        var result = new List<GazetteerEntry>();
        foreach (var e in entries)
        {
            result.Add(e);
            if (!e.Tokens.Any(IsHyphenated)) continue;
            var split = e.Tokens.SelectMany(t => IsHyphenated(t) ? SplitHyphens(t) : [t]).ToArray();
            if (split.Length <= GazetteerEntry.MaxTokens) result.Add(new GazetteerEntry(split, e.Type));
        }
        return result;
    }

    private static bool IsHyphenated(string token) => token.Length > 2 && token.IndexOf('-', 1) > 0 && token[^1] != '-';

    private static IEnumerable<string> SplitHyphens(string token)
    {
        var parts = token.Split('-');
        for (int k = 0; k < parts.Length; k++)
        {
            if (k > 0) yield return "-";
            if (parts[k].Length > 0) yield return parts[k];
        }
    }
}
