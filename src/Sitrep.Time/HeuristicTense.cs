using System.Buffers;
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

    [Flags]
    private enum Cue : ushort
    {
        None = 0, Future = 1, FutureBeforeTo = 2, Past = 4, Intention = 8, Present = 16, Auxiliary = 32, NotPastEd = 64, As = 128, To = 256, SoonEarly = 512, For = 1024,
    }

    // Every cue word with its classes, looked up once per word as a span of the text (case-insensitive): no string per word.
    private static readonly Dictionary<string, Cue> CueWords = BuildCueWords();
    private static readonly Dictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> CueLookup = CueWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, Cue> BuildCueWords()
    {
        var d = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, Cue c) { foreach (var w in words) d[w] = d.GetValueOrDefault(w) | c; }
        Add(Future, Cue.Future);
        Add(FutureBeforeTo, Cue.FutureBeforeTo);
        Add(Past, Cue.Past);
        Add(Intention, Cue.Intention);
        Add(Present, Cue.Present);
        Add(Auxiliaries, Cue.Auxiliary);
        Add(NotPastEd, Cue.NotPastEd);
        Add(["as"], Cue.As);
        Add(["to"], Cue.To);
        Add(["for"], Cue.For);
        Add(["soon", "early"], Cue.SoonEarly);
        return d;
    }

    public HeuristicTense(string text)
    {
        _text = text;
        // A word and the character after it take two characters at least: a pooled array of half the text never grows.
        var pool = ArrayPool<(int Start, int End, Cue Cue)>.Shared;
        var rented = pool.Rent(text.Length / 2 + 1);
        try { Scan(text, rented); }
        finally { pool.Return(rented); }
    }

    private void Scan(string text, (int Start, int End, Cue Cue)[] buffer)
    {
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c) || c == '\'')
            {
                int s = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'' || text[i] == '-')) i++;
                buffer[count++] = (s, i, CueLookup.TryGetValue(text.AsSpan(s, i - s), out var cue) ? cue : Cue.None);
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) _sentenceStarts.Add(i + 1);
            else if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n') _sentenceStarts.Add(i + 1);
            i++;
        }
        var words = buffer.AsSpan(0, count);
        for (int k = 0; k < words.Length; k++)
        {
            var (start, end, cue) = words[k];
            var w = text.AsSpan(start, end - start);
            bool ed = w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase);
            if (cue == Cue.None && !ed && !w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase)) continue;
            var t = TenseHint.Unknown;
            if ((cue & Cue.Future) != 0 || w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase)) t = TenseHint.Future;
            // Plans and schedules point ahead whatever their own tense ("planned a rally on Saturday", "scheduled a news conference Thursday").
            else if ((cue & Cue.Intention) != 0) t = TenseHint.Future;
            // "as soon as Tuesday", "as early as next week": the earliest of dates still to come.
            else if ((cue & Cue.SoonEarly) != 0 && Is(words, k - 1, Cue.As) && Is(words, k + 1, Cue.As)) t = TenseHint.Future;
            else if ((cue & Cue.FutureBeforeTo) != 0 && (Is(words, k + 1, Cue.To) || Is(words, k + 1, Cue.For))) t = TenseHint.Future;
            else if ((cue & Cue.Present) != 0) t = TenseHint.Present;
            else if ((cue & Cue.Past) != 0 || (ed && (cue & Cue.NotPastEd) == 0))
            {
                // A participle after an auxiliary carries that auxiliary's tense, which is a cue of its own.
                bool afterAux = Is(words, k - 1, Cue.Auxiliary)
                    || (Is(words, k - 2, Cue.Auxiliary) && k >= 1 && text.AsSpan(words[k - 1].Start, words[k - 1].End - words[k - 1].Start).EndsWith("ly", StringComparison.OrdinalIgnoreCase));
                if (!afterAux || w.Equals("was", StringComparison.OrdinalIgnoreCase) || w.Equals("were", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("had", StringComparison.OrdinalIgnoreCase) || w.Equals("said", StringComparison.OrdinalIgnoreCase)) t = TenseHint.Past;
                if (afterAux && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) t = TenseHint.Unknown;
            }
            if (t != TenseHint.Unknown) _cues.Add((start, end, t));
        }
    }

    private static bool Is(ReadOnlySpan<(int Start, int End, Cue Cue)> words, int k, Cue c) => k >= 0 && k < words.Length && (words[k].Cue & c) != 0;

    public TenseHint At(TextSpan span)
    {
        int si = _sentenceStarts.BinarySearch(span.Start);
        if (si < 0) si = ~si - 1;
        int sStart = _sentenceStarts[Math.Max(0, si)];
        int sEnd = si + 1 < _sentenceStarts.Count ? _sentenceStarts[si + 1] : _text.Length;
        TenseHint best = TenseHint.Unknown;
        int bestDist = int.MaxValue;
        // Cues are in text order: start at the first one ending inside the sentence.
        int lo = 0, hi = _cues.Count;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (_cues[mid].End <= sStart) lo = mid + 1; else hi = mid; }
        for (int k = lo; k < _cues.Count; k++)
        {
            var (s, e, t) = _cues[k];
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

/// <summary>The raw-text heuristic, built only when a span's tense is first asked for (many documents never ask).</summary>
internal sealed class LazyHeuristicTense(string text) : ITenseHints
{
    private HeuristicTense? _h;
    public TenseHint At(TextSpan span) => (_h ??= new HeuristicTense(text)).At(span);
}
