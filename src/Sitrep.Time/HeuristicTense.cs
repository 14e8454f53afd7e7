using Sitrep.Core;

namespace Sitrep.Time;

/// <summary>
/// Tense of the clause around a span from auxiliaries and verb endings, without POS tags: the nearest tense cue in
/// the sentence wins ("will", "is expected to", "plans to" → future; "said", "was", "had", "-ed" → past).
/// A participle after an auxiliary ("will be held", "was held") takes the auxiliary's tense.
/// </summary>
public sealed class HeuristicTense : ITenseHints
{
    private readonly string _text;
    private readonly List<(int Start, int End, TenseHint Tense)> _cues = [];
    private readonly List<int> _sentenceStarts = [0];

    private static readonly HashSet<string> Future = new(StringComparer.Ordinal) { "will", "'ll", "shall", "would", "tomorrow", "next", "upcoming", "won't", "wo" };
    private static readonly HashSet<string> FutureBeforeTo = new(StringComparer.Ordinal)
    { "expected", "scheduled", "due", "plans", "planned", "plan", "plans", "intends", "intend", "aims", "hopes", "going", "set", "poised", "slated", "likely", "prepared" };
    private static readonly HashSet<string> Past = new(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "met", "began", "saw", "gave", "held", "left", "fell",
        "rose", "won", "lost", "sold", "bought", "got", "led", "ran", "brought", "struck", "spoke", "wrote", "found", "agreed", "ago",
        "yesterday", "last", "became", "paid", "sent", "kept", "felt", "thought", "knew", "shot", "fought", "broke", "chose", "drove",
        "flew", "grew", "hung", "meant", "stood", "taught", "threw", "understood", "wasn't", "weren't", "didn't", "hadn't", "earlier",
    };
    private static readonly HashSet<string> Intention = new(StringComparer.Ordinal) { "scheduled", "planned", "planning", "slated", "rescheduled" };
    private static readonly HashSet<string> Present = new(StringComparer.Ordinal) { "is", "are", "am", "says", "isn't", "aren't", "does", "do", "doesn't" };
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    { "be", "been", "being", "is", "are", "was", "were", "will", "would", "has", "have", "had", "to", "get", "got", "am", "not", "'s" };
    private static readonly HashSet<string> NotPastEd = new(StringComparer.Ordinal) { "need", "speed", "seed", "feed", "breed", "bed", "red", "shed", "embed", "hundred", "indeed", "proceed", "succeed", "exceed", "united", "limited", "based", "related", "sized" };

    public HeuristicTense(string text)
    {
        _text = text;
        var words = new List<(int Start, int End, string W)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c) || c == '\'')
            {
                int s = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'' || text[i] == '-')) i++;
                words.Add((s, i, text.Substring(s, i - s).ToLowerInvariant()));
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) _sentenceStarts.Add(i + 1);
            else if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n') _sentenceStarts.Add(i + 1);
            i++;
        }
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k].W;
            var t = TenseHint.Unknown;
            if (Future.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal)) t = TenseHint.Future;
            // Plans and schedules point ahead whatever their own tense ("planned a rally on Saturday", "scheduled a news conference Thursday").
            else if (Intention.Contains(w)) t = TenseHint.Future;
            // "as soon as Tuesday", "as early as next week": the earliest of dates still to come.
            else if (w is "soon" or "early" && k >= 1 && k + 1 < words.Count && words[k - 1].W == "as" && words[k + 1].W == "as") t = TenseHint.Future;
            else if (FutureBeforeTo.Contains(w) && k + 1 < words.Count && words[k + 1].W == "to") t = TenseHint.Future;
            else if (Present.Contains(w)) t = TenseHint.Present;
            else if (Past.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !NotPastEd.Contains(w)))
            {
                // A participle after an auxiliary carries that auxiliary's tense, which is a cue of its own.
                bool afterAux = (k >= 1 && Auxiliaries.Contains(words[k - 1].W)) || (k >= 2 && Auxiliaries.Contains(words[k - 2].W) && words[k - 1].W.EndsWith("ly", StringComparison.Ordinal));
                if (!afterAux || w is "was" or "were" or "had" or "said") t = TenseHint.Past;
                if (afterAux && w.EndsWith("ed", StringComparison.Ordinal)) t = TenseHint.Unknown;
            }
            if (t != TenseHint.Unknown) _cues.Add((words[k].Start, words[k].End, t));
        }
    }

    public TenseHint At(TextSpan span)
    {
        int si = _sentenceStarts.BinarySearch(span.Start);
        if (si < 0) si = ~si - 1;
        int sStart = _sentenceStarts[Math.Max(0, si)];
        int sEnd = si + 1 < _sentenceStarts.Count ? _sentenceStarts[si + 1] : _text.Length;
        TenseHint best = TenseHint.Unknown;
        int bestDist = int.MaxValue;
        foreach (var (s, e, t) in _cues)
        {
            if (e <= sStart) continue;
            if (s >= sEnd) break;
            if (s >= span.Start && e <= span.End) continue; // cues inside the expression ("next", "last") are its own
            // Preceding cues count slightly nearer: the governing verb usually comes first in English.
            int d = e <= span.Start ? span.Start - e : (s - span.End) + 8;
            if (d < bestDist) { bestDist = d; best = t; }
        }
        return best;
    }
}
