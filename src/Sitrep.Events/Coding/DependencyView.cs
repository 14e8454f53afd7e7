using Sitrep.Nlp;

namespace Sitrep.Events.Coding;

/// <summary>
/// Navigation over a document's dependency trees: children by token, lower-cased lemmas, prepositions of
/// oblique and nominal modifiers, passives, clause membership. Built once per document.
/// </summary>
internal sealed class DependencyView
{
    private readonly Token[] _tokens;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly string[] _lemma;
    private readonly string[] _lower;
    private readonly bool[] _capitalized;

    /// <summary>Relations that open a new clause: an event's clause stops at them.</summary>
    private static readonly HashSet<string> ClauseRelations = new(StringComparer.Ordinal)
    { "ccomp", "advcl", "acl:relcl", "advcl:relcl", "parataxis", "csubj", "csubj:pass", "list" };

    public DependencyView(string text, Token[] tokens)
    {
        _tokens = tokens;
        var n = tokens.Length;
        var counts = new int[n + 1];
        for (var i = 0; i < n; i++) if (tokens[i].Head >= 0 && tokens[i].Head < n) counts[tokens[i].Head]++;
        _childStart = new int[n + 1];
        for (var i = 0; i < n; i++) _childStart[i + 1] = _childStart[i] + counts[i];
        _children = new int[_childStart[n]];
        var fill = new int[n];
        for (var i = 0; i < n; i++)
        {
            var h = tokens[i].Head;
            if (h >= 0 && h < n) _children[_childStart[h] + fill[h]++] = i;
        }
        _lemma = new string[n];
        _lower = new string[n];
        _capitalized = new bool[n];
        for (var i = 0; i < n; i++)
        {
            _capitalized[i] = tokens[i].Span.Length > 0 && char.IsUpper(text[tokens[i].Span.Start]);
            _lower[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length).ToLowerInvariant();
            _lemma[i] = (tokens[i].Lemma ?? _lower[i]).ToLowerInvariant();
        }
    }

    public int Count => _tokens.Length;
    public Token this[int i] => _tokens[i];
    public string Lemma(int i) => _lemma[i];
    public string Lower(int i) => _lower[i];
    /// <summary>Whether the token's first character is an upper-case letter.</summary>
    public bool Capitalized(int i) => _capitalized[i];
    public string Deprel(int i) => _tokens[i].Deprel ?? "";
    public string Upos(int i) => _tokens[i].Upos ?? "";
    public int Head(int i) => _tokens[i].Head;

    public ReadOnlySpan<int> Children(int i) => _children.AsSpan(_childStart[i], _childStart[i + 1] - _childStart[i]);

    /// <summary>Whether a token's lemma or lower-cased form is in a word set.</summary>
    public bool Is(int i, IReadOnlySet<string> words) => words.Contains(_lemma[i]) || words.Contains(_lower[i]);

    /// <summary>The preposition of an oblique or nominal modifier: its <c>case</c> children with their <c>fixed</c> parts ("according to").</summary>
    public string? Preposition(int i)
    {
        string? result = null;
        foreach (var c in Children(i))
        {
            if (Deprel(c) != "case") continue;
            var p = _lemma[c];
            foreach (var f in Children(c)) if (Deprel(f) == "fixed") p += " " + _lemma[f];
            result = result is null ? p : result + " " + p;
        }
        return result;
    }

    /// <summary>
    /// "with 95 US soldiers killed", "without a shot fired": a past participle whose subject is introduced by "with" or
    /// "without", with no auxiliary, is an absolute passive; its subject is what was done to.
    /// </summary>
    public int AbsoluteParticipleSubject(int i)
    {
        if (_tokens[i].Xpos != "VBN") return -1;
        var subject = -1;
        foreach (var c in Children(i))
        {
            if (Deprel(c) is "aux" or "aux:pass" or "obj") return -1;
            if (Deprel(c) == "nsubj" && Preposition(c) is "with" or "without") subject = c;
        }
        return subject;
    }

    public bool IsPassive(int i)
    {
        if (AbsoluteParticipleSubject(i) >= 0) return true;
        bool ownSubjectOrAuxiliary = false, byAgent = false, agentRelation = false;
        foreach (var c in Children(i))
        {
            var d = Deprel(c);
            if (d is "nsubj:pass" or "aux:pass") return true;
            // An object too: "police used tear gas", "forces launched artillery fire" are past tenses parsed as participles.
            if (d is "nsubj" or "aux" or "expl" or "obj") ownSubjectOrAuxiliary = true;
            if (d == "obl:agent" || d.StartsWith("obl", StringComparison.Ordinal) && Preposition(c) == "by") byAgent = true;
            agentRelation |= d == "obl:agent";
        }
        // "kidnapped and presumed killed by Khmer Rouge guerrillas": a participle the parser gave a passive agent is passive,
        // wherever it hangs
        if (!ownSubjectOrAuxiliary && agentRelation && _tokens[i].Xpos == "VBN") return true;
        // "The United Nations Command, supported by the United States, signed": a participle with a passive agent and a
        // subject but no auxiliary or object is a reduced passive the parser made the sentence's verb
        if (MisreadReducedPassiveSubject(i) >= 0) return true;
        // A past participle on a noun or a clause, with no subject or auxiliary of its own, is a reduced passive: "CNN,
        // accused of bias", "the afterparty hosted at the Nomad", "Accused of fraud, he resigned". Its noun is what was
        // done to, not the doer (the participle "fighting" in "forces fighting in Ukraine" is active). A participle that
        // is an adjective of attitude is not, unless a by-phrase makes it one: "fundamentalists opposed to the US
        // presence", "a government committed to peace", but "violence committed by Hamas".
        // On the noun a sentence is rooted at, the participle is more often a past tense the parser missed ("Doctors
        // from two aid groups donated …") than a headline's passive, and is read as before: active.
        var onRootNoun = Head(i) >= 0 && Head(Head(i)) < 0 && Upos(Head(i)) is "NOUN" or "PROPN" or "PRON";
        // "the president was removed from office and arrested": a participle coordinated with a passive, with no subject or
        // auxiliary of its own, shares its voice.
        // ("was removed from office and arrested", with "arrested" tagged a past tense: a regular verb's two forms are one)
        if (!ownSubjectOrAuxiliary && (_tokens[i].Xpos == "VBN" || _tokens[i].Xpos == "VBD" && Lower(i).EndsWith("ed", StringComparison.Ordinal))
            && Deprel(i) == "conj" && Head(i) >= 0 && Upos(Head(i)) == "VERB" && IsPassive(Head(i))) return true;
        return !ownSubjectOrAuxiliary && !onRootNoun && _tokens[i].Xpos == "VBN" && Deprel(i) is "acl" or "advcl"
            && (byAgent || !AttitudeParticiples.Contains(_lemma[i]));
    }

    /// <summary>
    /// The subject of a verb the parser made a clause's verb that is really a passive participle, or -1: a past participle
    /// with a passive agent but no auxiliary or object ("X, supported by Y, …"), or a verb that always takes the one it is
    /// done to, with no object, in a complement ("counted 450 civilians killed").
    /// </summary>
    public int MisreadReducedPassiveSubject(int i)
    {
        // only where the parser made the participle a clause's verb (not a list or header line's apposition)
        if (Deprel(i) is not ("root" or "conj" or "ccomp" or "xcomp" or "advcl" or "parataxis")) return -1;
        // "The New York Times counted more than 450 Iraqi civilians killed", "left 20 soldiers wounded": a verb that always
        // takes the one it is done to, with none after it, in a complement with no "that", is the participle of a passive
        var patient = Deprel(i) is "ccomp" or "xcomp" && _tokens[i].Xpos is "VBN" or "VBD" && PatientVerbs.Contains(_lemma[i]);
        if (_tokens[i].Xpos != "VBN" && !patient) return -1;
        int subject = -1;
        bool agent = false;
        foreach (var c in Children(i))
        {
            var d = Deprel(c);
            if (d is "aux" or "aux:pass" or "obj" or "expl" or "nsubj:pass" or "mark" or "ccomp") return -1;
            // "arrested more than 100 Palestinians on Saturday", with the object made a bare oblique: it has its object
            if (patient && d == "obl" && c > i && Preposition(c) is null && Upos(c) is "NOUN" or "PROPN" && !PathResolver.TimeWords.Contains(_lemma[c])) return -1;
            if (d == "nsubj") subject = c;
            agent |= d == "obl:agent" || ByPhraseUnder(c) >= 0;
        }
        return agent || patient && subject >= 0 && subject < i ? subject : -1;
    }

    /// <summary>Verbs that always take the one they are done to.</summary>
    private static readonly HashSet<string> PatientVerbs = new(StringComparer.Ordinal)
    { "kill", "wound", "injure", "arrest", "detain", "capture", "abduct", "kidnap", "execute", "murder", "massacre", "slaughter", "behead", "torture" };

    /// <summary>
    /// A by-phrase an oblique of a participle carries, or is ("killed in a friendly fire incident by US troops", with "by US
    /// troops" hung on the incident), or -1.
    /// </summary>
    public int ByPhraseUnder(int oblique)
    {
        if (!Deprel(oblique).StartsWith("obl", StringComparison.Ordinal)) return -1;
        if (Preposition(oblique) == "by") return oblique;
        foreach (var g in Children(oblique))
            if (Deprel(g).StartsWith("nmod", StringComparison.Ordinal) && Preposition(g) == "by" && Upos(g) is "NOUN" or "PROPN") return g;
        return -1;
    }

    private static readonly HashSet<string> AttitudeParticiples = new(StringComparer.Ordinal)
    { "oppose", "commit", "dedicate", "devote", "ally", "align", "determine", "resolve", "prepare", "dispose", "incline", "involve", "engage", "concern", "interest", "opposed", "committed" };

    public bool IsClauseBoundary(int child) =>
        ClauseRelations.Contains(Deprel(child)) || (Deprel(child) == "conj" && Upos(child) is "VERB" or "AUX");

    /// <summary>The head of the clause a token belongs to: itself for a verb, else its nearest verbal ancestor (or the sentence root).</summary>
    public int ClauseHead(int i)
    {
        var t = i;
        for (var guard = 0; guard < 64; guard++)
        {
            if (Upos(t) is "VERB" || Head(t) < 0) return t;
            if (IsClauseBoundary(t)) return Head(t) >= 0 ? t : t;
            t = Head(t);
        }
        return t;
    }

    /// <summary>Tokens of the clause headed by <paramref name="head"/>, not descending into embedded clauses.</summary>
    public List<int> ClauseTokens(int head)
    {
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            result.Add(t);
            foreach (var c in Children(t)) if (!IsClauseBoundary(c)) stack.Push(c);
        }
        result.Sort();
        return result;
    }

    /// <summary>Whether <paramref name="ancestor"/> dominates <paramref name="t"/>.</summary>
    public bool Dominates(int ancestor, int t)
    {
        for (var guard = 0; t >= 0 && guard < 128; guard++)
        {
            if (t == ancestor) return true;
            t = Head(t);
        }
        return false;
    }
}
