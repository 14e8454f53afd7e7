using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Time;

/// <summary>
/// Tense of the verb governing a span, from Sitrep's POS tags and dependency parse: climb from the expression's head
/// token to the first predicate (a verb, or a word with a copula or auxiliary), then read its auxiliaries and tag
/// ("will"/modal + VB → future, VBD or had/was → past, has/have + VBN → past, VBZ/VBP → present). Verbs of planning
/// and postponing point ahead whatever their own tense; an infinitive takes its governor's tense, and a governor of
/// intention ("expected to", "plans to") makes it future. Where the parse says nothing, the raw-text heuristic decides.
/// </summary>
public sealed class ParseTense : ITenseHints
{
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly ITenseHints _fallback;
    private readonly List<int>[] _children;

    private static readonly HashSet<string> FutureAux = new(StringComparer.OrdinalIgnoreCase) { "will", "'ll", "shall", "wo", "would", "may", "might", "should", "must", "can" };
    // Governors that put their infinitive ahead: "is expected to arrive Monday", "plans to vote in March".
    private static readonly HashSet<string> Intention = new(StringComparer.OrdinalIgnoreCase)
    {
        "expect", "plan", "schedule", "reschedule", "intend", "hope", "aim", "set", "due", "prepare", "want", "likely", "poised", "slate", "going", "ready",
        // Agreements, offers and promises to do something: "announced an agreement to acquire the bank in January".
        "agree", "agreement", "proposal", "propose", "promise", "pledge", "vow", "decide", "decision",
    };
    // Verbs whose own meaning points ahead: "planned a rally on Saturday", "postponed the vote until Tuesday".
    private static readonly HashSet<string> Scheduling = new(StringComparer.OrdinalIgnoreCase)
    {
        "plan", "schedule", "reschedule", "slate", "postpone", "delay", "adjourn", "defer",
    };

    // Verbs whose simple present tells a timetable, as news writes what is arranged ("the trial opens Monday").
    private static readonly HashSet<string> TimetablePresent = new(StringComparer.OrdinalIgnoreCase)
    {
        "begin", "start", "open", "close", "end", "resume", "meet", "convene", "arrive", "depart", "leave", "expire", "kick", "reopen", "adjourn",
    };

    // Past participles of arrangement that take the day with "for": "set for Thursday", "due for March".
    private static readonly HashSet<string> ArrangedFor = new(StringComparer.OrdinalIgnoreCase) { "set", "slate", "schedule", "reschedule", "plan", "due", "book" };

    // The same verbs by their inflected forms' stems, for when the lemmatizer misses them ("postponed" → "postpon").
    private static readonly string[] SchedulingStems = ["schedul", "reschedul", "postpon", "adjourn", "defer", "delay", "slated", "planned", "planning"];
    // Verbs that set or move a deadline: "extended the deadline until Tuesday", "has given them until Friday".
    private static readonly string[] DeadlineStems = ["extend", "give", "gave", "given", "grant", "allow"];

    public ParseTense(string text, Token[] tokens, ITenseHints? fallback = null)
    {
        _text = text;
        _tokens = tokens;
        _fallback = fallback ?? new LazyHeuristic(text);
        _children = new List<int>[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            int h = tokens[i].Head;
            if (h >= 0 && h < tokens.Length) (_children[h] ??= []).Add(i);
        }
    }

    /// <summary>True when the tokens carry POS tags and heads, so this class has something to read.</summary>
    public static bool Usable(Token[]? tokens) => tokens is { Length: > 0 } && tokens[0].Xpos is not null && tokens[0].Head != Token.Unparsed;

    public TenseHint At(TextSpan span)
    {
        var t = FromParse(span);
        return t == TenseHint.Unknown ? _fallback.At(span) : t;
    }

    private TenseHint FromParse(TextSpan span)
    {
        // Tokens of the expression: [first, last].
        int lo = 0, hi = _tokens.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (_tokens[mid].Span.End <= span.Start) lo = mid + 1; else hi = mid; }
        int first = lo;
        if (first >= _tokens.Length || _tokens[first].Span.Start >= span.End) return TenseHint.Unknown;
        int last = first;
        while (last + 1 < _tokens.Length && _tokens[last + 1].Span.Start < span.End) last++;
        if (_tokens[first].Head == Token.Unparsed || _tokens[first].Xpos is null) return TenseHint.Unknown;
        // The expression's own head: the token whose head lies outside it.
        int node = last;
        for (int i = first; i <= last; i++)
            if (_tokens[i].Head < first || _tokens[i].Head > last) { node = i; break; }
        // "since March": whatever the verb, the date lies behind.
        bool until = false, forDate = false, due = false, by = false;
        if (_children[node] is { } own)
            foreach (var k in own)
            {
                due |= _tokens[k].Lemma is "due";
                if (_tokens[k].Deprel != "case") continue;
                var w = Word(k);
                if (w.Equals("since", StringComparison.OrdinalIgnoreCase)) return TenseHint.Past;
                if (w.Equals("until", StringComparison.OrdinalIgnoreCase) || w.Equals("till", StringComparison.OrdinalIgnoreCase)) until = true;
                if (w.Equals("for", StringComparison.OrdinalIgnoreCase)) forDate = true;
                if (w.Equals("by", StringComparison.OrdinalIgnoreCase)) by = true;
            }
        bool inside = true;
        for (int guard = 0; guard < 12 && node >= 0 && node < _tokens.Length; guard++)
        {
            var t = PredicateTense(node, inside, 0, out bool isPredicate);
            // "The vote is due on Tuesday" (however the parser attaches "due"): what is due now lies ahead.
            due |= !inside && _tokens[node].Lemma is "due";
            if (isPredicate && due && t == TenseHint.Present) return TenseHint.Future;
            // "The vote is set for Thursday", "a hearing slated for Sept. 12": the day an arrangement is made for lies ahead.
            if (isPredicate && forDate && !inside && !HasPluperfect(node) && _tokens[node].Lemma is { } pl && ArrangedFor.Contains(pl)) return TenseHint.Future;
            // "if he does not call back by Friday": a deadline in a present or undecided clause lies ahead.
            if (isPredicate && by && t is TenseHint.Present) return TenseHint.Future;
            if (isPredicate) return until ? UntilTense(node, t) : t;
            inside = false;
            node = _tokens[node].Head;
        }
        return TenseHint.Unknown;
    }

    /// <summary>
    /// "until Tuesday" is a deadline ahead unless a simple past tells of a span that ended ("stayed until Tuesday"): a
    /// verb that sets or moves a deadline ("extended … until", "postponed until"), a perfect ("has given them until"),
    /// a present or an undecided tense all point ahead.
    /// </summary>
    private TenseHint UntilTense(int predicate, TenseHint tense)
    {
        var w = Word(predicate).ToLowerInvariant();
        foreach (var stem in DeadlineStems)
            if (w.StartsWith(stem, StringComparison.Ordinal)) return TenseHint.Future;
        if (IsScheduling(predicate)) return TenseHint.Future;
        return tense == TenseHint.Past && !HasPerfectAux(predicate) ? TenseHint.Past : TenseHint.Future;
    }

    private static readonly HashSet<string> CalendarNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        // The head of "Saturday night", "Friday morning".
        "night", "morning", "afternoon", "evening",
    };

    private bool HasPluperfect(int i)
    {
        if (_children[i] is not { } kids) return false;
        foreach (var k in kids)
            if ((_tokens[k].Deprel ?? "").StartsWith("aux", StringComparison.Ordinal) && Word(k).Equals("had", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private bool HasPerfectAux(int i)
    {
        if (_children[i] is not { } kids) return false;
        foreach (var k in kids)
            if ((_tokens[k].Deprel ?? "").StartsWith("aux", StringComparison.Ordinal) && Word(k).ToLowerInvariant() is "has" or "have" or "'ve") return true;
        return false;
    }

    private bool IsScheduling(int i)
    {
        var tok = _tokens[i];
        if (tok.Upos != "VERB") return false;
        if (tok.Lemma is { } lemma && Scheduling.Contains(lemma)) return true;
        var w = Word(i).ToLowerInvariant();
        foreach (var stem in SchedulingStems)
            if (w.StartsWith(stem, StringComparison.Ordinal)) return true;
        return false;
    }

    private string Word(int i) => _text.Substring(_tokens[i].Span.Start, _tokens[i].Span.Length);

    private TenseHint PredicateTense(int i, bool isExpression, int depth, out bool isPredicate)
    {
        var tok = _tokens[i];
        var kids = _children[i];
        bool verb = !isExpression && tok.Upos is "VERB" or "AUX";
        bool hasAux = false, hasTo = false, be = false;
        TenseHint fromAux = TenseHint.Unknown;
        bool perfect = false, modalPerfect = false;
        if (kids is not null)
        {
            foreach (var k in kids)
            {
                var d = _tokens[k].Deprel ?? "";
                if (d == "mark" && Word(k).Equals("to", StringComparison.OrdinalIgnoreCase)) hasTo = true;
                if (!d.StartsWith("aux", StringComparison.Ordinal) && d != "cop") continue;
                hasAux = true;
                var w = Word(k);
                if (_tokens[k].Lemma is "be" && _tokens[k].Xpos is "VBZ" or "VBP") be = true;
                var x = _tokens[k].Xpos;
                // A modal perfect looks back: "may have played a role in the attack on October 7", "would have met Friday".
                if (_tokens[k].Lemma is "have" && _tokens[k].Xpos == "VB" && d.StartsWith("aux", StringComparison.Ordinal)) modalPerfect = true;
                if (FutureAux.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal)) fromAux = TenseHint.Future;
                else if (fromAux != TenseHint.Future && x == "VBD") fromAux = TenseHint.Past;
                else if (fromAux == TenseHint.Unknown && x is "VBZ" or "VBP")
                {
                    if (_tokens[k].Lemma is "have") perfect = true;
                    else fromAux = TenseHint.Present;
                }
                else if (w.Equals("to", StringComparison.OrdinalIgnoreCase)) hasTo = true;
            }
        }
        isPredicate = verb || hasAux;
        if (!isPredicate) return TenseHint.Unknown;
        // Plans, schedules and postponements point ahead ("planned a rally on Saturday", "postponed until Tuesday").
        // A pluperfect places its event before a past reference point: "had been scheduled to expire Friday",
        // "had planned a rally on Saturday" speak of a plan overtaken, on a day gone by.
        if (HasPluperfect(i)) return TenseHint.Past;
        if (verb && IsScheduling(i)) return TenseHint.Future;
        // "is to resume trading Tuesday": present "be" with an infinitive is an arrangement ahead.
        if (hasTo && be && fromAux == TenseHint.Present) return TenseHint.Future;
        // "The talks are on Friday", "the vote is in March": a day or month a present "be" predicates of something lies
        // ahead (one gone by takes "was").
        if (isExpression && be && fromAux == TenseHint.Present && !hasTo && !perfect && CalendarNames.Contains(Word(i).TrimEnd('.'))) return TenseHint.Future;
        if (fromAux == TenseHint.Future && modalPerfect) return TenseHint.Past;
        if (fromAux != TenseHint.Unknown) return fromAux;
        if (perfect) return TenseHint.Past;
        switch (tok.Xpos)
        {
            case "VBD": return TenseHint.Past;
            // A simple present of a timetable verb is a fixed arrangement ahead: "the visit begins Monday", "they meet Friday".
            case "VBZ" or "VBP": return verb && tok.Lemma is { } pl && TimetablePresent.Contains(pl) ? TenseHint.Future : TenseHint.Present;
            case "VBN" when !hasTo: return TenseHint.Past; // "the talks held Monday"
        }
        // An infinitive or participle takes its governor's tense; a governor of intention makes it future.
        int h = tok.Head;
        if (h >= 0 && h < _tokens.Length && depth < 6)
        {
            var head = _tokens[h];
            if (hasTo && head.Lemma is { } hl && Intention.Contains(hl)) return HasPluperfect(h) ? TenseHint.Past : TenseHint.Future;
            var ht = PredicateTense(h, false, depth + 1, out bool headIsPredicate);
            if (headIsPredicate) return ht;
        }
        return TenseHint.Unknown;
    }

    /// <summary>The raw-text heuristic, built only if the parse leaves a span undecided.</summary>
    private sealed class LazyHeuristic(string text) : ITenseHints
    {
        private HeuristicTense? _h;
        public TenseHint At(TextSpan span) => (_h ??= new HeuristicTense(text)).At(span);
    }
}
