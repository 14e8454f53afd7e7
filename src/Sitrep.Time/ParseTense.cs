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
    };
    // Verbs whose own meaning points ahead: "planned a rally on Saturday", "postponed the vote until Tuesday".
    private static readonly HashSet<string> Scheduling = new(StringComparer.OrdinalIgnoreCase)
    {
        "plan", "schedule", "reschedule", "slate", "postpone", "delay", "adjourn", "defer",
    };

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
        if (_children[node] is { } own)
            foreach (var k in own)
                if (_tokens[k].Deprel == "case" && Word(k).Equals("since", StringComparison.OrdinalIgnoreCase)) return TenseHint.Past;
        bool inside = true;
        for (int guard = 0; guard < 12 && node >= 0 && node < _tokens.Length; guard++)
        {
            var t = PredicateTense(node, inside, 0, out bool isPredicate);
            if (isPredicate) return t;
            inside = false;
            node = _tokens[node].Head;
        }
        return TenseHint.Unknown;
    }

    private string Word(int i) => _text.Substring(_tokens[i].Span.Start, _tokens[i].Span.Length);

    private TenseHint PredicateTense(int i, bool isExpression, int depth, out bool isPredicate)
    {
        var tok = _tokens[i];
        var kids = _children[i];
        bool verb = !isExpression && tok.Upos is "VERB" or "AUX";
        bool hasAux = false, hasTo = false;
        TenseHint fromAux = TenseHint.Unknown;
        bool perfect = false;
        if (kids is not null)
        {
            foreach (var k in kids)
            {
                var d = _tokens[k].Deprel ?? "";
                if (d == "mark" && Word(k).Equals("to", StringComparison.OrdinalIgnoreCase)) hasTo = true;
                if (!d.StartsWith("aux", StringComparison.Ordinal) && d != "cop") continue;
                hasAux = true;
                var w = Word(k);
                var x = _tokens[k].Xpos;
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
        if (verb && tok.Lemma is { } lemma && Scheduling.Contains(lemma) && tok.Upos == "VERB") return TenseHint.Future;
        if (fromAux != TenseHint.Unknown) return fromAux;
        if (perfect) return TenseHint.Past;
        switch (tok.Xpos)
        {
            case "VBD": return TenseHint.Past;
            case "VBZ" or "VBP": return TenseHint.Present;
            case "VBN" when !hasTo: return TenseHint.Past; // "the talks held Monday"
        }
        // An infinitive or participle takes its governor's tense; a governor of intention makes it future.
        int h = tok.Head;
        if (h >= 0 && h < _tokens.Length && depth < 6)
        {
            var head = _tokens[h];
            if (hasTo && head.Lemma is { } hl && Intention.Contains(hl)) return TenseHint.Future;
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
