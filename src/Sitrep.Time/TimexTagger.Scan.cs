using System.Text.RegularExpressions;

namespace Sitrep.Time;

public sealed partial class TimexTagger
{
    /// <summary>Names of the rules whose start-position scan finds other matches than a full scan of <paramref name="text"/> (tests).</summary>
    internal static IReadOnlyList<string> ScanMismatches(string text)
    {
        var bad = new List<string>();
        for (int r = 0; r < Rules.Length; r++)
        {
            var (rule, regex) = Rules[r];
            var fast = new List<Candidate>();
            CollectAll(text, 1UL << r, fast);
            var slow = new List<Candidate>();
            foreach (Match m in regex.FullScan().Matches(text))
                if (m.Length > 0 && Accept(rule, m, text)) slow.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
            static string Key(Candidate c) => c.Start + ":" + c.End + ":" + string.Join(",", c.Match.Groups.Cast<Group>().Select(g => g.Success ? g.Index + "+" + g.Length : "-"));
            if (!fast.Select(Key).SequenceEqual(slow.Select(Key), StringComparer.Ordinal)) bad.Add(rule.ToString());
        }
        return bad;
    }

    /// <summary>The rules (bit = index in <see cref="Rules"/>) whose trigger words occur in <paramref name="text"/>, or that have none.</summary>
    private static ulong EnabledRules(string text)
    {
        ulong enabled = 0;
        for (int r = 0; r < Rules.Length; r++)
        {
            // A rule whose every match needs one of a few words is skipped in one vectorized scan when none occurs.
            if (Triggers.TryGetValue(Rules[r].Rule, out var trigger) && text.AsSpan().IndexOfAny(trigger) < 0) continue;
            enabled |= 1UL << r;
        }
        return enabled;
    }

    [ThreadStatic] private static List<int>[]? positionLists;

    /// <summary>
    /// Adds every accepted match of the <paramref name="enabled"/> rules, rule by rule in text order. One pass over
    /// the word starts files each under the rules whose start set holds its first two characters (a table lookup),
    /// so each rule's anchored regex is tried only where it can match.
    /// </summary>
    private static void CollectAll(string text, ulong enabled, List<Candidate> into)
    {
        var lists = positionLists ??= new List<int>[Rules.Length];
        for (int r = 0; r < lists.Length; r++) (lists[r] ??= new List<int>(64)).Clear();
        ulong starting = enabled & Dispatch.Starting;
        if (starting != 0)
        {
            var pair = Dispatch.Pair;
            var first = Dispatch.First;
            bool prevAlnum = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool alnum = char.IsAsciiLetterOrDigit(c);
                // Where a \b-led match can begin: an ASCII letter or digit not preceded by one, an apostrophe, or any
                // non-ASCII character (under IgnoreCase a few fold to ASCII letters, e.g. KELVIN SIGN; \d takes Unicode digits).
                if ((alnum && !prevAlnum) || c == '\'' || c >= 128)
                {
                    ulong mask;
                    if (c >= 128) mask = starting;
                    else
                    {
                        char c1 = i + 1 < text.Length ? text[i + 1] : ' ';
                        mask = (c1 >= 128 ? first[c] : pair[c * 128 + c1]) & starting;
                    }
                    while (mask != 0)
                    {
                        lists[System.Numerics.BitOperations.TrailingZeroCount(mask)].Add(i);
                        mask &= mask - 1;
                    }
                }
                prevAlnum = alnum;
            }
        }
        for (int r = 0; r < Rules.Length; r++)
        {
            if ((enabled & (1UL << r)) == 0) continue;
            var (rule, regex) = Rules[r];
            if (!regex.HasStarts) regex.CollectFull(rule, text, into);
            else if (lists[r].Count > 0) regex.CollectAt(rule, text, lists[r], into);
        }
    }

    /// <summary>Per pair of ASCII characters (first * 128 + second), the rules whose matches may begin with it; built once.</summary>
    private static class Dispatch
    {
        public static readonly ulong[] Pair = new ulong[128 * 128];
        /// <summary>Per first character, the rules allowing it before any second (a non-ASCII second may fold to ASCII).</summary>
        public static readonly ulong[] First = new ulong[128];
        public static readonly ulong Starting;

        static Dispatch()
        {
            if (Rules.Length > 64) throw new InvalidOperationException("Rule masks hold 64 rules.");
            for (int r = 0; r < Rules.Length; r++)
            {
                var rx = Rules[r].Regex;
                if (!rx.HasStarts) continue;
                Starting |= 1UL << r;
                for (int c0 = 0; c0 < 128; c0++)
                    for (int c1 = 0; c1 < 128; c1++)
                        if (rx.Allows((char)c0, (char)c1)) { Pair[c0 * 128 + c1] |= 1UL << r; First[c0] |= 1UL << r; }
            }
        }
    }

    /// <summary>
    /// One rule's regex with a cheap way to enumerate exactly the matches <see cref="Regex.Matches(string)"/> would
    /// give. Every pattern with a start set opens with \b and a word character (or an apostrophe), so a match can
    /// only start at a word start (see <see cref="CollectAll"/>) whose characters are in the set; the \G-anchored regex is
    /// tried only there, instead of at every character of the text.
    /// </summary>
    private sealed class RuleRegex
    {
        private readonly string pattern;
        // Bit (first, second) set when a match may begin with those two ASCII characters (case-folded).
        private readonly ulong[]? pairs;
        private readonly Regex? anchored;
        private Regex? full;

        /// <param name="starts">
        /// Space-separated lower-case beginnings a match can have: two letters ("th") fix the first two characters,
        /// one character ("a", "'") or "#" (any ASCII digit) only the first; "a_" is "a" before ASCII white space or a hyphen. Null scans the whole text.
        /// </param>
        /// <param name="boundary">Whether the pattern opens with \b (required for a start set).</param>
        public RuleRegex(string pattern, string? starts, bool boundary)
        {
            this.pattern = pattern;
            if (starts is null) return;
            if (!boundary) throw new ArgumentException("A start set needs a pattern that opens with \\b.", nameof(boundary));
            pairs = new ulong[128 * 2];
            foreach (var token in starts.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var firsts = token[0] == '#' ? "0123456789" : token[..1];
                foreach (var f in firsts)
                    foreach (var c0 in (ReadOnlySpan<char>)[char.ToLowerInvariant(f), char.ToUpperInvariant(f)])
                    {
                        if (token.Length == 1) { pairs[c0 * 2] = pairs[c0 * 2 + 1] = ulong.MaxValue; continue; }
                        // "a_": the character, then ASCII white space or a hyphen ("a year", "a-year"; not "about").
                        ReadOnlySpan<char> seconds = token[1] == '_' ? " \t\n\r\f\v-" : [char.ToLowerInvariant(token[1]), char.ToUpperInvariant(token[1])];
                        foreach (var c1 in seconds)
                            pairs[c0 * 2 + (c1 >> 6)] |= 1UL << (c1 & 63);
                    }
            }
            anchored = new Regex(@"\G(?:" + pattern + ")", Opts);
        }

        public bool HasStarts => pairs is not null;

        /// <summary>Whether a match may begin with the ASCII characters <paramref name="c0"/>, <paramref name="c1"/>.</summary>
        public bool Allows(char c0, char c1) => (pairs![c0 * 2 + (c1 >> 6)] & (1UL << (c1 & 63))) != 0;

        /// <summary>Adds each non-empty match the rule accepts, trying the anchored regex at <paramref name="positions"/> (word starts that pass the start set), exactly as a full scan would find them.</summary>
        public void CollectAt(Rule rule, string text, List<int> positions, List<Candidate> into)
        {
            int pos = 0;
            foreach (int q in positions)
            {
                if (q < pos) continue;
                var m = anchored!.Match(text, q);
                if (!m.Success) continue;
                if (m.Length > 0 && Accept(rule, m, text)) into.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
                pos = m.Length > 0 ? m.Index + m.Length : q + 1;
            }
        }

        /// <summary>Adds each non-empty match of a full scan that the rule accepts, in text order.</summary>
        public void CollectFull(Rule rule, string text, List<Candidate> into)
        {
            foreach (Match m in FullScan().Matches(text))
                if (m.Length > 0 && Accept(rule, m, text)) into.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
        }

        public Regex FullScan() => full ??= MakeFull(pattern);

        private static Regex MakeFull(string pattern)
        {
            try { return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking); }
            catch (NotSupportedException) { return new Regex(pattern, Opts); }
        }
    }
}
