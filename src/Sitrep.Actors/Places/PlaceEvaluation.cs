using Sitrep.Core;

namespace Sitrep.Actors.Places;

/// <summary>A document of an NER gold set, as text, with the spans of its location entities and of all its entities.</summary>
public sealed record PlaceGoldDocument(string Name, string Text, IReadOnlyList<TextSpan> Locations, IReadOnlyList<TextSpan> Entities);

/// <summary>
/// Reads location entities from NER gold sets to score the places layer: Universal NER <c>.iob2</c> files
/// (<c># newdoc</c>, <c># text</c>, token lines), and CoNLL column files (token … tag; re3d, wikigold; IOB1 or
/// IOB2; blank lines between sentences, <c>-DOCSTART-</c> or a new file between documents). A location is a
/// LOC, Location or GPE entity. Column files have no raw text: tokens are joined with spaces.
/// </summary>
public static class PlaceGoldReader
{
    public static IEnumerable<PlaceGoldDocument> Read(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".conll", StringComparison.Ordinal) || f.EndsWith(".iob2", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path];
        foreach (var f in files)
            foreach (var d in ReadFile(f)) yield return d;
    }

    private static bool IsLocation(string type) =>
        type.Equals("LOC", StringComparison.OrdinalIgnoreCase) || type.Equals("Location", StringComparison.OrdinalIgnoreCase) || type.Equals("GPE", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<PlaceGoldDocument> ReadFile(string file)
    {
        var name = Path.GetFileName(file);
        var sb = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var all = new List<TextSpan>();
        var sentenceTokens = new List<(string Token, string Tag)>();
        string? sentenceText = null;
        int docNo = 0;
        bool iob2 = file.EndsWith(".iob2", StringComparison.Ordinal);

        PlaceGoldDocument? Flush()
        {
            FlushSentence();
            if (sb.Length == 0) return null;
            var d = new PlaceGoldDocument($"{name}#{docNo++}", sb.ToString(), [.. spans], [.. all]);
            sb.Clear();
            spans.Clear();
            all.Clear();
            return d;
        }

        void FlushSentence()
        {
            if (sentenceTokens.Count == 0) { sentenceText = null; return; }
            if (sb.Length > 0) sb.Append('\n');
            int baseOffset = sb.Length;
            var text = sentenceText ?? string.Join(' ', sentenceTokens.Select(t => t.Token));
            sb.Append(text);
            int pos = 0, start = -1, end = -1;
            string? type = null;
            foreach (var (token, tag) in sentenceTokens)
            {
                var at = text.IndexOf(token, pos, StringComparison.Ordinal);
                if (at < 0) at = pos; // a token the text spells differently: keep going
                int tStart = at, tEnd = Math.Min(text.Length, at + token.Length);
                pos = tEnd;
                var (bio, ttype) = tag.Length > 2 && tag[1] == '-' ? (tag[0], tag[2..]) : ('O', "");
                bool continues = bio == 'I' && type == ttype;
                if (!continues)
                {
                    if (type is not null) all.Add(new TextSpan(baseOffset + start, baseOffset + end));
                    if (type is not null && IsLocation(type)) spans.Add(new TextSpan(baseOffset + start, baseOffset + end));
                    type = bio == 'O' ? null : ttype;
                    start = tStart;
                }
                end = tEnd;
            }
            if (type is not null) all.Add(new TextSpan(baseOffset + start, baseOffset + end));
            if (type is not null && IsLocation(type)) spans.Add(new TextSpan(baseOffset + start, baseOffset + end));
            sentenceTokens.Clear();
            sentenceText = null;
        }

        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# newdoc", StringComparison.Ordinal) || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (Flush() is { } d) yield return d;
                continue;
            }
            if (line.StartsWith("# text = ", StringComparison.Ordinal)) { FlushSentence(); sentenceText = line[9..]; continue; }
            if (line.StartsWith('#')) continue;
            if (line.Trim().Length == 0) { FlushSentence(); continue; }
            var f = line.Split(line.Contains('\t') ? '\t' : ' ');
            if (iob2 && f.Length >= 3) sentenceTokens.Add((f[1], f[2]));
            else if (f.Length >= 2) sentenceTokens.Add((f[0], f[^1]));
        }
        if (Flush() is { } last) yield return last;
    }
}

/// <summary>Counts for place mentions against gold location entities: exact spans and overlapping spans.</summary>
/// <remarks><see cref="Unannotated"/>: place mentions that overlap no gold entity of any type (a country named as an
/// organization in a list of coalition members still overlaps one): the plainly spurious ones.</remarks>
public sealed record PlaceScore(int Predicted, int Gold, int Exact, int PredictedOverlapping, int GoldOverlapped, int Unannotated = 0)
{
    public double UnannotatedRate => Ratio(Unannotated, Predicted);
    public double ExactPrecision => Ratio(Exact, Predicted);
    public double ExactRecall => Ratio(Exact, Gold);
    public double OverlapPrecision => Ratio(PredictedOverlapping, Predicted);
    public double OverlapRecall => Ratio(GoldOverlapped, Gold);
    public static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    public static PlaceScore operator +(PlaceScore a, PlaceScore b) =>
        new(a.Predicted + b.Predicted, a.Gold + b.Gold, a.Exact + b.Exact, a.PredictedOverlapping + b.PredictedOverlapping, a.GoldOverlapped + b.GoldOverlapped, a.Unannotated + b.Unannotated);

    public static PlaceScore Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Scores one document; a leading "the" in a gold span is ignored for exact matches ("the Middle East").</summary>
    public static PlaceScore Of(string text, IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted, IReadOnlyList<TextSpan>? entities = null)
    {
        int unannotated = entities is null ? 0 : predicted.Count(p => !entities.Any(e => e.Overlaps(p)));
        var trimmed = gold.Select(g => text.AsSpan(g.Start, g.Length).StartsWith("the ", StringComparison.OrdinalIgnoreCase) && g.Length > 4 ? new TextSpan(g.Start + 4, g.End) : g).ToList();
        int exact = predicted.Count(p => gold.Contains(p) || trimmed.Contains(p));
        int po = predicted.Count(p => gold.Any(g => g.Overlaps(p)));
        int go = gold.Count(g => predicted.Any(p => g.Overlaps(p)));
        return new PlaceScore(predicted.Count, gold.Count, exact, po, go, unannotated);
    }
}
