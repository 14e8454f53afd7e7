using Sitrep.Actors;
using Sitrep.Core;

namespace Sitrep.Events.Attribution;

/// <summary>
/// Who a reporting word names as its source, and the attribution link for it: the subject of "said", the agent
/// of "was reported by", the object in "reported Kirby as saying", the possessor of "X's statement", the
/// antecedent of "who said", and "according to X". Shared by the claim analyzer, the quote finder and the
/// reported-speech finder.
/// </summary>
internal static class Speakers
{
    /// <summary>The token naming who speaks through reporting word <paramref name="v"/>, or -1.</summary>
    public static int SpeakerToken(ClaimIndex ix, int v)
    {
        int s = -1;
        bool passive = ix.ChildFull(v, "nsubj:pass") >= 0 || ix.ChildFull(v, "aux:pass") >= 0;
        if (ix.Is(v, AttributionLexicon.NounKinds))
        {
            // "X's statement", "US allegations", "a statement from X".
            s = ix.ChildFull(v, "nmod:poss");
            if (s < 0) s = ix.Child(v, "compound") is var c && c >= 0 && IsNameLike(ix, c) ? c : -1;
            if (s < 0) s = NmodWith(ix, v, "from", "by", "of");
            return s;
        }
        if (passive)
        {
            // "was reported by X"
            for (int c = ix.FirstChild[v]; c >= 0; c = ix.NextSibling[c])
                if ((ix.RelIs(c, "obl") || ix.FullRelIs(c, "obl:agent")) && HasCase(ix, c, "by")) return Refine(ix, c, v);
            return -1;
        }
        s = ix.Child(v, "nsubj");
        if (s < 0)
        {
            int h = ix.Head(v);
            // "reported Kirby as saying": the object of the governing verb speaks.
            if (h >= 0 && ix.RelIs(v, "advcl") && HasMark(ix, v, "as")) s = ix.Child(h, "obj");
            // "Kirby stood up and said": the shared subject of a coordinated verb.
            else if (h >= 0 && ix.RelIs(v, "conj")) s = ix.Child(h, "nsubj");
        }
        return s < 0 ? -1 : Refine(ix, s, v);
    }

    private static int Refine(ClaimIndex ix, int s, int v)
    {
        // "Kirby, who said …": the antecedent speaks.
        if (ix.Tokens[s].Xpos is "WP" or "WDT" && ix.FullRelIs(v, "acl:relcl") && ix.Head(v) >= 0) return ix.Head(v);
        // "the ministry's statement said": the possessor speaks.
        if (ix.Is(s, CueKind.ReportNoun))
        {
            int p = ix.ChildFull(s, "nmod:poss");
            if (p < 0) p = NmodWith(ix, s, "from", "by", "of");
            if (p >= 0) return p;
        }
        return s;
    }

    private static bool IsNameLike(ClaimIndex ix, int t) => ix.Tokens[t].Upos is "PROPN" || ix.Actor(t) >= 0;

    public static bool HasCase(ClaimIndex ix, int t, string word)
    {
        for (int c = ix.FirstChild[t]; c >= 0; c = ix.NextSibling[c])
            if ((ix.RelIs(c, "case") || ix.RelIs(c, "mark")) && ix.FormIs(c, word)) return true;
        return false;
    }

    public static bool HasMark(ClaimIndex ix, int t, string word)
    {
        for (int c = ix.FirstChild[t]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "mark") && ix.FormIs(c, word)) return true;
        return false;
    }

    private static int NmodWith(ClaimIndex ix, int t, params ReadOnlySpan<string> cases)
    {
        for (int c = ix.FirstChild[t]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "nmod"))
                foreach (var w in cases)
                    if (HasCase(ix, c, w)) return c;
        return -1;
    }

    /// <summary>The token range of a speaker's noun phrase: its actor mention, else the head with its
    /// determiners, compounds, modifiers and possessors (not appositions, clauses or conjuncts).</summary>
    public static (int First, int Last) Phrase(ClaimIndex ix, int s)
    {
        int m = ix.Actor(s);
        if (m >= 0)
        {
            var a = ix.Actors[m];
            return (Math.Min(a.FirstToken, s), Math.Max(a.FirstToken + a.TokenCount - 1, s));
        }
        int first = s, last = s;
        Extend(ix, s, ref first, ref last, 0);
        return (first, last);
    }

    private static void Extend(ClaimIndex ix, int t, ref int first, ref int last, int depth)
    {
        if (depth > 6) return;
        for (int c = ix.FirstChild[t]; c >= 0; c = ix.NextSibling[c])
        {
            var rel = ix.Rel(c);
            if (rel is "det" or "compound" or "amod" or "flat" or "nummod" or "fixed" or "case" || ix.FullRelIs(c, "nmod:poss"))
            {
                if (rel is "case" && c > t) continue; // a preposition after the head belongs to something else
                if (c < first) first = c;
                if (c > last) last = c;
                Extend(ix, c, ref first, ref last, depth + 1);
            }
        }
        // Keep the phrase contiguous with its head: drop a leading preposition ("by X").
        while (first < t && ix.RelIs(first, "case") && ix.Head(first) == t) first++;
    }

    /// <summary>The actor mention for a speaker: the mention covering its head, else one inside its phrase,
    /// else for "he"/"she" without a mention the nearest person mentioned in the three sentences before.</summary>
    public static int ActorFor(ClaimIndex ix, int s, int first, int last)
    {
        int m = ix.Actor(s);
        for (int t = last; m < 0 && t >= first; t--) m = ix.Actor(t);
        if (m >= 0 || ix.Tokens[s].Upos != "PRON") return m;
        var form = ix.Form(s);
        if (!(form.Equals("he", StringComparison.OrdinalIgnoreCase) || form.Equals("she", StringComparison.OrdinalIgnoreCase))) return -1;
        int sentence = ix.Tokens[s].Sentence;
        for (int i = ix.Actors.Length - 1; i >= 0; i--)
        {
            var a = ix.Actors[i];
            if (a.FirstToken >= s) continue;
            if (a.FirstToken >= 0 && a.FirstToken < ix.Tokens.Length && sentence - ix.Tokens[a.FirstToken].Sentence > 3) break;
            if (a.Kind == ActorKind.Person) return i;
        }
        return -1;
    }

    /// <summary>A link for speaker <paramref name="s"/> (may be -1: an unnamed source) and the cue tokens [cueFirst, cueLast].</summary>
    public static AttributionLink Link(ClaimIndex ix, int s, int cueFirst, int cueLast, bool withSpeaker = true)
    {
        int first = cueFirst, last = cueLast, actor = -1;
        if (s >= 0)
        {
            var (pf, pl) = Phrase(ix, s);
            if (withSpeaker)
            {
                first = Math.Min(first, pf);
                last = Math.Max(last, pl);
            }
            actor = ActorFor(ix, s, pf, pl);
        }
        var span = ix.Span(first, last);
        string? code = actor >= 0 ? ix.Actors[actor].Code : null;
        if (code is null && s >= 0)
        {
            // A wire agency named without an actor mention still gets its media code.
            var (pf, pl) = Phrase(ix, s);
            int a = ix.Tokens[pf].Span.Start;
            if (ix.Lexicon.Wire(ix.Text.AsSpan(a, ix.Tokens[pl].Span.End - a)) is { } w) code = w.Code;
        }
        return new AttributionLink(code, actor >= 0 ? actor : null, ix.Text[span.Start..span.End], span);
    }

    /// <summary>The link for reporting word <paramref name="v"/>: the speaker with the verb and its auxiliaries
    /// ("the White House said", "was reported", "Kirby as saying").</summary>
    public static AttributionLink LinkFor(ClaimIndex ix, int v)
    {
        int s = SpeakerToken(ix, v);
        int first = v, last = v;
        for (int c = ix.FirstChild[v]; c >= 0; c = ix.NextSibling[c])
            if ((ix.RelIs(c, "aux") || (ix.RelIs(c, "mark") && ix.FormIs(c, "as"))) && c < v && c < first) first = c;
        if (s >= 0 && ix.RelIs(v, "advcl") && HasMark(ix, v, "as"))
        {
            // "Kirby as saying": from the speaker to the verb, not the governing "reported".
            var (pf, _) = Phrase(ix, s);
            first = Math.Min(first, pf);
        }
        // "She called Mr. DeSantis 'liberal' on environmental issues and said …": a speaker shared with an earlier verb is
        // far from this one; the link's words are the verb's, its speaker the shared subject's actor.
        bool shared = s >= 0 && ix.RelIs(v, "conj") && ix.Head(s) != v && Phrase(ix, s).Last < first - 6;
        return Link(ix, s, first, last, withSpeaker: !shared);
    }
}
