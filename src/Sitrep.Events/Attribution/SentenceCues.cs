using Sitrep.Nlp;

namespace Sitrep.Events.Attribution;

/// <summary>
/// Attribution cues that cover a whole sentence rather than one clause of its tree: a closing speech tag
/// ("…, AP reported on Wednesday.", "…, he added.", "…, said Kirby.") and "according to X". The parser often
/// attaches these anywhere (as a conjunct, a parataxis, an apposition), so they are found on the surface and
/// checked against the tree.
/// </summary>
internal static class SentenceCues
{
    /// <summary>A sentence cue: its link, the token the cue starts at (its scope ends before it), and whether it is "according to".</summary>
    public readonly record struct Cue(AttributionLink Link, int ScopeEnd, int Anchor, bool According);

    /// <summary>The cues of a sentence, outermost first: closing speech tags, then "according to".</summary>
    public static List<Cue> Find(ClaimIndex ix, Sentence sentence) =>
        ix.SentenceCueCache(sentence, static (x, s) => Compute(x, s));

    private static List<Cue> Compute(ClaimIndex ix, Sentence sentence)
    {
        var cues = new List<Cue>(2);
        int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
        int lastWord = end - 1;
        while (lastWord > first && ix.IsPunct(lastWord)) lastWord--;
        // Closing speech tag.
        for (int r = first + 2; r <= lastWord; r++)
        {
            if (!ix.Is(r, CueKind.Report | CueKind.Allege)) continue;
            // A complement after the verb is what it reports ("AP reported that …"): a clause, not a closing tag. One
            // before it is the sentence the tag closes, as the treebanks parse "…, AP reported." (the report the root).
            if (HasComplementAfter(ix, r)) continue;
            // "If Russia attacks, Ukraine will respond": a main clause with its own condition or modal is no speech tag.
            if (HasModalOrEarlyClause(ix, r)) continue;
            int obj = ix.Child(r, "obj");
            int asSaying = AsSaying(ix, r);
            if (obj >= 0 && asSaying < 0) continue;
            int s = Speakers.SpeakerToken(ix, r);
            int tagStart = r;
            if (s >= 0 && s < r) tagStart = Speakers.Phrase(ix, s).First;
            int before = tagStart - 1;
            if (before <= first || !(IsComma(ix, before) || IsQuoteMark(ix, before))) continue;
            // Everything after the verb belongs to it or its speaker ("on Wednesday", "said Kirby").
            int reach = Math.Max(ix.SubtreeEnd[r], s >= 0 ? ix.SubtreeEnd[s] : r);
            if (reach < lastWord) continue;
            cues.Add(new Cue(Speakers.LinkFor(ix, r), before, r, false));
            if (asSaying >= 0) cues.Add(new Cue(Speakers.LinkFor(ix, asSaying), before, asSaying, false));
            // "…, Reuters reported, citing officials": the cited source is inside the report.
            for (int c = r + 1; c <= lastWord; c++)
                if (ix.Is(c, CueKind.Cite) && ix.Child(c, "obj") is var o && o >= 0 && (ix.Head(c) == r || ix.SubtreeEnd[r] >= c))
                {
                    cues.Add(new Cue(Speakers.Link(ix, o, c, c), before, c, false));
                    break;
                }
            break;
        }
        // "according to X"
        foreach (var phrase in ix.Lexicon.SourcePhrases)
        {
            for (int t = first; t + phrase.Length < end; t++)
            {
                if (!Matches(ix, t, phrase)) continue;
                int npFirst = t + phrase.Length, npLast = npFirst;
                while (npLast + 1 < end && !ix.IsPunct(npLast + 1) && !ix.Is(npLast + 1, CueKind.Report | CueKind.Allege)) npLast++;
                if (ix.IsPunct(npFirst)) continue;
                int head = npLast;
                for (int k = npFirst; k <= npLast; k++)
                {
                    int h = ix.Head(k);
                    if (h < npFirst || h > npLast) { head = k; break; }
                }
                // A head the parser left outside the phrase: the last noun is the usual head of an English noun phrase.
                if (ix.Tokens[head].Upos is not ("NOUN" or "PROPN" or "PRON"))
                    for (int k = npLast; k >= npFirst; k--)
                        if (ix.Tokens[k].Upos is "NOUN" or "PROPN") { head = k; break; }
                var link = Speakers.Link(ix, head, t, npLast);
                // The phrase's own tokens only: the speaker phrase may reach further on a bad parse.
                var span = ix.Span(t, npLast);
                int actor = Speakers.ActorFor(ix, head, npFirst, npLast);
                link = link with { Span = span, Text = ix.Text[span.Start..span.End], Actor = actor >= 0 ? actor : null, Code = actor >= 0 ? ix.Actors[actor].Code : link.Code };
                cues.Add(new Cue(link, t, t, true));
                t = npLast;
            }
        }
        return cues;
    }

    private static bool HasComplementAfter(ClaimIndex ix, int r)
    {
        for (int c = ix.FirstChild[r]; c >= 0; c = ix.NextSibling[c])
            if (c > r && (ix.RelIs(c, "ccomp") || ix.RelIs(c, "xcomp") || ix.RelIs(c, "csubj"))) return true;
        return false;
    }

    private static bool HasModalOrEarlyClause(ClaimIndex ix, int r)
    {
        for (int c = ix.FirstChild[r]; c >= 0; c = ix.NextSibling[c])
        {
            if (ix.RelIs(c, "aux") && ix.Is(c, CueKind.HypotheticalAux | CueKind.IntendAux)) return true;
            if (ix.RelIs(c, "advcl") && c < r) return true;
        }
        return false;
    }

    /// <summary>The sentence cues as links, outermost first.</summary>
    public static IEnumerable<AttributionLink> Outer(ClaimIndex ix, Sentence sentence)
    {
        foreach (var c in Find(ix, sentence)) yield return c.Link;
    }

    /// <summary>"reported Kirby as saying": the "as"-clause reporting verb under <paramref name="r"/>, or -1.</summary>
    public static int AsSaying(ClaimIndex ix, int r)
    {
        for (int c = ix.FirstChild[r]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "advcl") && ix.Is(c, CueKind.Report) && Speakers.HasMark(ix, c, "as")) return c;
        return -1;
    }

    private static bool Matches(ClaimIndex ix, int t, System.Collections.Immutable.ImmutableArray<string> phrase)
    {
        for (int i = 0; i < phrase.Length; i++)
            if (!ix.FormIs(t + i, phrase[i])) return false;
        return true;
    }

    public static bool IsComma(ClaimIndex ix, int t) => ix.Form(t) is "," or ";" or "—" or "–" or "-";

    public static bool IsQuoteMark(ClaimIndex ix, int t) => ix.Form(t) is "\"" or "”" or "“" or "''" or "``";
}
