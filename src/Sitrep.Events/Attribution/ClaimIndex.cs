using System.Runtime.CompilerServices;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Events.Attribution;

/// <summary>
/// What the claim analyzer and the quote finder need about one document, computed once and cached per
/// document: children lists, subtree extents, cue kinds per token (by lemma and UPOS), the actor mention
/// covering each token, and the document's wire credit.
/// </summary>
internal sealed class ClaimIndex
{
    private static readonly ConditionalWeakTable<AttributionLexicon, ConditionalWeakTable<Document, ClaimIndex>> s_byLexicon = new();

    public readonly Document Document;
    public readonly string Text;
    public readonly Token[] Tokens;
    public readonly Sentence[] Sentences;
    public readonly ActorMention[] Actors;
    public readonly AttributionLexicon Lexicon;
    /// <summary>First child and next sibling (in token order), -1 for none.</summary>
    public readonly int[] FirstChild, NextSibling;
    /// <summary>Leftmost and rightmost token of each token's subtree.</summary>
    public readonly int[] SubtreeStart, SubtreeEnd;
    public readonly CueKind[] Cues;
    /// <summary>Index of the actor mention covering each token, -1 for none (the mention whose head it is wins).</summary>
    public readonly int[] ActorAt;
    /// <summary>Quotes, found once, for the analyzer's "inside a quotation" link.</summary>
    private Sitrep.Events.Quotes.QuoteFinder.Found[]? _quotes;
    private WireCredit? _wire;
    private bool _wireDone;

    public static ClaimIndex For(Document document, AttributionLexicon lexicon)
    {
        return s_byLexicon.GetValue(lexicon, _ => new()).GetValue(document, d => new ClaimIndex(d, lexicon));
    }

    private ClaimIndex(Document document, AttributionLexicon lexicon)
    {
        Document = document;
        Text = document.Text.Text;
        Tokens = document.GetOrDefault(NlpLayers.Tokens) ?? [];
        Sentences = document.GetOrDefault(NlpLayers.Sentences) ?? [];
        Actors = document.GetOrDefault(ActorLayers.Actors) ?? [];
        Lexicon = lexicon;
        int n = Tokens.Length;
        FirstChild = new int[n];
        NextSibling = new int[n];
        SubtreeStart = new int[n];
        SubtreeEnd = new int[n];
        Cues = new CueKind[n];
        ActorAt = new int[n];
        Array.Fill(FirstChild, -1);
        Array.Fill(NextSibling, -1);
        Array.Fill(ActorAt, -1);
        // Children in token order: walk backwards and push to the front.
        for (int i = n - 1; i >= 0; i--)
        {
            SubtreeStart[i] = i;
            SubtreeEnd[i] = i;
            int h = Tokens[i].Head;
            if (h >= 0 && h < n && h != i)
            {
                NextSibling[i] = FirstChild[h];
                FirstChild[h] = i;
            }
        }
        for (int i = 0; i < n; i++)
        {
            // Climb with a bound: a malformed tree must not loop.
            int h = Tokens[i].Head, guard = 0;
            while (h >= 0 && h < n && guard++ < 64)
            {
                if (i < SubtreeStart[h]) SubtreeStart[h] = i;
                if (i > SubtreeEnd[h]) SubtreeEnd[h] = i;
                h = Tokens[h].Head;
            }
            Cues[i] = Classify(in Tokens[i]);
        }
        for (int m = 0; m < Actors.Length; m++)
        {
            var a = Actors[m];
            for (int t = a.FirstToken; t < a.FirstToken + a.TokenCount && t < n; t++)
            {
                if (t < 0) continue;
                int prev = ActorAt[t];
                if (prev < 0 || (Actors[prev].HeadToken != t && (a.HeadToken == t || a.TokenCount < Actors[prev].TokenCount))) ActorAt[t] = m;
            }
        }
    }

    private CueKind Classify(in Token t)
    {
        var text = Text.AsSpan(t.Span.Start, t.Span.Length);
        var k = Lexicon.Lookup(t.Lemma is { Length: > 0 } l ? l : text);
        if (k == CueKind.None && t.Lemma is not null) k = Lexicon.Lookup(text);
        if (k == CueKind.None) return k;
        var upos = t.Upos;
        bool verb = upos is "VERB" or null, noun = upos is "NOUN" or "PROPN" or null, aux = upos is "AUX" or "VERB" or null;
        // An intention or a negation may be an adjective too: "is set to visit", "is poised to strike", "were unable to agree" (tagged JJ).
        if (!verb) k &= ~AttributionLexicon.VerbKinds | (upos is "ADJ" ? CueKind.Intend | CueKind.NegationVerb : CueKind.None);
        if (!noun) k &= ~AttributionLexicon.NounOnlyKinds;
        if (!aux) k &= ~AttributionLexicon.AuxKinds;
        return k;
    }

    private List<SentenceCues.Cue>?[]? _sentenceCues;

    /// <summary>Sentence cues, computed once per sentence.</summary>
    internal List<SentenceCues.Cue> SentenceCueCache(Sentence sentence, Func<ClaimIndex, Sentence, List<SentenceCues.Cue>> compute)
    {
        int i = sentence.TokenCount > 0 && sentence.FirstToken < Tokens.Length ? Tokens[sentence.FirstToken].Sentence : -1;
        if (i < 0 || i >= Sentences.Length) return compute(this, sentence);
        var cache = _sentenceCues ??= new List<SentenceCues.Cue>?[Sentences.Length];
        return cache[i] ??= compute(this, sentence);
    }

    public int Head(int t) => Tokens[t].Head;

    public ReadOnlySpan<char> Form(int t) => Text.AsSpan(Tokens[t].Span.Start, Tokens[t].Span.Length);

    public bool Is(int t, CueKind kind) => (Cues[t] & kind) != 0;

    /// <summary>The relation without its subtype ("nsubj" for "nsubj:pass").</summary>
    public ReadOnlySpan<char> Rel(int t)
    {
        var r = Tokens[t].Deprel.AsSpan();
        int colon = r.IndexOf(':');
        return colon < 0 ? r : r[..colon];
    }

    public bool RelIs(int t, string rel) => Rel(t).SequenceEqual(rel);

    public bool FullRelIs(int t, string rel) => string.Equals(Tokens[t].Deprel, rel, StringComparison.Ordinal);

    /// <summary>The first child of <paramref name="t"/> with the relation <paramref name="rel"/> (subtype ignored), or -1.</summary>
    public int Child(int t, string rel)
    {
        for (int c = FirstChild[t]; c >= 0; c = NextSibling[c])
            if (RelIs(c, rel)) return c;
        return -1;
    }

    public int ChildFull(int t, string rel)
    {
        for (int c = FirstChild[t]; c >= 0; c = NextSibling[c])
            if (FullRelIs(c, rel)) return c;
        return -1;
    }

    public bool FormIs(int t, string word) => Form(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int t) => Tokens[t].Upos == "PUNCT" || (Tokens[t].Span.Length == 1 && char.IsPunctuation(Text[Tokens[t].Span.Start]));

    public Sentence SentenceOf(int t) => Sentences.Length == 0 ? new Sentence(new TextSpan(0, Text.Length), 0, Tokens.Length) : Sentences[Tokens[t].Sentence];

    public int Actor(int t) => t >= 0 && t < ActorAt.Length ? ActorAt[t] : -1;

    public TextSpan Span(int first, int last) => new(Tokens[first].Span.Start, Tokens[last].Span.End);

    internal Sitrep.Events.Quotes.QuoteFinder.Found[] Quotes => _quotes ??= Sitrep.Events.Quotes.QuoteFinder.FindAll(this);

    /// <summary>The wire agency the whole document is credited to, if any (see FORMAT.md: the wire convention).</summary>
    public WireCredit? Wire
    {
        get
        {
            if (!_wireDone) { _wire = WireCredit.Find(this); _wireDone = true; }
            return _wire;
        }
    }
}
