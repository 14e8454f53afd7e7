using System.Diagnostics;
using System.Text;
using Sitrep.Core;
using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;
using Sitrep.Nlp.Tokenization;

namespace Sitrep.Nlp.Evaluation;

/// <summary>Scores of a POS run. For gold tokens the F1s are accuracies; from raw text they are CoNLL 2018 style span-matched F1.</summary>
public sealed record PosScores(long GoldWords, long SystemWords, double Upos, double Xpos, double Lemma,
    double? TokenF1 = null, double? SentenceF1 = null, double? WordF1 = null, long? Sentences = null, double? TokensPerSecond = null);

public static class PosEvaluation
{
    /// <summary>Tags the gold words of each sentence and counts exact matches.</summary>
    public static PosScores GoldTokens(PosModel model, IReadOnlyList<ConlluSentence> gold)
    {
        var tagger = new PosTagger(model);
        long n = 0, u = 0, x = 0, l = 0;
        foreach (var s in gold)
        {
            var forms = s.Tokens.Select(t => t.Form).ToArray();
            var cls = tagger.Tag(forms);
            for (int i = 0; i < forms.Length; i++)
            {
                var g = s.Tokens[i];
                n++;
                if (tagger.UposOf(cls[i]) == g.Upos) u++;
                if (tagger.XposOf(cls[i]) == g.Xpos) x++;
                if (tagger.Lemma(forms[i], cls[i]) == g.Lemma) l++;
            }
        }
        return new PosScores(n, n, Pct(u, n), Pct(x, n), Pct(l, n), Sentences: gold.Count);
    }

    /// <summary>A gold document rebuilt as raw text, with the character spans of gold sentences, surface tokens and words.</summary>
    public sealed record GoldDocument(string Text, List<TextSpan> Sentences, List<TextSpan> Tokens, List<(TextSpan Span, ConlluToken Word)> Words);

    /// <summary>
    /// Rebuilds documents from "# text" lines: sentences of a paragraph joined by a space, paragraphs by a blank line,
    /// a new document at each "# newdoc".
    /// </summary>
    public static List<GoldDocument> RebuildDocuments(IReadOnlyList<ConlluSentence> gold)
    {
        var docs = new List<GoldDocument>();
        StringBuilder? sb = null;
        List<TextSpan> sents = [], toks = [];
        List<(TextSpan, ConlluToken)> words = [];
        void Flush()
        {
            if (sb is not null && sb.Length > 0) docs.Add(new GoldDocument(sb.ToString(), sents, toks, words));
            sb = new StringBuilder(); sents = []; toks = []; words = [];
        }
        foreach (var s in gold)
        {
            if (sb is null || s.NewDoc is not null) Flush();
            if (sb!.Length > 0) sb.Append(s.NewPar is not null ? "\n\n" : " ");
            int baseOffset = sb.Length;
            var surface = s.SurfaceTokens();
            var text = s.Text ?? string.Join("", surface.Select(t => t.SpaceAfter ? t.Form + " " : t.Form)).TrimEnd();
            sb.Append(text);
            int pos = 0, first = -1, last = 0;
            foreach (var st in surface)
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
                int at = string.CompareOrdinal(text, pos, st.Form, 0, st.Form.Length) == 0 ? pos : text.IndexOf(st.Form, pos, StringComparison.Ordinal);
                if (at < 0) continue; // a form not in the text (rare annotation quirk): the token counts as missed
                var span = new TextSpan(baseOffset + at, baseOffset + at + st.Form.Length);
                toks.Add(span);
                if (first < 0) first = span.Start;
                last = span.End;
                pos = at + st.Form.Length;
                // Words of a multiword token get consecutive sub-spans when their forms spell the surface form.
                var ws = s.Tokens.Where(t => t.Id >= st.FirstWord && t.Id <= st.LastWord).ToList();
                if (ws.Count == 1) { words.Add((span, ws[0])); continue; }
                bool spells = string.Equals(string.Concat(ws.Select(w => w.Form)), st.Form, StringComparison.OrdinalIgnoreCase);
                int o = span.Start;
                foreach (var w in ws)
                {
                    if (spells) { words.Add((new TextSpan(o, o + w.Form.Length), w)); o += w.Form.Length; }
                    else words.Add((span, w));
                }
            }
            if (first >= 0) sents.Add(new TextSpan(first, last));
        }
        Flush();
        return docs;
    }

    /// <summary>Runs the tokenizer, splitter and tagger on the rebuilt raw text and scores them against the gold spans.</summary>
    public static PosScores Raw(PosModel model, IReadOnlyList<ConlluSentence> gold)
    {
        var docs = RebuildDocuments(gold);
        var stage = new PosTaggerStage(model, "eval", "");
        // Warm-up pass, then a timed pass: throughput of tokenize + split + tag on one thread.
        var outputs = new (Sentence[] S, Token[] T)[docs.Count];
        long words = 0;
        double seconds = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            var sw = Stopwatch.StartNew();
            for (int d = 0; d < docs.Count; d++)
            {
                var (s, t) = TokenizerStage.Run(docs[d].Text);
                stage.Tag(docs[d].Text, s, t);
                outputs[d] = (s, t);
            }
            seconds = sw.Elapsed.TotalSeconds;
        }
        long goldTok = 0, sysTok = 0, okTok = 0, goldSent = 0, sysSent = 0, okSent = 0, goldW = 0, sysW = 0, okW = 0, okU = 0, okX = 0, okL = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            var (sents, toks) = outputs[d];
            words += toks.Length;
            var text = doc.Text;
            // Surface tokens: contraction clitics rejoin their host, as EWT writes them as multiword tokens.
            var surface = new List<TextSpan>();
            foreach (var t in Surface(text, toks)) surface.Add(t);
            (goldTok, sysTok, okTok) = Add((goldTok, sysTok, okTok), Match(doc.Tokens, surface));
            (goldSent, sysSent, okSent) = Add((goldSent, sysSent, okSent), Match(doc.Sentences, sents.Select(s => s.Span).ToList()));
            var sys = new Dictionary<TextSpan, Token>();
            foreach (var t in toks) sys.TryAdd(t.Span, t);
            goldW += doc.Words.Count; sysW += toks.Length;
            foreach (var (span, w) in doc.Words)
            {
                if (!sys.TryGetValue(span, out var t)) continue;
                okW++;
                if (t.Upos == w.Upos) okU++;
                if (t.Xpos == w.Xpos) okX++;
                if (t.Lemma == w.Lemma) okL++;
            }
        }
        return new PosScores(goldW, sysW, F1(okU, goldW, sysW), F1(okX, goldW, sysW), F1(okL, goldW, sysW),
            F1(okTok, goldTok, sysTok), F1(okSent, goldSent, sysSent), F1(okW, goldW, sysW), goldSent, words / seconds);
    }

    private static readonly HashSet<string> SHosts = new(StringComparer.OrdinalIgnoreCase)
    { "it", "he", "she", "that", "there", "what", "here", "who", "where", "how", "let", "this", "everything", "nothing", "someone", "everyone", "why", "when" };

    private static IEnumerable<TextSpan> Surface(string text, Token[] toks)
    {
        for (int i = 0; i < toks.Length; i++)
        {
            var span = toks[i].Span;
            while (i + 1 < toks.Length && toks[i + 1].Span.Start == span.End && IsMultiwordClitic(text, span, toks[i + 1].Span))
                span = new TextSpan(span.Start, toks[++i].Span.End);
            yield return span;
        }
    }

    private static bool IsMultiwordClitic(string text, TextSpan host, TextSpan clitic)
    {
        var c = text.AsSpan(clitic.Start, clitic.Length);
        var h = text.AsSpan(host.Start, host.Length);
        if (c.Length == 0) return false;
        if (c[0] is '\'' or '\u2019')
        {
            if (c.Length == 2 && (c[1] | 0x20) == 's') return SHosts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h);
            return c.Length >= 2 && char.IsLetter(c[1]);
        }
        if (c.Equals("n't", StringComparison.OrdinalIgnoreCase) || c.Equals("n\u2019t", StringComparison.OrdinalIgnoreCase) || c.Equals("nt", StringComparison.OrdinalIgnoreCase)) return true;
        return (h.Equals("can", StringComparison.OrdinalIgnoreCase) && c.Equals("not", StringComparison.OrdinalIgnoreCase))
            || ((h.Equals("gon", StringComparison.OrdinalIgnoreCase) || h.Equals("wan", StringComparison.OrdinalIgnoreCase)) && c.Equals("na", StringComparison.OrdinalIgnoreCase))
            || (h.Equals("got", StringComparison.OrdinalIgnoreCase) && c.Equals("ta", StringComparison.OrdinalIgnoreCase));
    }

    private static (long, long, long) Match(List<TextSpan> gold, IReadOnlyList<TextSpan> sys)
    {
        var set = new HashSet<TextSpan>(gold);
        long ok = 0;
        foreach (var s in sys) if (set.Remove(s)) ok++;
        return (gold.Count, sys.Count, ok);
    }

    private static (long, long, long) Add((long, long, long) a, (long, long, long) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2, a.Item3 + b.Item3);
    private static double Pct(long a, long n) => n == 0 ? 0 : 100.0 * a / n;
    private static double F1(long ok, long gold, long sys) => gold + sys == 0 ? 0 : 100.0 * 2 * ok / (gold + sys);
}
