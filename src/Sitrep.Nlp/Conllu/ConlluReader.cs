using System.Globalization;
using System.Text;

namespace Sitrep.Nlp.Conllu;

/// <summary>Reads CoNLL-U (UD v2). Multiword tokens and empty nodes are kept beside the words, never mixed into them.</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        foreach (var s in Parse(reader)) yield return s;
    }

    public static List<ConlluSentence> ReadAll(string path) => [.. Read(path)];

    public static IEnumerable<ConlluSentence> Parse(TextReader reader)
    {
        var current = new ConlluSentence();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || IsBlank(line))
            {
                if (current.Tokens.Count > 0 || current.Comments.Count > 0)
                {
                    yield return current;
                    current = new ConlluSentence();
                }
                continue;
            }
            if (line[0] == '#')
            {
                // Comment text without '#' and one optional space, so "# text = x" gives "text = x".
                var c = line.AsSpan(1);
                if (c.Length > 0 && c[0] == ' ') c = c[1..];
                current.Comments.Add(c.ToString());
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new FormatException($"CoNLL-U line {lineNo}: expected 10 tab-separated columns, found {cols.Length}.");
            var id = cols[0];
            int dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                current.Multiwords.Add(new ConlluMultiword(ParseInt(id.AsSpan(0, dash), lineNo), ParseInt(id.AsSpan(dash + 1), lineNo), cols[1], cols[9]));
                continue;
            }
            int dot = id.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                current.EmptyNodes.Add(new ConlluEmptyNode(ParseInt(id.AsSpan(0, dot), lineNo), line));
                continue;
            }
            current.Tokens.Add(new ConlluToken
            {
                Id = ParseInt(id, lineNo),
                Form = cols[1],
                Lemma = cols[2],
                Upos = cols[3],
                Xpos = cols[4],
                Feats = cols[5],
                Head = cols[6] == "_" ? -1 : ParseInt(cols[6], lineNo),
                Deprel = cols[7],
                Deps = cols[8],
                Misc = cols[9],
            });
        }
        if (current.Tokens.Count > 0 || current.Comments.Count > 0) yield return current;
    }

    private static bool IsBlank(string line)
    {
        foreach (var ch in line) if (!char.IsWhiteSpace(ch)) return false;
        return true;
    }

    private static int ParseInt(ReadOnlySpan<char> s, int lineNo) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"CoNLL-U line {lineNo}: bad id or head '{s}'.");
}
