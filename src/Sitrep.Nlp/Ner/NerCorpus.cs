using Sitrep.Nlp.Conllu;

namespace Sitrep.Nlp.Ner;

/// <summary>A gold entity span over tokens [Start, Start + Length) of one sentence.</summary>
public readonly record struct NerSpan(int Start, int Length, string Type);

/// <summary>
/// One sentence of NER data: word forms, gold spans (types PER, ORG, LOC; other corpus types dropped), for CoNLL-U gold UPOS,
/// and the document it belongs to (`# newdoc id` in .iob2 and CoNLL-U, the -DOCSTART- count in CoNLL column files; null
/// when the file does not say), so that evaluation can see whole documents and cross-validation can split by document.
/// </summary>
public sealed record NerSentence(string[] Forms, NerSpan[] Spans, string[]? Upos = null, string? Document = null);

/// <summary>The NER file formats Sitrep reads.</summary>
public enum NerFormat { Iob2, Conll, Conllu }

/// <summary>
/// Readers for NER training and test data: UNER's .iob2 (id, form, tag columns), CoNLL-2003-style column files (form first,
/// tag last; IOB1 or IOB2, as wikigold and re3d), and CoNLL-U with GUM's Entity= brackets in MISC.
/// </summary>
public static class NerCorpus
{
    /// <summary>The corpus types kept and their Sitrep names; everything else (MISC, Weapon, Temporal, …) becomes O.</summary>
    public static string? MapType(string corpusType) => corpusType.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => "PER",
        // WNUT 17's corporation and group (companies, teams, bands, parties) are organizations in UNER's sense.
        "ORG" or "ORGANISATION" or "ORGANIZATION" or "CORPORATION" or "GROUP" => "ORG",
        // UNER tags software and web products named by their brand (Firefox, Picasa) as organizations; WNUT 17 calls them products.
        "PRODUCT" => "ORG",
        "LOC" or "LOCATION" or "PLACE" or "GPE" => "LOC",
        _ => null,
    };

    /// <summary>Replaces UPOS with the tagger's predictions on the gold words, as the pipeline sees them at run time.</summary>
    public static List<NerSentence> WithPredictedUpos(IEnumerable<NerSentence> sentences, Tagging.PosTagger tagger) =>
        [.. sentences.Select(s =>
        {
            var cls = tagger.Tag(s.Forms);
            return s with { Upos = [.. cls.Select(tagger.UposOf)] };
        })];

    public static NerFormat Guess(string path) =>
        path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase) ? NerFormat.Conllu
        : path.EndsWith(".iob2", StringComparison.OrdinalIgnoreCase) ? NerFormat.Iob2
        : NerFormat.Conll;

    public static List<NerSentence> Read(string path, NerFormat? format = null) => (format ?? Guess(path)) switch
    {
        NerFormat.Conllu => ReadGum(path),
        NerFormat.Iob2 => ReadColumns(path, iob2: true),
        _ => ReadColumns(path, iob2: false),
    };

    /// <summary>Reads a column file: blank lines separate sentences, '#' lines are comments in .iob2, -DOCSTART- lines are skipped.</summary>
    public static List<NerSentence> ReadColumns(string path, bool iob2)
    {
        var result = new List<NerSentence>();
        var forms = new List<string>();
        var tags = new List<string>();
        string? document = null;
        int docStarts = 0;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }
            if (iob2 && line.StartsWith('#'))
            {
                if (NewDocId(line) is { } id) { Flush(); document = id; }
                continue;
            }
            var cols = line.Split(iob2 ? '\t' : (line.Contains('\t') ? '\t' : ' '));
            if (cols[0].StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                document = "doc" + (++docStarts).ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (iob2)
            {
                if (cols.Length < 3) continue;
                forms.Add(cols[1]); tags.Add(cols[2]);
            }
            else
            {
                if (cols.Length < 2) continue;
                forms.Add(cols[0]); tags.Add(cols[^1]);
            }
        }
        Flush();
        return result;

        void Flush()
        {
            if (forms.Count == 0) return;
            result.Add(new NerSentence([.. forms], SpansFromTags(tags), null, document));
            forms.Clear(); tags.Clear();
        }
    }

    /// <summary>
    /// Writes sentences with the given mentions as UNER-style IOB2 (index, form, tag, then two '-' columns), each document
    /// opened by its '# newdoc id' line. Types are coarse as scored (GPE as LOC); NORP is not written.
    /// </summary>
    public static void WriteIob2(string path, IReadOnlyList<NerSentence> sentences, IReadOnlyList<IReadOnlyList<NerSpan>> mentions)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        string? document = null;
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            if (s.Document is { } d && !string.Equals(d, document, StringComparison.Ordinal)) { w.WriteLine("# newdoc id = " + d); document = d; }
            var tags = new string[s.Forms.Length];
            Array.Fill(tags, "O");
            foreach (var m in mentions[k])
            {
                if (m.Type == NerTagger.Norp || m.Length <= 0 || m.Start + m.Length > tags.Length) continue;
                var type = NerEvaluation.ToCoarse(m.Type);
                tags[m.Start] = "B-" + type;
                for (int i = m.Start + 1; i < m.Start + m.Length; i++) tags[i] = "I-" + type;
            }
            for (int i = 0; i < tags.Length; i++)
                w.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1}\t{s.Forms[i]}\t{tags[i]}\t-\t-"));
            w.WriteLine();
        }
    }

    /// <summary>
    /// Cross-validation fold of each sentence: the index of its document (in order of first appearance) mod <paramref name="folds"/>;
    /// a sentence without a document is its own document. Whole documents stay in one fold, so names shared by the sentences
    /// of a document cannot leak from training into scoring.
    /// </summary>
    public static int[] DocumentFolds(IReadOnlyList<NerSentence> sentences, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var fold = new int[sentences.Count];
        int next = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            int d;
            if (sentences[i].Document is { } id)
            {
                if (!docIndex.TryGetValue(id, out d)) docIndex[id] = d = next++;
            }
            else d = next++;
            fold[i] = d % folds;
        }
        return fold;
    }

    /// <summary>The id of a "# newdoc id = X" comment (with or without its '#'), or null for any other comment.</summary>
    public static string? NewDocId(string comment)
    {
        const string Prefix = "newdoc id";
        var c = comment.AsSpan().TrimStart('#').TrimStart();
        if (!c.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = c[Prefix.Length..].Trim();
        if (rest.StartsWith("=")) rest = rest[1..].Trim();
        return rest.Length == 0 ? null : rest.ToString();
    }

    /// <summary>Spans from IOB1 or IOB2 tags: an I- tag after O or after another type starts a span.</summary>
    public static NerSpan[] SpansFromTags(IReadOnlyList<string> tags)
    {
        var spans = new List<NerSpan>();
        int start = -1; string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length >= 2 && tag[1] == '-' ? tag[0] : 'O';
            string? t = prefix == 'O' ? null : tag[2..];
            bool continues = prefix is 'I' or 'L' or 'E' && t == type && type is not null;
            if (!continues)
            {
                if (type is not null && MapType(type) is { } mapped) spans.Add(new NerSpan(start, i - start, mapped));
                type = t; start = i;
            }
            if (prefix is 'U' or 'S' or 'L' or 'E')
            {
                if (type is not null && MapType(type) is { } mapped) spans.Add(new NerSpan(start, i + 1 - start, mapped));
                type = null;
            }
        }
        return [.. spans];
    }

    /// <summary>
    /// GUM: person, place and organization mentions whose head (the word whose parent is outside the mention) is PROPN,
    /// trimmed to the proper-noun run around the head (joined across "of", "&amp;", "and", "de" between proper nouns).
    /// </summary>
    public static List<NerSentence> ReadGum(string path)
    {
        var result = new List<NerSentence>();
        string? document = null;
        foreach (var s in ConlluReader.Read(path))
        {
            foreach (var c in s.Comments)
                if (NewDocId(c) is { } id) document = id;
            var toks = s.Tokens;
            int n = toks.Count;
            if (n == 0) continue;
            var forms = toks.Select(t => t.Form).ToArray();
            var upos = toks.Select(t => t.Upos).ToArray();
            var mentions = GumMentions(toks);
            var taken = new bool[n];
            var spans = new List<NerSpan>();
            // Outer mentions first: "the Bank of England" is one organization, not the place nested in it.
            foreach (var (start, end, etype) in mentions.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
            {
                var type = etype switch { "person" => "PER", "place" => "LOC", "organization" => "ORG", _ => null };
                if (type is null) continue;
                int head = -1;
                for (int i = start; i <= end; i++)
                {
                    int h = toks[i].Head - 1;
                    if (h < start || h > end) { head = i; break; }
                }
                if (head < 0 || upos[head] != "PROPN") continue;
                int a = head, b = head;
                // Capitalized adjectives and participles inside a name count too ("United Kingdom", "New Zealand").
                while (a - 1 >= start && (upos[a - 1] == "PROPN" || upos[a - 1] is "ADJ" or "VERB" && char.IsUpper(forms[a - 1][0]))) a--;
                while (true)
                {
                    if (b + 1 <= end && upos[b + 1] == "PROPN") { b++; continue; }
                    if (b + 2 <= end && upos[b + 2] == "PROPN" && forms[b + 1] is "of" or "&" or "and" or "de" or "for") { b += 2; continue; }
                    break;
                }
                bool clash = false;
                for (int i = a; i <= b; i++) clash |= taken[i];
                if (clash) continue;
                for (int i = a; i <= b; i++) taken[i] = true;
                spans.Add(new NerSpan(a, b - a + 1, type));
            }
            spans.Sort((x, y) => x.Start.CompareTo(y.Start));
            result.Add(new NerSentence(forms, [.. spans], upos, document));
        }
        return result;
    }

    /// <summary>GUM Entity= brackets in the CoNLL-2012 style: "(id-etype-…" opens, "id)" closes, "(id-etype-…)" is one word.</summary>
    private static List<(int Start, int End, string Etype)> GumMentions(List<ConlluToken> toks)
    {
        var result = new List<(int, int, string)>();
        var open = new List<(string Id, int Start, string Etype)>();
        for (int i = 0; i < toks.Count; i++)
        {
            var misc = toks[i].Misc;
            int at = misc.IndexOf("Entity=", StringComparison.Ordinal);
            if (at < 0) continue;
            int p = at + 7;
            int stop = misc.IndexOf('|', p);
            if (stop < 0) stop = misc.Length;
            while (p < stop)
            {
                if (misc[p] == '(')
                {
                    int q = p + 1;
                    while (q < stop && misc[q] != '(' && misc[q] != ')') q++;
                    var spec = misc[(p + 1)..q].Split('-');
                    string id = spec[0], etype = spec.Length > 1 ? spec[1] : "";
                    if (q < stop && misc[q] == ')') { result.Add((i, i, etype)); q++; }
                    else open.Add((id, i, etype));
                    p = q;
                }
                else
                {
                    int q = p;
                    while (q < stop && misc[q] != ')') q++;
                    var id = misc[p..q];
                    for (int k = open.Count - 1; k >= 0; k--)
                        if (open[k].Id == id) { result.Add((open[k].Start, i, open[k].Etype)); open.RemoveAt(k); break; }
                    p = q + 1;
                }
            }
        }
        return result;
    }
}
