using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Events.Attribution;

/// <summary>
/// One piece of reported speech: who says (the attribution link of the reporting word), the reporting word's
/// token, and the claim: the clause it governs ("X said that …") or, for a closing speech tag ("…, X said."),
/// the part of the sentence before the tag. <see cref="Modality"/> is the claim's own modality from the
/// analyzer at its head (e.g. denied under "denied that").
/// </summary>
public sealed record ReportedSpeech(AttributionLink Speaker, int Verb, TextSpan Claim, int ClaimHead, Modality Modality);

/// <summary>Lists reported speech in a document, in text order, for storing claims by their speakers.</summary>
public sealed class ReportedSpeechFinder(ClaimAnalyzer analyzer)
{
    public ReportedSpeechFinder() : this(new ClaimAnalyzer()) { }

    public ImmutableArray<ReportedSpeech> Find(Document document)
    {
        var ix = ClaimIndex.For(document, analyzer.Lexicon);
        var b = ImmutableArray.CreateBuilder<ReportedSpeech>();
        var tagged = new HashSet<int>();
        foreach (var sentence in ix.Sentences)
        {
            foreach (var cue in SentenceCues.Find(ix, sentence))
            {
                if (cue.According || cue.ScopeEnd <= sentence.FirstToken || !tagged.Add(cue.Anchor)) continue;
                int root = RootBefore(ix, sentence.FirstToken, cue.ScopeEnd);
                if (root < 0) continue;
                int first = sentence.FirstToken, last = cue.ScopeEnd - 1;
                while (first < last && SentenceCues.IsQuoteMark(ix, first)) first++;
                while (last > first && (ix.IsPunct(last))) last--;
                b.Add(new ReportedSpeech(cue.Link, cue.Anchor, ix.Span(first, last), root, analyzer.Analyze(document, root).Modality));
            }
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int v = sentence.FirstToken; v < end; v++)
            {
                if (!ix.Is(v, CueKind.Report | CueKind.Allege | CueKind.Deny) || tagged.Contains(v)) continue;
                int claim = -1;
                for (int c = ix.FirstChild[v]; c >= 0; c = ix.NextSibling[c])
                    if (ix.RelIs(c, "ccomp") || (ix.RelIs(c, "parataxis") && c > v)) { claim = c; break; }
                if (claim < 0) continue;
                int first = ix.SubtreeStart[claim], last = ix.SubtreeEnd[claim];
                // A closing speech tag ("…, AP reported") is not part of the clause a parser may hang it on.
                foreach (var cue in SentenceCues.Find(ix, sentence))
                    if (!cue.According && cue.ScopeEnd > v && cue.ScopeEnd <= last) last = cue.ScopeEnd - 1;
                while (first < last && (ix.RelIs(first, "mark") || ix.IsPunct(first)) && ix.Head(first) == claim) first++;
                while (last > first && ix.IsPunct(last)) last--;
                b.Add(new ReportedSpeech(Speakers.LinkFor(ix, v), v, ix.Span(first, last), claim, analyzer.Analyze(document, claim).Modality));
            }
        }
        b.Sort((x, y) => x.Claim.Start != y.Claim.Start ? x.Claim.Start.CompareTo(y.Claim.Start) : x.Verb.CompareTo(y.Verb));
        return b.ToImmutable();
    }

    /// <summary>The highest token in [first, end) whose head lies outside it.</summary>
    private static int RootBefore(ClaimIndex ix, int first, int end)
    {
        for (int t = first; t < end; t++)
        {
            int h = ix.Head(t);
            if ((h < first || h >= end) && !ix.IsPunct(t)) return t;
        }
        return -1;
    }
}
