using System.Collections.Frozen;
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

    /// <summary>
    /// Adds every accepted match of the <paramref name="rules"/>. One pass over the word starts looks up each word's
    /// first letters (or its digit, or an apostrophe) in a table of the words each rule's matches can begin with, and
    /// tries the \G-anchored regex of just those rules there; a rule resumes after its last match, as a full scan would.
    /// A rule without first words is run as a full scan where the character all its matches contain occurs.
    /// Candidates come out in text order across rules (Annotate sorts them).
    /// </summary>
    private static void CollectAll(string text, ulong rules, List<Candidate> into)
    {
        ulong starting = rules & Dispatch.Starting;
        if (starting != 0)
        {
            Span<int> resume = stackalloc int[Rules.Length];
            resume.Clear();
            bool prevAlnum = false;
            for (int i = 0; i < text.Length && starting != 0; i++)
            {
                char c = text[i];
                bool alnum = char.IsAsciiLetterOrDigit(c);
                // Where a \b-led match can begin: an ASCII letter or digit not preceded by one, an apostrophe, or any
                // non-ASCII character (under IgnoreCase a few fold to ASCII letters, e.g. KELVIN SIGN; \d takes Unicode digits).
                if ((alnum && !prevAlnum) || c == '\'' || c >= 128)
                {
                    ulong mask = Dispatch.First.At(text, i, out int end);
                    if ((mask & Dispatch.The) != 0)
                    {
                        // "the": the rules that allow it are looked up by the word after it ("the past", "the 1990s").
                        mask &= ~Dispatch.The;
                        int next = end;
                        while (next < text.Length && (char.IsWhiteSpace(text[next]) || text[next] == '-')) next++;
                        if (next > end && next < text.Length) mask |= Dispatch.AfterThe.At(text, next, out _);
                    }
                    mask &= starting;
                    while (mask != 0)
                    {
                        int r = System.Numerics.BitOperations.TrailingZeroCount(mask);
                        mask &= mask - 1;
                        if (i < resume[r]) continue;
                        resume[r] = Rules[r].Regex.CollectAt(Rules[r].Rule, text, i, into);
                    }
                }
                prevAlnum = alnum;
            }
        }
        for (int r = 0; r < Rules.Length; r++)
        {
            var (rule, regex) = Rules[r];
            if ((rules & (1UL << r)) == 0 || regex.HasStarts || (regex.Required is { } required && !text.Contains(required))) continue;
            regex.CollectFull(rule, text, into);
        }
    }

    /// <summary>The rules (bit = index in <see cref="Rules"/>) each word may begin; built once.</summary>
    private static class Dispatch
    {
        /// <summary>The rules whose matches may begin with a word; <see cref="The"/> for "the", which <see cref="AfterThe"/> resolves.</summary>
        public static readonly WordTable First;
        /// <summary>The rules whose matches may begin with "the" and then a word.</summary>
        public static readonly WordTable AfterThe;
        /// <summary>Not a rule: marks the word "the" in <see cref="First"/>.</summary>
        public const ulong The = 1UL << 63;
        public static readonly ulong Starting;

        static Dispatch()
        {
            if (Rules.Length > 63) throw new InvalidOperationException("Rule masks hold 63 rules (bit 63 marks \"the\").");
            var first = new List<(string, ulong)>();
            var afterThe = new List<(string, ulong)>();
            for (int r = 0; r < Rules.Length; r++)
            {
                var rx = Rules[r].Regex;
                if (!rx.HasStarts) continue;
                ulong bit = 1UL << r;
                Starting |= bit;
                foreach (var w in rx.FirstWords!) first.Add((w, bit));
                if (rx.AfterThe is { } after)
                {
                    first.Add(("the", The));
                    foreach (var w in after) afterThe.Add((w, bit));
                }
            }
            First = new WordTable(first, Starting);
            AfterThe = new WordTable(afterThe, afterThe.Aggregate(0UL, (m, e) => m | e.Item2));
        }
    }

    /// <summary>
    /// Rule masks by word, for a word start: a run of ASCII letters (compared ignoring case; "FY98" is "fy", "mid-March"
    /// is "mid"), "#" for any ASCII digit, "'" for an apostrophe. Where a non-ASCII character begins the word or ends
    /// its letters (under IgnoreCase a few fold to ASCII letters, e.g. KELVIN SIGN), the word is not known and every
    /// rule of the table is returned.
    /// </summary>
    private sealed class WordTable
    {
        private readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> words;
        private readonly ulong digit, apostrophe, all;
        private readonly int maxWord;

        public WordTable(IEnumerable<(string Word, ulong Rules)> entries, ulong all)
        {
            this.all = all;
            var byWord = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
            foreach (var (w, rules) in entries)
            {
                if (w == "#") digit |= rules;
                else if (w == "'") apostrophe |= rules;
                else if (w.Length > 0 && w.All(char.IsAsciiLetter))
                {
                    byWord[w] = byWord.GetValueOrDefault(w) | rules;
                    maxWord = Math.Max(maxWord, w.Length);
                }
                else throw new ArgumentException($"First word '{w}' is not a run of ASCII letters, '#' or \"'\".", nameof(entries));
            }
            words = byWord.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>The rules whose matches may begin at <paramref name="i"/>; <paramref name="end"/> is where its letters end.</summary>
        public ulong At(string text, int i, out int end)
        {
            char c = text[i];
            end = i + 1;
            if (c >= 128) return all;
            if (char.IsAsciiDigit(c)) return digit;
            if (c == '\'') return apostrophe;
            if (!char.IsAsciiLetter(c)) return 0;
            while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
            if (end < text.Length && text[end] >= 128 && char.IsLetter(text[end])) return all;
            return end - i <= maxWord && words.TryGetValue(text.AsSpan(i, end - i), out var m) ? m : 0;
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
        private readonly Regex? anchored;
        private Regex? full;

        /// <param name="firstWords">
        /// Space-separated words a match can begin with: its first run of ASCII letters, matched ignoring case ("FY98"
        /// begins with "fy", "mid-March" with "mid"); "#" is any ASCII digit and "'" an apostrophe. Null scans the whole text.
        /// </param>
        /// <param name="afterThe">The same for the word after a leading "the" (and white space or hyphens), where a match can begin with "the".</param>
        /// <param name="boundary">Whether the pattern opens with \b (required for first words).</param>
        /// <param name="required">For a rule without first words, a character each of its matches contains.</param>
        public RuleRegex(string pattern, string? firstWords, string? afterThe, bool boundary, char? required)
        {
            this.pattern = pattern;
            Required = required;
            if (firstWords is null) return;
            if (!boundary) throw new ArgumentException("First words need a pattern that opens with \\b.", nameof(boundary));
            FirstWords = firstWords.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (FirstWords.Contains("the", StringComparer.OrdinalIgnoreCase)) throw new ArgumentException("\"the\" is given by the words after it.", nameof(firstWords));
            AfterThe = afterThe?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            anchored = new Regex(@"\G(?:" + pattern + ")", Opts);
        }

        public string[]? FirstWords { get; }

        public string[]? AfterThe { get; }

        public char? Required { get; }

        public bool HasStarts => FirstWords is not null;

        /// <summary>
        /// Tries the anchored regex at the word start <paramref name="q"/> and adds its match if non-empty and accepted;
        /// returns where this rule's scan resumes (after the match, as a full scan would, or at the next character).
        /// </summary>
        public int CollectAt(Rule rule, string text, int q, List<Candidate> into)
        {
            var m = anchored!.Match(text, q);
            if (!m.Success) return q + 1;
            if (m.Length > 0 && Accept(rule, m, text)) into.Add(new Candidate(m.Index, m.Index + m.Length, rule, m));
            return m.Length > 0 ? m.Index + m.Length : q + 1;
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
