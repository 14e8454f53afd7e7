namespace Sitrep.Nlp.Parsing;

/// <summary>
/// One sentence being parsed with the arc-hybrid system: the word attributes (hashed once per word) and the
/// configuration (stack, buffer front, arcs so far). Reused across sentences so parsing allocates nothing per token.
/// Not thread-safe: one per thread.
/// </summary>
/// <remarks>
/// Words are 0..n-1; index n is the artificial ROOT, placed at the END of the buffer so that it can take exactly one
/// dependent (a LEFT arc when the stack holds a single word): every parse is a single-rooted tree. Index n+1 is the
/// "nothing here" sentinel, so feature extraction never branches on missing positions.
/// </remarks>
public sealed class ParserWorkspace
{
    public const int Shift = 0, Left = 1, Right = 2;
    internal const int MaxValency = 7;

    internal int N;
    internal int Root => N;
    internal int None => N + 1;

    // Word attributes (hashed), size n+2.
    internal ulong[] Word = [], Pos = [], Upos = [], Suffix = [], Shape = [];
    // Tag classes the decoder's constraints need (see DependencyParser.MustAttachPossessor).
    internal WordClass[] Class = [];
    internal VerbClass[] Verbal = [];
    /// <summary>An auxiliary whose verb follows ("had" in "had sent", "has" in "has not been attacked"): it takes no dependents.</summary>
    internal bool[] AuxiliaryBeforeVerb = [];
    /// <summary>Which sentence a beam item's words belong to (see DependencyParser.ParseBeam); 0 outside a beam.</summary>
    internal long BeamSentence;
    // Configuration.
    internal int[] Stack = [];
    internal int Sp;
    internal int B;
    internal int[] Head = [], Label = [];
    internal int[] L1 = [], L2 = [], R1 = [], R2 = [], NLeft = [], NRight = [];
    internal ulong[] LeftSet = [], RightSet = [];
    // Gold tree for training (head index in 0..n, n = root; label id).
    internal int[] GoldHead = [], GoldLabel = [];

    private static readonly ulong RootWord = ParserHashing.String("<ROOT>");
    private static readonly ulong NoneWord = ParserHashing.String("<NONE>");

    public int Count => N;

    /// <summary>Starts a sentence of <paramref name="n"/> words; then call <see cref="SetWord"/> for each.</summary>
    public void Begin(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        N = n;
        int size = n + 2;
        if (Word.Length < size)
        {
            int cap = Math.Max(size, Word.Length * 2);
            Word = new ulong[cap]; Pos = new ulong[cap]; Upos = new ulong[cap]; Suffix = new ulong[cap]; Shape = new ulong[cap];
            Class = new WordClass[cap]; Verbal = new VerbClass[cap]; AuxiliaryBeforeVerb = new bool[cap];
            Stack = new int[cap]; Head = new int[cap]; Label = new int[cap];
            L1 = new int[cap]; L2 = new int[cap]; R1 = new int[cap]; R2 = new int[cap]; NLeft = new int[cap]; NRight = new int[cap];
            LeftSet = new ulong[cap]; RightSet = new ulong[cap];
            GoldHead = new int[cap]; GoldLabel = new int[cap];
        }
        for (int i = n; i < n + 2; i++)
        {
            ulong v = i == n ? RootWord : NoneWord;
            Word[i] = v; Pos[i] = v; Upos[i] = v; Suffix[i] = v; Shape[i] = v;
            Class[i] = WordClass.Breaks; Verbal[i] = VerbClass.None; AuxiliaryBeforeVerb[i] = false;
        }
    }

    /// <summary>Sets word <paramref name="i"/>: its form and tags (tags may be null when unknown). Words are set in order, 0 first.</summary>
    public void SetWord(int i, ReadOnlySpan<char> form, string? upos, string? xpos)
    {
        if ((uint)i >= (uint)N) throw new ArgumentOutOfRangeException(nameof(i));
        Word[i] = ParserHashing.Lower(form);
        Suffix[i] = ParserHashing.LowerSuffix(form, 3);
        Shape[i] = ParserHashing.Shape(form);
        Upos[i] = ParserHashing.String(upos ?? "_");
        Pos[i] = ParserHashing.String(xpos ?? upos ?? "_");
        Class[i] = xpos is "POS" && IsPossessiveEnding(form, i > 0 && _previousEndsInS) ? WordClass.PossessiveMarker
            : upos is "NOUN" or "PROPN" ? WordClass.Noun
            : upos is "VERB" or "AUX" or "ADP" or "SCONJ" or "PART" or "PRON" or "DET" or "CCONJ" or "ADV" || xpos is "," or "." or ":" or "-LRB-" or "-RRB-" ? WordClass.Breaks
            : WordClass.Other;
        // "to" ends the chain: "ought to be treated" makes "ought" the head of an xcomp in UD EWT, not an auxiliary.
        Verbal[i] = upos is "VERB" ? VerbClass.Verb : upos is "AUX" ? VerbClass.Auxiliary
            : (upos is "ADV" or "PART") && xpos is not "TO" ? VerbClass.Between : VerbClass.None;
        _previousEndsInS = form.Length > 0 && form[^1] is 's' or 'S';
    }

    private bool _previousEndsInS;

    /// <summary>"'s", "’s", or a bare apostrophe after a plural ("officials'"); a quotation mark the tagger took for one is not.</summary>
    private static bool IsPossessiveEnding(ReadOnlySpan<char> form, bool previousEndsInS) =>
        form is "'s" or "’s" or "'S" or "’S" or "s" || (form is "'" or "’" && previousEndsInS);

    /// <summary>For the auxiliary constraint: verbs, auxiliaries, and what may stand between them ("not", "already"; not "to").</summary>
    internal enum VerbClass : byte { None, Verb, Auxiliary, Between }

    /// <summary>What a word can be inside an English nominal, for the decoder's possessor constraint.</summary>
    internal enum WordClass : byte
    {
        /// <summary>Adjectives, numbers, hyphens, quotes, unknown tags: may sit inside a nominal.</summary>
        Other,
        Noun,
        PossessiveMarker,
        /// <summary>Verbs, adpositions, determiners, pronouns, conjunctions, adverbs, clause punctuation: a nominal has ended before it.</summary>
        Breaks,
    }

    /// <summary>Resets the configuration to the initial one: empty stack, every word in the buffer, then ROOT.</summary>
    internal void Reset()
    {
        Sp = 0;
        B = 0;
        int none = None;
        // Right to left: is a verb ahead, past adverbs, particles and other auxiliaries?
        bool verbAhead = false;
        for (int i = N - 1; i >= 0; i--)
        {
            var v = Verbal[i];
            AuxiliaryBeforeVerb[i] = v == VerbClass.Auxiliary && verbAhead;
            // An auxiliary or a word between passes on what lies ahead of it ("has [not] been attacked").
            if (v == VerbClass.Verb) verbAhead = true;
            else if (v == VerbClass.None) verbAhead = false;
        }
        for (int i = 0; i < N + 2; i++)
        {
            Head[i] = -1; Label[i] = 0;
            L1[i] = none; L2[i] = none; R1[i] = none; R2[i] = none; NLeft[i] = 0; NRight[i] = 0;
            LeftSet[i] = 0; RightSet[i] = 0;
        }
    }

    /// <summary>
    /// Makes this workspace a copy of <paramref name="from"/> for beam search: with <paramref name="words"/> the sentence
    /// (word attributes and gold tree) and the configuration, otherwise the configuration only (the sentence must already
    /// be the same).
    /// </summary>
    internal void CopyFrom(ParserWorkspace from, bool words)
    {
        int size = from.N + 2;
        if (words)
        {
            Begin(from.N);
            Array.Copy(from.Word, Word, size); Array.Copy(from.Pos, Pos, size); Array.Copy(from.Upos, Upos, size);
            Array.Copy(from.Suffix, Suffix, size); Array.Copy(from.Shape, Shape, size); Array.Copy(from.Class, Class, size);
            Array.Copy(from.Verbal, Verbal, size); Array.Copy(from.AuxiliaryBeforeVerb, AuxiliaryBeforeVerb, size);
            Array.Copy(from.GoldHead, GoldHead, size); Array.Copy(from.GoldLabel, GoldLabel, size);
        }
        Sp = from.Sp; B = from.B;
        Array.Copy(from.Stack, Stack, from.Sp);
        Array.Copy(from.Head, Head, size); Array.Copy(from.Label, Label, size);
        Array.Copy(from.L1, L1, size); Array.Copy(from.L2, L2, size); Array.Copy(from.R1, R1, size); Array.Copy(from.R2, R2, size);
        Array.Copy(from.NLeft, NLeft, size); Array.Copy(from.NRight, NRight, size);
        Array.Copy(from.LeftSet, LeftSet, size); Array.Copy(from.RightSet, RightSet, size);
    }

    internal bool IsTerminal => Sp == 0 && B == N;

    internal bool IsValid(int action) => action switch
    {
        Shift => B < N,
        // A word may take ROOT as its head only when it is the last one on the stack: one root per sentence.
        Left => Sp > 0 && (B < N || Sp == 1),
        Right => Sp > 1,
        _ => false,
    };

    /// <summary>Applies a transition; <paramref name="label"/> is the 1-based label id for arcs (0 for shift).</summary>
    internal void Apply(int action, int label)
    {
        switch (action)
        {
            case Shift:
                Stack[Sp++] = B++;
                break;
            case Left:
            {
                int d = Stack[--Sp];
                AddArc(B, d, label, left: true);
                break;
            }
            case Right:
            {
                int d = Stack[--Sp];
                AddArc(Stack[Sp - 1], d, label, left: false);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private void AddArc(int h, int d, int label, bool left)
    {
        Head[d] = h;
        Label[d] = label;
        ulong bit = 1UL << (label & 63);
        if (left)
        {
            // Left dependents arrive right to left (deeper stack items are further left).
            L2[h] = L1[h]; L1[h] = d; NLeft[h]++; LeftSet[h] |= bit;
        }
        else
        {
            // Right dependents arrive left to right.
            R2[h] = R1[h]; R1[h] = d; NRight[h]++; RightSet[h] |= bit;
        }
    }

    internal int S(int k) => Sp > k ? Stack[Sp - 1 - k] : None;
    internal int Q(int k) => B + k <= N ? B + k : None;
}
