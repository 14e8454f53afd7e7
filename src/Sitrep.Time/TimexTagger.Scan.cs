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
            // The first letter (ASCII, or equal to ASCII ignoring case) at or after the end of the last number looked at.
            int nextLetter = -1;
            bool prevAlnum = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool alnum = char.IsAsciiLetterOrDigit(c);
                // Where a \b-led match can begin: an ASCII letter or digit not preceded by one, an apostrophe, or a
                // non-ASCII character (a few equal ASCII letters under IgnoreCase, e.g. KELVIN SIGN; \d takes Unicode digits).
                if ((alnum && !prevAlnum) || c == '\'' || c >= 128)
                {
                    ulong mask = Dispatch.First.At(text, i, out int end, out var after);
                    if (after is not null)
                    {
                        // A lead word ("the", "a", "years", a number): the rules it may begin only before certain words
                        // are looked up by the word after it ("the past", "a few", "years ago", "1990s").
                        if (char.IsAsciiDigit(c))
                        {
                            // A number ("1,500", "2.5", "5 1/2") and then a word: the first letter after it begins that
                            // word (what lies between can only make more rules eligible). The search resumes where the
                            // last one ended, so a long run of numbers is walked once, not once per number.
                            if (nextLetter < end)
                            {
                                nextLetter = end;
                                while (nextLetter < text.Length && !char.IsAsciiLetter(text[nextLetter]) && !WordTable.FoldsToAscii(text[nextLetter])) nextLetter++;
                            }
                            if (nextLetter < text.Length) mask |= after.At(text, nextLetter, out _, out _);
                        }
                        else
                        {
                            int next = end;
                            while (next < text.Length && (char.IsWhiteSpace(text[next]) || text[next] == '-')) next++;
                            if (next > end && next < text.Length) mask |= after.At(text, next, out _, out _);
                        }
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
        /// <summary>The rules whose matches may begin with a word; a lead word carries the table of the words after it.</summary>
        public static readonly WordTable First;
        public static readonly ulong Starting;

        static Dispatch()
        {
            if (Rules.Length > 64) throw new InvalidOperationException("Rule masks hold 64 rules.");
            var first = new List<(string, ulong)>();
            var followers = new Dictionary<string, List<(string, ulong)>>(StringComparer.OrdinalIgnoreCase);
            for (int r = 0; r < Rules.Length; r++)
            {
                var rx = Rules[r].Regex;
                if (!rx.HasStarts) continue;
                ulong bit = 1UL << r;
                Starting |= bit;
                foreach (var w in rx.FirstWords!) first.Add((w, bit));
                foreach (var (lead, after) in rx.Leads)
                {
                    if (!followers.TryGetValue(lead, out var list)) followers[lead] = list = [];
                    foreach (var w in after) list.Add((w, bit));
                }
            }
            var afterLead = followers.ToDictionary(kv => kv.Key, kv => new WordTable(kv.Value, kv.Value.Aggregate(0UL, (m, e) => m | e.Item2), null), StringComparer.OrdinalIgnoreCase);
            First = new WordTable(first, Starting, afterLead);
        }
    }

    /// <summary>
    /// Rule masks by word, for a word start: a run of ASCII letters (compared ignoring case; "FY98" is "fy", "mid-March"
    /// is "mid"), "#" for any ASCII digit, "'" for an apostrophe. Where a non-ASCII digit or a letter equal to an ASCII
    /// one under IgnoreCase (KELVIN SIGN) begins the word, or such a letter ends its ASCII letters, the word is not known
    /// and every rule of the table is returned; no rule begins with any other non-ASCII character.
    /// </summary>
    private sealed class WordTable
    {
        private readonly FrozenDictionary<string, (ulong Rules, WordTable? After)>.AlternateLookup<ReadOnlySpan<char>> words;
        private readonly ulong digit, apostrophe, all;
        private readonly WordTable? afterDigit;
        private readonly int maxWord;
        // Per first two letters (a-z, or 26 for a one-letter word), the lengths of the words in the table (bit = length):
        // most words of a text are ruled out here, before hashing.
        private readonly uint[] lengthsByStart = new uint[26 * 27];

        /// <param name="entries">Words and the rules that may begin with them.</param>
        /// <param name="all">The rules returned where the word is not known.</param>
        /// <param name="leads">Lead words ("#" for a number) and the table of the words after them.</param>
        public WordTable(IEnumerable<(string Word, ulong Rules)> entries, ulong all, IReadOnlyDictionary<string, WordTable>? leads)
        {
            this.all = all;
            var byWord = new Dictionary<string, (ulong Rules, WordTable? After)>(StringComparer.OrdinalIgnoreCase);
            var items = entries.Select(e => (e.Word, e.Rules, After: (WordTable?)null))
                .Concat((leads ?? new Dictionary<string, WordTable>()).Select(l => (Word: l.Key, Rules: 0UL, After: (WordTable?)l.Value)));
            foreach (var (w, rules, after) in items)
            {
                if (w == "#") { digit |= rules; afterDigit ??= after; }
                else if (w == "'" && after is null) apostrophe |= rules;
                else if (w.Length is > 0 and <= 31 && w.All(char.IsAsciiLetter))
                {
                    var (had, hadAfter) = byWord.GetValueOrDefault(w);
                    byWord[w] = (had | rules, hadAfter ?? after);
                    maxWord = Math.Max(maxWord, w.Length);
                    lengthsByStart[StartIndex(w.AsSpan())] |= 1u << w.Length;
                }
                else throw new ArgumentException($"Word '{w}' is not a run of up to 31 ASCII letters, '#' or \"'\" (which cannot lead).", nameof(entries));
            }
            words = byWord.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>
        /// The rules whose matches may begin at <paramref name="i"/>; <paramref name="end"/> is where its letters end, and
        /// <paramref name="after"/> the table of the words after it where it is a lead word.
        /// </summary>
        public ulong At(string text, int i, out int end, out WordTable? after)
        {
            char c = text[i];
            end = i + 1;
            after = null;
            // A right single quotation mark is an apostrophe as typeset ("’90s").
            if (c == '\u2019') return apostrophe;
            // A non-ASCII character begins a match only as a digit (\d is Unicode) or as a letter equal to an ASCII one.
            if (c >= 128) return char.IsDigit(c) || FoldsToAscii(c) ? all : 0;
            if (char.IsAsciiDigit(c)) { after = afterDigit; return digit; }
            if (c == '\'') return apostrophe;
            if (!char.IsAsciiLetter(c)) return 0;
            while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
            if (end < text.Length && FoldsToAscii(text[end])) return all;
            var word = text.AsSpan(i, end - i);
            if (word.Length > maxWord || (lengthsByStart[StartIndex(word)] & (1u << word.Length)) == 0) return 0;
            if (!words.TryGetValue(word, out var entry)) return 0;
            after = entry.After;
            return entry.Rules;
        }

        /// <summary>
        /// Whether a non-ASCII character can equal an ASCII letter under the regexes' IgnoreCase (KELVIN SIGN and "k",
        /// LONG S and "s"): its simple lower or upper case is ASCII. Accented letters and curly quotes are not.
        /// </summary>
        public static bool FoldsToAscii(char c) => c >= 128 && (char.ToLowerInvariant(c) < 128 || char.ToUpperInvariant(c) < 128);

        private static int StartIndex(ReadOnlySpan<char> word) => (word[0] | 0x20) - 'a' + 26 * (word.Length > 1 ? (word[1] | 0x20) - 'a' + 1 : 0);
    }

    /// <summary>
    /// One rule's regex with a cheap way to enumerate exactly the matches <see cref="Regex.Matches(string)"/> would
    /// give. Every pattern with first words opens with \b, so a match can only start at a word start (see
    /// <see cref="CollectAll"/>) whose word is one of them; the \G-anchored regex is tried only there, instead of at
    /// every character of the text.
    /// </summary>
    private sealed class RuleRegex
    {
        private readonly string pattern;
        private readonly Regex? anchored;
        private Regex? full;

        /// <param name="anchored">The source-generated regex \G(?:<paramref name="pattern"/>), for a rule with first words.</param>
        /// <param name="firstWords">
        /// Space-separated words a match can begin with: its first run of ASCII letters, matched ignoring case ("FY98"
        /// begins with "fy", "mid-March" with "mid"); "#" is any ASCII digit and "'" an apostrophe. Null scans the whole text.
        /// </param>
        /// <param name="leads">
        /// Words a match can begin with only before certain words (after white space or hyphens), as "lead lead: word
        /// word; lead: word": "the: past last", "years: ago later". Words as in <paramref name="firstWords"/>; the lead "#"
        /// is a number, and its followers are looked up at the first letter after it ("1,500 years", "5 1/2 hours").
        /// </param>
        /// <param name="boundary">Whether the pattern opens with \b (required for first words).</param>
        /// <param name="required">For a rule without first words, a character each of its matches contains.</param>
        public RuleRegex(string pattern, Regex? anchored, string? firstWords, string? leads, bool boundary, char? required)
        {
            this.pattern = pattern;
            Required = required;
            if (firstWords is null) return;
            if (!boundary) throw new ArgumentException("First words need a pattern that opens with \\b.", nameof(boundary));
            FirstWords = firstWords.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var parsed = new List<(string, string[])>();
            foreach (var group in (leads ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int colon = group.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) throw new ArgumentException($"Lead group '{group}' has no ':'.", nameof(leads));
                var after = group[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var lead in group[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    // A lead is a word with letters to look up, or "#", a number; a word that is also a first word would be tried anyway.
                    if (!(lead == "#" || lead.All(char.IsAsciiLetter)) || FirstWords.Contains(lead, StringComparer.OrdinalIgnoreCase) || parsed.Any(p => p.Item1.Equals(lead, StringComparison.OrdinalIgnoreCase)))
                        throw new ArgumentException($"Lead '{lead}' is not a word of letters given once, apart from the first words.", nameof(leads));
                    parsed.Add((lead, after));
                }
            }
            Leads = parsed;
            // The generated regex must be the rule's pattern, anchored: the full scan the tests compare with uses the pattern.
            if (anchored?.ToString() != @"\G(?:" + pattern + ")") throw new ArgumentException("The anchored regex is not \\G(?:pattern).", nameof(anchored));
            this.anchored = anchored;
        }

        public string[]? FirstWords { get; }

        public IReadOnlyList<(string Lead, string[] After)> Leads { get; } = [];

        public char? Required { get; }

        public bool HasStarts => FirstWords is not null;

        /// <summary>
        /// Tries the anchored regex at the word start <paramref name="q"/> and adds its match if non-empty and accepted;
        /// returns where this rule's scan resumes (after the match, as a full scan would, or at the next character).
        /// </summary>
        public int CollectAt(Rule rule, string text, int q, List<Candidate> into)
        {
            // Most tries fail: the existence test builds no Match and tracks no captures.
            if (!anchored!.IsMatch(text.AsSpan(), q)) return q + 1;
            var m = anchored.Match(text, q);
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
            catch (NotSupportedException) { return new Regex(pattern, RuleOptions); }
        }
    }
}
