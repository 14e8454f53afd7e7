using Sitrep.Core;

namespace Sitrep.Nlp.Tokenization;

/// <summary>A token span produced by <see cref="Tokenizer"/>. <see cref="Clitic"/>: split off the previous token without a space (n't, 'm, 's …).</summary>
public readonly record struct RawToken(int Start, int End, bool Clitic)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
}

/// <summary>
/// Rule-based English tokenizer following UD English-EWT conventions: clitics split (do n't, I 'm, it 's, John 's), abbreviations,
/// initials, numbers, times, URLs and emails kept whole, punctuation runs ("...", "!!") one token. Hyphenated words are split as
/// EWT v2 splits them (15 - year, well - known) except after bound prefixes (e-mail, co-workers) and between digits (713-853-3989).
/// Works on whitespace-delimited chunks and peels punctuation off both ends, so every token indexes the input exactly.
/// </summary>
public static class Tokenizer
{
    public static List<RawToken> Tokenize(string text)
    {
        var tokens = new List<RawToken>(text.Length / 4 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(string text, List<RawToken> tokens)
    {
        int i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && IsSpace(text[i])) i++;
            if (i >= n) break;
            int j = i;
            while (j < n && !IsSpace(text[j])) j++;
            Chunk(text, i, j, tokens, 0);
            i = j;
        }
    }

    internal static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF';

    // Splits inside a chunk recurse; past this depth (adversarial input such as a-a-a-… thousands long) the rest stays one token.
    private const int MaxDepth = 64;

    private static void Chunk(string text, int s, int e, List<RawToken> tokens, int depth)
    {
        if (depth > MaxDepth) { tokens.Add(new RawToken(s, e, false)); return; }
        var span = text.AsSpan(s, e - s);
        // URLs and emails: one token, minus trailing sentence punctuation and leading/trailing brackets or quotes.
        if (LooksLikeUrlOrEmail(span))
        {
            int a = s, b = e;
            while (a < b && IsOpening(text[a])) tokens.Add(new RawToken(a, ++a, false));
            int tail = b;
            while (tail > a && (IsClosing(text[tail - 1]) || ".,;:!?".Contains(text[tail - 1]))) tail--;
            if (tail > a) tokens.Add(new RawToken(a, tail, false));
            Punct(text, tail, b, tokens);
            return;
        }

        // Leading punctuation.
        int start = s;
        while (start < e)
        {
            char c = text[start];
            if (IsOpening(c) || IsCurrency(c) || c == '#' || c == '*' || c == '~')
            {
                // An apostrophe that starts a year or a clitic-like word ('90s, 'em) stays.
                if ((c == '\'' || c == '\u2019') && start + 1 < e && (char.IsDigit(text[start + 1]) || IsEm(text, start + 1, e))) break;
                tokens.Add(new RawToken(start, start + 1, false)); start++;
                continue;
            }
            if (c == '-' || c == '\u2013' || c == '\u2014' || c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':')
            {
                if (c == '-' && start + 1 < e && char.IsDigit(text[start + 1]) && (start == s)) break; // -5
                if (c == '.' && start + 1 < e && char.IsDigit(text[start + 1])) break; // .45
                int r = start + 1;
                while (r < e && text[r] == c) r++;
                tokens.Add(new RawToken(start, r, false)); start = r;
                continue;
            }
            break;
        }
        if (start >= e) return;

        // Trailing punctuation, collected right to left.
        int end = e;
        Span<int> trail = stackalloc int[64];
        int nt = 0;
        while (end > start && nt < 62)
        {
            char c = text[end - 1];
            if (IsClosing(c) && !(c == '\'' || c == '\u2019'))
            {
                trail[nt++] = end - 1; trail[nt++] = end; end--; continue;
            }
            if (c == '\'' || c == '\u2019')
            {
                // workers' (possessive plural) and closing single quotes split alike; a lone quote after an s-word is a token.
                if (end - 1 > start) { trail[nt++] = end - 1; trail[nt++] = end; end--; continue; }
                break;
            }
            if (c == ',' || c == ';' || c == '!' || c == '?' || c == ':' || c == '%' || c == '\u2026' || c == '\u2013' || c == '\u2014')
            {
                int r = end - 1;
                while (r > start && (text[r - 1] == c || (c is '!' or '?' && text[r - 1] is '!' or '?'))) r--;
                trail[nt++] = r; trail[nt++] = end; end = r; continue;
            }
            if (c == '-' && end - 1 > start && text[end - 2] == '-') { int r = end - 1; while (r > start && text[r - 1] == '-') r--; trail[nt++] = r; trail[nt++] = end; end = r; continue; }
            if (c == '.')
            {
                int r = end - 1;
                while (r > start && text[r - 1] == '.') r--;
                if (end - r >= 2) { trail[nt++] = r; trail[nt++] = end; end = r; continue; } // ellipsis
                if (KeepsPeriod(text, start, end, nt > 0, e)) break;
                trail[nt++] = end - 1; trail[nt++] = end; end--; continue;
            }
            break;
        }

        if (end > start) Core(text, start, end, tokens, depth);
        for (int k = nt - 2; k >= 0; k -= 2) tokens.Add(new RawToken(trail[k], trail[k + 1], false));
    }

    /// <summary>The word between peeled punctuation: split on dashes, inner sentence punctuation and clitics.</summary>
    private static void Core(string text, int s, int e, List<RawToken> tokens, int depth)
    {
        // Em/en dashes and double hyphens inside a chunk separate words: "war—and", "peace--now".
        for (int k = s; k < e; k++)
        {
            char c = text[k];
            bool dash = c == '\u2014' || c == '\u2013' && !(k > s && char.IsDigit(text[k - 1]) && k + 1 < e && char.IsDigit(text[k + 1]))
                || (c == '-' && k + 1 < e && text[k + 1] == '-');
            bool slashOrComma = (c == ',' && !(k > s && char.IsDigit(text[k - 1]) && k + 1 < e && char.IsDigit(text[k + 1])))
                || (c == '(' || c == ')' || c == '"' || c == '\u201C' || c == '\u201D' || c == '[' || c == ']')
                || (c == '.' && k + 1 < e && text[k + 1] == '.')
                || ((c == '!' || c == '?' || c == ';') && k > s);
            // EWT splits hyphens and slashes between words (15 - year, and / or) but not in numbers (713-853-3989, 11/28/2000)
            // or after a bound prefix (e-mail, co-workers, pre-war).
            bool inner = (c == '-' || c == '/') && k > s && k + 1 < e && char.IsLetterOrDigit(text[k - 1]) && char.IsLetterOrDigit(text[k + 1])
                && !(char.IsDigit(text[k - 1]) && char.IsDigit(text[k + 1]))
                && !(c == '-' && HyphenPrefixes.Contains(text.AsSpan(s, k - s)));
            if (!dash && !slashOrComma && !inner) continue;
            if (c == '(' && k + 2 < e && text[k + 2] == ')' && char.IsLetter(text[k + 1])) { k += 2; continue; } // friend(s)
            if (c == ')' && k >= s + 2 && text[k - 2] == '(') continue;
            int r = k + 1;
            while (r < e && text[r] == c) r++;
            if (k > s) Chunk(text, s, k, tokens, depth + 1);
            tokens.Add(new RawToken(k, r, false));
            if (r < e) Chunk(text, r, e, tokens, depth + 1);
            return;
        }
        Word(text, s, e, tokens);
    }

    private static void Word(string text, int s, int e, List<RawToken> tokens)
    {
        var w = text.AsSpan(s, e - s);
        int len = w.Length;
        // Negation: don't → do n't, can't → ca n't, won't → wo n't.
        if (len >= 4 && (w[len - 2] == '\'' || w[len - 2] == '\u2019') && (w[len - 1] | 0x20) == 't' && (w[len - 3] | 0x20) == 'n' && char.IsLetter(w[len - 4]))
        {
            tokens.Add(new RawToken(s, e - 3, false)); tokens.Add(new RawToken(e - 3, e, true)); return;
        }
        // Apostrophe-less negations of informal text: dont → do nt, didnt → did nt (EWT splits them the same way).
        if (len >= 4 && (w[len - 1] | 0x20) == 't' && (w[len - 2] | 0x20) == 'n' && NtHosts.Contains(w[..^2]))
        {
            tokens.Add(new RawToken(s, e - 2, false)); tokens.Add(new RawToken(e - 2, e, true)); return;
        }
        // Clitics 's 'm 'd 're 've 'll.
        for (int k = len - 2; k >= Math.Max(1, len - 3); k--)
        {
            if (w[k] != '\'' && w[k] != '\u2019') continue;
            var rest = w[(k + 1)..];
            if (!char.IsLetter(w[k - 1])) break;
            if (Is(rest, "s") || Is(rest, "m") || Is(rest, "d") || Is(rest, "re") || Is(rest, "ve") || Is(rest, "ll"))
            {
                Word(text, s, s + k, tokens); tokens.Add(new RawToken(s + k, e, true)); return;
            }
            break;
        }
        // cannot → can not, gonna → gon na, wanna → wan na, gotta → got ta.
        if (Is(w, "cannot")) { tokens.Add(new RawToken(s, s + 3, false)); tokens.Add(new RawToken(s + 3, e, true)); return; }
        if (Is(w, "gonna") || Is(w, "wanna")) { tokens.Add(new RawToken(s, s + 3, false)); tokens.Add(new RawToken(s + 3, e, true)); return; }
        if (Is(w, "gotta")) { tokens.Add(new RawToken(s, s + 3, false)); tokens.Add(new RawToken(s + 3, e, true)); return; }
        // 3pm, 10am: number and unit.
        if (len >= 3 && char.IsDigit(w[0]))
        {
            int d = 0;
            while (d < len && (char.IsDigit(w[d]) || w[d] == ':' || w[d] == '.')) d++;
            var unit = w[d..];
            if (d < len && d > 0 && (Is(unit, "am") || Is(unit, "pm") || Is(unit, "a.m.") || Is(unit, "p.m.")))
            { tokens.Add(new RawToken(s, s + d, false)); tokens.Add(new RawToken(s + d, e, false)); return; }
        }
        tokens.Add(new RawToken(s, e, false));
    }

    // Trailing punctuation after a URL: runs of the same character are one token.
    private static void Punct(string text, int s, int e, List<RawToken> tokens)
    {
        while (s < e)
        {
            int r = s + 1;
            while (r < e && text[r] == text[s]) r++;
            tokens.Add(new RawToken(s, r, false));
            s = r;
        }
    }

    private static bool Is(ReadOnlySpan<char> a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static bool IsEm(string text, int i, int e) =>
        e - i >= 2 && (text.AsSpan(i, e - i).StartsWith("em", StringComparison.OrdinalIgnoreCase) || text.AsSpan(i, e - i).StartsWith("til", StringComparison.OrdinalIgnoreCase)) && (e - i <= 3 || !char.IsLetter(text[Math.Min(i + 3, e - 1)]));

    internal static bool IsOpening(char c) => c is '(' or '[' or '{' or '<' or '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u201E' or '\u2039' or '`';
    internal static bool IsClosing(char c) => c is ')' or ']' or '}' or '>' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';
    private static bool IsCurrency(char c) => c is '$' or '\u00A3' or '\u20AC' or '\u00A5' or '\u20B9';

    private static bool LooksLikeUrlOrEmail(ReadOnlySpan<char> s)
    {
        if (s.Contains("://", StringComparison.Ordinal) || s.Contains("www.", StringComparison.OrdinalIgnoreCase)) return true;
        int at = s.IndexOf('@');
        if (at > 0 && at < s.Length - 3)
        {
            var dom = s[(at + 1)..];
            int dot = dom.IndexOf('.');
            return dot > 0 && dot < dom.Length - 1 && char.IsLetter(s[at - 1]) | char.IsDigit(s[at - 1]);
        }
        // bare domains like reuters.com or nytimes.co.uk
        var t = s.TrimEnd(".,;:!?)\"'");
        foreach (var tld in Tlds)
            if (t.EndsWith(tld, StringComparison.OrdinalIgnoreCase) && t.Length > tld.Length && char.IsLetterOrDigit(t[t.Length - tld.Length - 1]) && !t.Contains('\'')) return true;
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "e", "co", "pre", "post", "non", "semi", "re", "anti", "multi", "inter", "sub", "un", "pro", "mid", "ex", "vice", "de", "bi", "tri", "x",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NtHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "do", "does", "did", "is", "was", "were", "are", "have", "has", "had", "could", "would", "should", "ca", "must", "need", "ai",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Tlds = [".com", ".org", ".net", ".gov", ".edu", ".co.uk", ".html", ".htm", ".php"];

    /// <summary>
    /// Does the word ending in '.' at <paramref name="e"/> keep its period: initials (U.S., J.R.R.), a single capital initial, or a known
    /// abbreviation? Abbreviations that are also words (no, ill, Wash) keep it only when capitalized and followed by a number or a capital.
    /// </summary>
    internal static bool KeepsPeriod(string text, int s, int e, bool closedAfter = false, int chunkEnd = -1)
    {
        var w = text.AsSpan(s, e - s - 1);
        if (w.IsEmpty) return false;
        // Letter-dot sequences: U.S. J.R.R. a.m. e.g. i.e.
        if (w.Contains('.'))
        {
            bool ok = true;
            foreach (var c in w) if (!(char.IsLetter(c) || c == '.')) { ok = false; break; }
            if (ok) return true;
        }
        // A quote or bracket after the period ("No.'", "Inc.)") closes a sentence more often than it follows an abbreviation.
        if (closedAfter) return false;
        if (w.Length == 1 && char.IsLetter(w[0])) return char.IsUpper(w[0]);
        if (Abbreviations.IsKnown(w)) return true;
        if (!Abbreviations.IsConditional(w) || !char.IsUpper(w[0])) return false;
        int k = chunkEnd < 0 ? e : chunkEnd;
        while (k < text.Length && IsSpace(text[k])) k++;
        return k < text.Length && (char.IsDigit(text[k]) || char.IsUpper(text[k]));
    }
}
