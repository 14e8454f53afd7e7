using System.Text.RegularExpressions;

namespace Sitrep.Time;

public sealed partial class TimexTagger
{
    /// <summary>Names of the rules whose start-position scan finds other matches than a full scan of <paramref name="text"/> (tests).</summary>
    internal static IReadOnlyList<string> ScanMismatches(string text)
    {
        var bad = new List<string>();
        var starts = RuleRegex.StartPositions(text);
        foreach (var (rule, regex) in Rules)
        {
            var fast = new List<Candidate>();
            regex.Collect(rule, text, starts, fast);
            var slow = new List<Candidate>();
            foreach (Match m in regex.FullScan().Matches(text))
                if (m.Length > 0 && Accept(rule, m, text)) slow.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
            static string Key(Candidate c) => c.Start + ":" + c.End + ":" + string.Join(",", c.Match.Groups.Cast<Group>().Select(g => g.Success ? g.Index + "+" + g.Length : "-"));
            if (!fast.Select(Key).SequenceEqual(slow.Select(Key), StringComparer.Ordinal)) bad.Add(rule.ToString());
        }
        return bad;
    }

    /// <summary>
    /// One rule's regex with a cheap way to enumerate exactly the matches <see cref="Regex.Matches(string)"/> would
    /// give. Every pattern with a start set opens with \b and a word character (or an apostrophe), so a match can
    /// only start at one of <see cref="StartPositions"/> whose character is in the set; the \G-anchored regex is
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
        /// one character ("a", "'") or "#" (any ASCII digit) only the first. Null scans the whole text.
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
                        foreach (var c1 in (ReadOnlySpan<char>)[char.ToLowerInvariant(token[1]), char.ToUpperInvariant(token[1])])
                            pairs[c0 * 2 + (c1 >> 6)] |= 1UL << (c1 & 63);
                    }
            }
            anchored = new Regex(@"\G(?:" + pattern + ")", Opts);
        }

        private bool MayStart(string text, int q)
        {
            char c0 = text[q];
            if (c0 >= 128) return true;
            char c1 = q + 1 < text.Length ? text[q + 1] : ' ';
            // A non-ASCII second character may fold to an ASCII letter (KELVIN SIGN, LONG S).
            if (c1 >= 128) return pairs![c0 * 2] != 0 || pairs[c0 * 2 + 1] != 0;
            return (pairs![c0 * 2 + (c1 >> 6)] & (1UL << (c1 & 63))) != 0;
        }

        /// <summary>
        /// Positions where a \b-led match could begin: an ASCII letter or digit not preceded by one, an apostrophe,
        /// or any non-ASCII character (under IgnoreCase a few fold to ASCII letters, e.g. KELVIN SIGN; \d takes Unicode digits).
        /// </summary>
        public static List<int> StartPositions(string text)
        {
            var list = new List<int>(text.Length / 4);
            bool prevAlnum = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool alnum = char.IsAsciiLetterOrDigit(c);
                if ((alnum && !prevAlnum) || c == '\'' || c >= 128) list.Add(i);
                prevAlnum = alnum;
            }
            return list;
        }

        /// <summary>Adds each non-empty match the rule accepts, in text order, exactly as a full scan would find them.</summary>
        public void Collect(Rule rule, string text, List<int> startPositions, List<Candidate> into)
        {
            if (anchored is null)
            {
                foreach (Match m in FullScan().Matches(text))
                    if (m.Length > 0 && Accept(rule, m, text)) into.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
                return;
            }
            int pos = 0;
            foreach (int q in startPositions)
            {
                if (q < pos) continue;
                if (!MayStart(text, q)) continue;
                var m = anchored.Match(text, q);
                if (!m.Success) continue;
                if (m.Length > 0 && Accept(rule, m, text)) into.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
                pos = m.Length > 0 ? m.Index + m.Length : q + 1;
            }
        }

        public Regex FullScan() => full ??= MakeFull(pattern);

        private static Regex MakeFull(string pattern)
        {
            try { return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking); }
            catch (NotSupportedException) { return new Regex(pattern, Opts); }
        }
    }
}
