using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Events.Attribution;

namespace Sitrep.Events.Quotes;

/// <summary>
/// Direct quotations and their speakers. Quote marks are paired on the characters (straight and curly double
/// quotes, mixed as real text mixes them; a quote that runs on over paragraphs reopens with a mark at each
/// paragraph). The speaker comes from, in order: a speech tag right after the quote ("…," he said / ," AP
/// reported Kirby as saying), a speech tag right before it (Kirby said: "…"), the quote it continues ("…," he
/// said. "…"), or the reporting verb governing a partial quote (Kirby said the letters were "more at the
/// surface level"). The speaker is the actor mention covering the speaker's head, so a pronoun ("he added")
/// gets its chain's actor from the actor layer. Quote spans are inside the marks, without a trailing comma.
/// </summary>
public static class QuoteFinder
{
    /// <summary>A quote with the attribution link of its speaker (null when none was found).</summary>
    internal readonly record struct Found(Quote Quote, AttributionLink? Link, int Open, int Close, bool ContinuesNext);

    public static ImmutableArray<Quote> Find(Document document) => Find(document, AttributionLexicon.Default);

    public static ImmutableArray<Quote> Find(Document document, AttributionLexicon lexicon)
    {
        var found = ClaimIndex.For(document, lexicon).Quotes;
        var b = ImmutableArray.CreateBuilder<Quote>(found.Length);
        foreach (var f in found) b.Add(f.Quote);
        return b.MoveToImmutable();
    }

    internal static Found[] FindAll(ClaimIndex ix)
    {
        var pairs = Pair(ix.Text);
        if (pairs.Count == 0) return [];
        var result = new Found[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var (open, close, continues) = pairs[i];
            var span = Content(ix.Text, open, close);
            AttributionLink? link = null;
            TextSpan? cue = null;
            if (ix.Tokens.Length > 0)
            {
                (link, cue) = TagAfter(ix, close);
                if (link is null) (link, cue) = TagBefore(ix, open);
                if (link is null && i > 0 && result[i - 1].Link is { } prev
                    && (result[i - 1].ContinuesNext || Between(ix.Text, result[i - 1].Close + 1, open, result[i - 1].Quote.Cue)))
                    (link, cue) = (prev, result[i - 1].Quote.Cue);
                if (link is null) (link, cue) = Governing(ix, span);
            }
            result[i] = new Found(new Quote(span, link?.Actor, cue), link, open, close, continues);
        }
        // A quote running over paragraphs takes the speaker its last part names.
        for (int i = result.Length - 2; i >= 0; i--)
            if (result[i].ContinuesNext && result[i].Link is null && result[i + 1].Link is { } next)
                result[i] = result[i] with { Link = next, Quote = result[i].Quote with { Speaker = next.Actor, Cue = result[i + 1].Quote.Cue } };
        return result;
    }

    private static bool IsOpenMark(char c) => c is '“' or '„' or '«';
    private static bool IsCloseMark(char c) => c is '”' or '»';
    private static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    /// <summary>Pairs quote marks: (open index, close index, continues into the next paragraph).</summary>
    internal static List<(int Open, int Close, bool Continues)> Pair(string text)
    {
        var pairs = new List<(int, int, bool)>();
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (open < 0) continue;
                int j = i + 1;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                // A quote that goes on in the next paragraph reopens there; otherwise the mark was stray.
                if (j < text.Length && (IsOpenMark(text[j]) || text[j] == '"') && i - open > 1)
                    pairs.Add((open, i, true));
                open = -1;
                continue;
            }
            if (!IsQuoteMark(c)) continue;
            bool spaceBefore = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–';
            bool wordAfter = i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (open < 0)
            {
                if (IsCloseMark(c)) continue;
                if (c == '"' && !(spaceBefore && wordAfter) && !(i == 0 && wordAfter)) continue;
                open = i;
            }
            else if (IsOpenMark(c) || (c == '"' && spaceBefore && wordAfter && !(i - open == 1)))
            {
                open = i; // the earlier mark opened nothing
            }
            else
            {
                if (i - open > 1) pairs.Add((open, i, false));
                open = -1;
            }
        }
        return pairs;
    }

    private static TextSpan Content(string text, int open, int close)
    {
        int s = open + 1, e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ',')) e--;
        return new TextSpan(s, e);
    }

    /// <summary>Whether only the cue, spaces and punctuation lie between two positions ('"…," he said. "…"').</summary>
    private static bool Between(string text, int from, int to, TextSpan? cue)
    {
        if (cue is not { } c || from > to) return false;
        for (int i = from; i < to; i++)
        {
            if (c.Contains(i)) continue;
            if (!(char.IsWhiteSpace(text[i]) || char.IsPunctuation(text[i]))) return false;
        }
        return c.Start >= from && c.End <= to;
    }

    private static int FirstTokenAtOrAfter(ClaimIndex ix, int pos)
    {
        int lo = 0, hi = ix.Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ix.Tokens[mid].Span.Start < pos) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>'…," he said' / '…," said Kirby' / '…," AP reported Kirby as saying'.</summary>
    private static (AttributionLink?, TextSpan?) TagAfter(ClaimIndex ix, int close)
    {
        int k = FirstTokenAtOrAfter(ix, close + 1);
        while (k < ix.Tokens.Length && ix.IsPunct(k) && ix.Tokens[k].Span.Start - close < 4) k++;
        if (k >= ix.Tokens.Length || ix.Tokens[k].Span.Start - close > 4) return (null, null);
        int sentence = ix.Tokens[k].Sentence;
        for (int r = k; r < ix.Tokens.Length && r <= k + 5 && ix.Tokens[r].Sentence == sentence; r++)
        {
            if (ix.Is(r, CueKind.Report | CueKind.Allege))
            {
                int inner = SentenceCues.AsSaying(ix, r);
                int speakerVerb = inner >= 0 ? inner : r;
                var link = Speakers.LinkFor(ix, speakerVerb);
                int s = Speakers.SpeakerToken(ix, speakerVerb);
                int last = Math.Max(speakerVerb, s >= 0 ? Speakers.Phrase(ix, s).Last : r);
                if (s < 0 && inner < 0) return (null, null);
                return (link, ix.Span(k, last));
            }
            if (ix.Tokens[r].Upos is not ("PRON" or "PROPN" or "NOUN" or "DET" or "ADJ" or "NUM" or "PART") && !(ix.Form(r) is "'s" or "’s")) return (null, null);
        }
        return (null, null);
    }

    /// <summary>'Kirby said: "…"' / 'he told reporters, "…"'.</summary>
    private static (AttributionLink?, TextSpan?) TagBefore(ClaimIndex ix, int open)
    {
        int j = FirstTokenAtOrAfter(ix, open) - 1;
        if (j < 0 || open - ix.Tokens[j].Span.End > 2) return (null, null);
        bool punct = ix.Form(j) is ":" or ",";
        if (punct) j--;
        for (int r = j; r >= 0 && r >= j - 3; r--)
        {
            if (ix.Is(r, CueKind.Report | CueKind.Allege))
            {
                if (!punct && r != j) return (null, null);
                int s = Speakers.SpeakerToken(ix, r);
                if (s < 0) return (null, null);
                var link = Speakers.LinkFor(ix, r);
                return (link, link.Span);
            }
            if (ix.Tokens[r].Upos is "VERB" or "AUX" or "CCONJ" or "SCONJ" || ix.IsPunct(r)) return (null, null);
        }
        return (null, null);
    }

    /// <summary>A partial quote inside reported speech: the reporting verb governing the quoted words, else a closing speech tag of its sentence.</summary>
    private static (AttributionLink?, TextSpan?) Governing(ClaimIndex ix, TextSpan span)
    {
        int first = FirstTokenAtOrAfter(ix, span.Start);
        if (first >= ix.Tokens.Length || ix.Tokens[first].Span.Start >= span.End) return (null, null);
        int last = first;
        while (last + 1 < ix.Tokens.Length && ix.Tokens[last + 1].Span.End <= span.End) last++;
        int head = first;
        for (int t = first; t <= last; t++)
        {
            int h = ix.Head(t);
            if (h < first || h > last) { head = t; break; }
        }
        int cur = head;
        for (int guard = 0; guard < 12; guard++)
        {
            int h = ix.Head(cur);
            if (h < 0) break;
            var rel = ix.Rel(cur);
            if (ix.Is(h, CueKind.Report | CueKind.Allege) && (rel is "ccomp" or "obj" or "parataxis" or "xcomp" || ix.FullRelIs(cur, "nsubj:pass")))
            {
                if (Speakers.SpeakerToken(ix, h) < 0) return (null, null);
                var link = Speakers.LinkFor(ix, h);
                return (link, link.Span);
            }
            cur = h;
        }
        // The innermost closing tag ("AP reported Kirby as saying" → Kirby).
        AttributionLink? tag = null;
        foreach (var cue in SentenceCues.Find(ix, ix.SentenceOf(first)))
            if (!cue.According && last < cue.ScopeEnd) tag = cue.Link;
        return tag is null ? (null, null) : (tag, tag.Span);
    }
}
