using Sitrep.Events.Patterns;

namespace Sitrep.Events.Coding;

/// <summary>Follows pattern paths from a trigger through the dependency tree, with passive voice and control handled.</summary>
internal static class PathResolver
{
    /// <summary>Tokens a path reaches from the trigger. In the passive, <c>nsubj</c> means the by-agent and <c>obj</c> the passive subject.</summary>
    public static List<int> Resolve(DependencyView v, int trigger, ArgumentPath path)
    {
        var current = new List<int> { trigger };
        for (var s = 0; s < path.Steps.Length; s++)
        {
            var next = new List<int>();
            foreach (var t in current) Step(v, t, path.Steps[s], s == 0 ? trigger : -1, next);
            if (next.Count == 0) return next;
            current = next;
        }
        return current;
    }

    private static void Step(DependencyView v, int t, PathStep step, int trigger, List<int> into)
    {
        var passive = v.Upos(t) is "VERB" or "AUX" && v.IsPassive(t);
        var rel = step.Relation;
        if (passive && rel == "nsubj") rel = "agent";
        else if (passive && rel == "obj") rel = "nsubj:pass";
        switch (rel)
        {
            case "head":
                // An event noun takes its governor's arguments only where the verb carries it ("held talks",
                // "called … during a visit"), not where the noun is merely talked about ("information about the talks").
                if (v.Head(t) >= 0 && (v.Upos(t) is not ("NOUN" or "PROPN") || GovernedDirectly(v, t))) into.Add(v.Head(t));
                return;
            case "agent":
                foreach (var c in v.Children(t))
                    if (v.Deprel(c) == "obl:agent" || (v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) == "by")) into.Add(c);
                // "the security police killed in a friendly fire incident by US troops": a misread reduced passive's by-phrase
                // may hang on its oblique
                if (into.Count == 0 && v.MisreadReducedPassiveSubject(t) >= 0)
                    foreach (var c in v.Children(t))
                        if (v.ByPhraseUnder(c) is var by && by >= 0) { into.Add(by); break; }
                return;
            case "nsubj":
                {
                    var before = into.Count;
                    var misparsed = false;
                    foreach (var c in v.Children(t))
                        if (v.Deprel(c) is "nsubj" or "nsubj:outer")
                        {
                            // "bombings at U.S. embassies in | Dar es Salaam … killed": a noun right after a preposition the
                            // parser made a clause marker is that preposition's object, never the subject
                            if (AfterPrepositionMark(v, t, c)) { misparsed = true; continue; }
                            into.Add(c);
                        }
                    if (into.Count == before) { if (!misparsed) InheritedSubject(v, t, into); return; }
                    // A clause has one subject: where the parser folded a subordinate clause into the verb, with its subject
                    // hung beside the verb's own ("While television broadcast footage of Cuban exiles …, the Cuban government
                    // urged"), the subject after the comma is the verb's. Otherwise two subjects are more often one split
                    // ("the Colombian government and the ELN | rebel group agreed", "The United States, which supports …").
                    if (into.Count - before < 2 || !FoldedSubordinateClause(v, t, into[before])) return;
                    for (var k = into.Count - 1; k > before; k--)
                        if (into[k] < t && CommaBetween(v, into[k - 1], into[k]))
                        {
                            into.RemoveRange(before, k - before);
                            break;
                        }
                    return;
                }
            case "nsubj:pass":
                foreach (var c in v.Children(t)) if (v.Deprel(c) == "nsubj:pass") into.Add(c);
                if (into.Count == 0 && v.AbsoluteParticipleSubject(t) is var absolute && absolute >= 0) into.Add(absolute);   // "with 95 soldiers killed"
                if (into.Count == 0 && v.MisreadReducedPassiveSubject(t) is var reduced && reduced >= 0) into.Add(reduced);   // "X, supported by Y, signed"
                if (into.Count == 0 && v.Deprel(t) == "acl") into.Add(v.Head(t));   // "the plane shot down by …"
                // "an expert kidnapped and presumed killed by guerrillas": up through the participles to the noun they are on
                if (into.Count == 0 && v.Deprel(t) is "xcomp" or "conj")
                {
                    var up = v.Head(t);
                    for (var guard = 0; guard < 4 && up >= 0 && v[up].Xpos == "VBN" && v.Deprel(up) is "xcomp" or "conj"; guard++) up = v.Head(up);
                    if (up >= 0 && v[up].Xpos == "VBN" && v.Deprel(up) == "acl" && v.Upos(v.Head(up)) is "NOUN" or "PROPN") into.Add(v.Head(up));
                }
                // "CNN has faced criticism, accused of bias": a participle clause's subject is its main clause's
                if (into.Count == 0 && v.Deprel(t) == "advcl" && v.Head(t) >= 0)
                    foreach (var c in v.Children(v.Head(t))) if (v.Deprel(c) is "nsubj" or "nsubj:pass") into.Add(c);
                return;
            case "poss":
                foreach (var c in v.Children(t)) if (v.Deprel(c) == "nmod:poss") into.Add(c);
                return;
            case "prt":
                foreach (var c in v.Children(t)) if (v.Deprel(c) == "compound:prt") into.Add(c);
                return;
            case "obj":
                {
                    var before = into.Count;
                    var subject = false;
                    foreach (var c in v.Children(t))
                    {
                        var d = v.Deprel(c);
                        if (d.StartsWith("nsubj", StringComparison.Ordinal)) subject = true;
                        if (d != "obj") continue;
                        // "the weapons which Iran received": a relative pronoun object stands for the noun the clause is on
                        if (v.Deprel(t) == "acl:relcl" && v.Head(t) >= 0 && v.Upos(c) == "PRON" && v.Lemma(c) is "which" or "that" or "whom" or "who")
                            into.Add(v.Head(t));
                        else into.Add(c);
                    }
                    // "the status it received", "the arms Russia bought": with its own subject and no object, a relative
                    // clause's object is the noun it is on
                    if (into.Count == before && subject && v.Deprel(t) == "acl:relcl" && v.Head(t) >= 0 && v.Upos(v.Head(t)) is "NOUN")
                    {
                        into.Add(v.Head(t));
                        return;
                    }
                    // a bare noun phrase the parser made an oblique ("arrested more than 100 Palestinians") is the object
                    if (into.Count == before && v.Upos(t) is "VERB")
                        foreach (var c in v.Children(t))
                            if (v.Deprel(c) is "obl" or "xcomp" && v.Preposition(c) is null && v.Upos(c) is "NOUN" or "PROPN" && !TimeWords.Contains(v.Lemma(c))
                                && !HasMark(v, c)) into.Add(c);
                    return;
                }
            case "dobj":
                foreach (var c in v.Children(t)) if (v.Deprel(c) == "obj") into.Add(c);
                return;
        }
        if (step.Deep)
        {
            var stack = new Stack<int>();
            foreach (var c in v.Children(t)) if (!v.IsClauseBoundary(c)) stack.Push(c);
            var found = new List<int>();
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                if (IsModifier(v, c, "*") && v.Preposition(c) == step.Preposition) found.Add(c);
                foreach (var g in v.Children(c)) if (!v.IsClauseBoundary(g)) stack.Push(g);
            }
            found.Sort();
            into.AddRange(found);
            return;
        }
        foreach (var c in v.Children(t))
        {
            var d = v.Deprel(c);
            bool ok = rel switch
            {
                "obl" or "nmod" or "*" => IsModifier(v, c, rel),
                "acl" => d is "acl",
                "compound" => d is "compound" or "flat",
                // an infinitive the parser attached as an adverbial clause ("threatened on Monday to break") is still the complement
                "xcomp" => d == "xcomp" || (d == "advcl" && Marker(v, c) == "to" && step.Preposition is null),
                _ => d == rel,
            };
            if (!ok) continue;
            if (step.Preposition is { } prep)
            {
                var p = rel is "acl" or "advcl" ? Marker(v, c) : v.Preposition(c);
                if (p != prep) continue;
            }
            into.Add(c);
        }
    }

    /// <summary>Words of the calendar: a bare noun phrase of them is a time, not an object ("arrested 100 people Saturday").</summary>
    internal static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tomorrow", "tonight", "day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "time",
    };

    private static readonly HashSet<string> CarryingPrepositions = new(StringComparer.Ordinal)
    { "during", "on", "in", "at", "after", "following", "before", "for", "with", "to", "into", "of" };

    private static bool GovernedDirectly(DependencyView v, int t)
    {
        // Who comments on, speaks of or reports an attack or a visit is not its agent ("Trump has not commented on the attack").
        var d = v.Deprel(t);
        if (TopicVerbs.Contains(v.Lemma(v.Head(t))) && (d == "obj" || v.Preposition(t) is "on" or "about" or "to" or "of" or "over")) return false;
        // Who kills, derails or blocks talks or a deal does not hold them ("he will kill potential peace talks").
        if (d == "obj" && ThwartVerbs.Contains(v.Lemma(v.Head(t)))) return false;
        // What a thing includes or contains is not its subject's doing ("Trump's verdict included a ban on doing business").
        if (d is "obj" or "conj" && ContainVerbs.Contains(v.Lemma(v.Head(t)))) return false;
        if (d is "obj" or "nsubj:pass" or "xcomp" or "conj" or "appos") return true;
        if (d.StartsWith("obl", StringComparison.Ordinal) || d.StartsWith("nmod", StringComparison.Ordinal))
        {
            if (v.Preposition(t) is not { } p || !CarryingPrepositions.Contains(p)) return false;
            // "Even after the attacks on September 11, Bush was obsessing about Iraq": what happened before or after is
            // someone else's attack, not the subject's.
            return !(p is "after" or "following" or "before" && ViolenceNouns.Contains(v.Lemma(t)));
        }
        return false;
    }

    internal static readonly HashSet<string> ViolenceNouns = new(StringComparer.Ordinal)
    {
        "attack", "attacks", "bombing", "bombings", "massacre", "massacres", "shooting", "shootings", "killing", "killings",
        "explosion", "explosions", "blast", "blasts", "assault", "raid", "raids", "ambush", "assassination", "clash", "clashes",
        "strike", "strikes", "airstrike", "airstrikes",
    };

    private static readonly HashSet<string> ThwartVerbs = new(StringComparer.Ordinal)
    {
        "kill", "derail", "sabotage", "torpedo", "scuttle", "undermine", "block", "jeopardize", "jeopardise", "wreck", "thwart", "stall", "doom",
    };

    private static readonly HashSet<string> ContainVerbs = new(StringComparer.Ordinal)
    {
        "include", "contain", "comprise", "feature", "entail",
    };

    private static readonly HashSet<string> TopicVerbs = new(StringComparer.Ordinal)
    {
        "comment", "speak", "talk", "respond", "react", "remark", "testify", "reply", "answer", "discuss", "complain", "joke",
        "hear", "learn", "read", "describe", "cover", "mention", "refer", "recall", "cite", "note",
    };

    private static bool IsModifier(DependencyView v, int c, string rel)
    {
        var d = v.Deprel(c);
        var obl = d == "obl" || (d.StartsWith("obl:", StringComparison.Ordinal) && d is not ("obl:tmod" or "obl:npmod" or "obl:unmarked"));
        var nmod = d == "nmod" || (d.StartsWith("nmod:", StringComparison.Ordinal) && d is not ("nmod:poss" or "nmod:tmod" or "nmod:npmod" or "nmod:unmarked"));
        return rel switch { "obl" => obl, "nmod" => nmod, _ => obl || nmod };
    }

    private static bool HasMark(DependencyView v, int c)
    {
        foreach (var g in v.Children(c)) if (v.Deprel(g) == "mark") return true;
        return false;
    }

    private static string? Marker(DependencyView v, int c)
    {
        foreach (var g in v.Children(c)) if (v.Deprel(g) == "mark") return v.Lemma(g);
        return null;
    }

    /// <summary>Nouns of will or attempt whose possessor is the subject of the infinitive after them.</summary>
    private static readonly HashSet<string> ControlNouns = new(StringComparer.Ordinal)
    {
        "refusal", "decision", "plan", "attempt", "bid", "effort", "push", "offer", "promise", "failure", "threat", "call", "demand",
        "request", "willingness", "readiness", "commitment", "pledge", "vow", "determination", "move", "intention", "ability", "right",
    };

    /// <summary>The possessor of a noun of will right before the infinitive's "to" ("McConnell's refusal to endorse"), or -1.</summary>
    private static int ControllerBefore(DependencyView v, int infinitive)
    {
        int to = -1;
        foreach (var g in v.Children(infinitive)) if (v.Deprel(g) == "mark" && v.Lemma(g) == "to") { to = g; break; }
        if (to < 1 || !ControlNouns.Contains(v.Lemma(to - 1))) return -1;
        foreach (var g in v.Children(to - 1)) if (v.Deprel(g) == "nmod:poss") return g;
        return -1;
    }

    /// <summary>Whether a noun of pleading stands right before the infinitive's "to" ("pleas to approve", "calls to end").</summary>
    private static bool PleaBefore(DependencyView v, int infinitive)
    {
        foreach (var g in v.Children(infinitive))
            if (v.Deprel(g) == "mark" && v.Lemma(g) == "to")
                return g >= 1 && v.Upos(g - 1) == "NOUN" && v.Lemma(g - 1) is "plea" or "appeal" or "call" or "demand" or "entreaty";
        return false;
    }

    /// <summary>
    /// The subject a verb shares with the verb it depends on: controlled infinitives ("Russia is looking to broker"),
    /// coordinated verbs ("X met Y and signed"), participles modifying a noun ("forces fighting in Ukraine").
    /// </summary>
    private static void InheritedSubject(DependencyView v, int t, List<int> into)
    {
        for (var guard = 0; guard < 6; guard++)
        {
            var d = v.Deprel(t);
            var h = v.Head(t);
            if (h < 0) return;
            if (d == "acl") { into.Add(h); return; }
            // "It's much easier for all of us to defend …": the infinitive after an adjective with the placeholder "it" as
            // subject is done by the "for" phrase, or by anyone
            if (d is "xcomp" or "csubj" && Marker(v, t) == "to" && v.Upos(h) == "ADJ" && PlaceholderSubject(v, h))
            {
                foreach (var c in v.Children(h))
                    if (v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) == "for") { into.Add(c); return; }
                return;
            }
            // "Biden is set to visit": an infinitive after a predicate that has its own subject is its complement, even
            // where the parser made it a clausal subject (a predicate has one subject)
            if (d == "csubj" && Marker(v, t) == "to" && t > h)
                foreach (var c in v.Children(h))
                    if (v.Deprel(c) is "nsubj" or "nsubj:pass") { into.Add(c); return; }
            if (d is not ("xcomp" or "conj" or "advcl" or "ccomp")) return;
            // "battles over McConnell's refusal to endorse the former president", with the infinitive hung on the verb: the
            // possessor of the noun of will right before it does what it names ("refusal", "decision", "push", "bid").
            if (d == "advcl" && Marker(v, t) == "to" && ControllerBefore(v, t) is var controller && controller >= 0) { into.Add(controller); return; }
            // "Johnson met the Democrats' pleas to approve Ukraine funding": after a plea or an appeal someone else is to act
            if (d == "advcl" && Marker(v, t) == "to" && PleaBefore(v, t)) return;
            // an xcomp of a verb with an object is object-controlled ("called on X to increase", "forced Moscow to take"), also
            // where the parser made the object indirect ("allowed them to demonstrate")
            if (d == "xcomp")
                foreach (var c in v.Children(h))
                    if (v.Deprel(c) is "obj" or "iobj") { into.Add(c); return; }
            // a purpose infinitive shares the main clause's subject ("shunned work to protest"), and so does a participle clause,
            // which has no subject of its own ("a day after killing a ringleader", "before leaving"); finite adverbial clauses have their own
            if (d == "ccomp" || (d == "advcl" && Marker(v, t) != "to" && !IsParticipleClause(v, t))) return;
            foreach (var c in v.Children(h))
                if (v.Deprel(c) is "nsubj" or "nsubj:pass") { into.Add(c); return; }
            t = h;
        }
    }

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    { "in", "at", "on", "near", "into", "from", "across", "inside", "outside" };

    /// <summary>Whether the subject <paramref name="subject"/> follows right after a preposition hung on <paramref name="verb"/> as a clause marker.</summary>
    private static bool AfterPrepositionMark(DependencyView v, int verb, int subject)
    {
        var first = subject;
        for (var i = subject - 1; i >= 0 && v.Dominates(subject, i); i--) first = i;
        var before = first - 1;
        return before >= 0 && v.Head(before) == verb && v.Deprel(before) == "mark" && PlacePrepositions.Contains(v.Lower(before));
    }

    private static bool FoldedSubordinateClause(DependencyView v, int verb, int firstSubject)
    {
        foreach (var c in v.Children(verb))
            if (v.Deprel(c) == "mark" && c < firstSubject && v.Lower(c) is "while" or "when" or "as" or "although" or "though" or "if" or "because" or "after" or "before" or "since" or "once" or "whereas")
                return true;
        return false;
    }

    /// <summary>Whether a comma stands between the phrase of <paramref name="first"/> and the token <paramref name="second"/>, outside the first's phrase.</summary>
    private static bool CommaBetween(DependencyView v, int first, int second)
    {
        var end = first;
        var stack = new Stack<int>();
        stack.Push(first);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (c > end) end = c;
            foreach (var g in v.Children(c)) stack.Push(g);
        }
        for (var k = end; k < second; k++) if (v.Lower(k) == ",") return true;
        return false;
    }

    private static bool PlaceholderSubject(DependencyView v, int predicate)
    {
        foreach (var c in v.Children(predicate))
            if (v.Deprel(c) is "nsubj" or "expl" && v.Lower(c) == "it") return true;
        return false;
    }

    /// <summary>Time and manner markers of a participle clause whose subject is its main clause's.</summary>
    private static readonly HashSet<string> ParticipleMarkers = new(StringComparer.Ordinal)
    { "after", "before", "while", "when", "since", "upon", "by", "without" };

    /// <summary>
    /// "a day after killing a ringleader", "before leaving for Paris": a gerund clause of time or manner, with no subject
    /// of its own. Not a gerund that is the content of a noun ("an appeal for deploying troops") or a cause ("because of fighting").
    /// </summary>
    private static bool IsParticipleClause(DependencyView v, int t) =>
        v[t].Xpos == "VBG" && (Marker(v, t) is not { } m ? BareParticipleClause(v, t) : ParticipleMarkers.Contains(m));

    /// <summary>
    /// "Russia fired missiles at Kyiv, killing three civilians", "Citing security concerns, Russia closed …": a participle
    /// clause with no marker, set off by a comma, is done by its main clause's subject.
    /// </summary>
    private static bool BareParticipleClause(DependencyView v, int t)
    {
        var h = v.Head(t);
        if (h < 0) return false;
        if (t > h) return t > 0 && v.Lower(t - 1) == ",";
        // before the main clause: the clause is followed by a comma
        var end = t;
        foreach (var c in v.Children(t)) if (c > end && v.Deprel(c) != "punct") end = c;
        for (var k = end + 1; k < h; k++) if (v.Lower(k) == ",") return true;
        return false;
    }

    /// <summary>Whether a condition holds at a trigger; the tokens that made it hold are added to <paramref name="matched"/>.</summary>
    public static bool Holds(DependencyView v, int trigger, PatternCondition c, List<int> matched)
    {
        var found = false;
        foreach (var t in Resolve(v, trigger, c.Path))
        {
            if (c.Words.Count == 0) { found = true; continue; }
            if (!c.Subtree)
            {
                if (v.Is(t, c.Words)) { found = true; matched.Add(t); }
                continue;
            }
            var stack = new Stack<(int Token, int Depth)>();
            stack.Push((t, 0));
            while (stack.Count > 0)
            {
                var (x, depth) = stack.Pop();
                if (v.Is(x, c.Words)) { found = true; matched.Add(x); }
                if (depth >= 4) continue;
                // "killing about 20 people, relief officials in Nairobi said", with the speaker parsed as a conjunct of the
                // victims: the closing speaker is no part of what was done
                // "requested permission from Mussolini to bomb the train": what a noun is for, an infinitive on it, is not the
                // thing itself (a request for permission is no request for arms)
                foreach (var g in v.Children(x))
                    if (!v.IsClauseBoundary(g) && !IsCounterValue(v, g) && !(v.Deprel(g) == "acl" && v.Upos(x) is "NOUN" && Marker(v, g) == "to") && !(v.Deprel(g) == "conj" && (EventCoder.IsClosingSpeaker(v, g) || EventCoder.OpensClosingSpeaker(v, g)))) stack.Push((g, depth + 1));
            }
        }
        return found;
    }

    /// <summary>
    /// "in return for munitions", "in exchange for prisoners": what is given back, not what the phrase above it holds.
    /// "provide the North with food … in return for munitions" provides food, wherever the parser hangs the phrase.
    /// </summary>
    private static bool IsCounterValue(DependencyView v, int t)
    {
        if (v.Lemma(t) is "return" or "exchange" && v.Preposition(t) == "in") return true;
        // "food in exchange for weapons" with "for weapons" hung beside "exchange" rather than under it.
        foreach (var c in v.Children(t))
            if (v.Deprel(c) == "case" && v.Lemma(c) == "for" && c >= 2 && v.Lemma(c - 1) is "return" or "exchange" && v.Lemma(c - 2) == "in")
                return true;
        return false;
    }
}
