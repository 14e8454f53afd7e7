using System.Text;

namespace Sitrep.Nlp.Tagging;

/// <summary>
/// Edit-script lemmatizer learned from a treebank: a (form, XPOS) lookup for seen words, and for unseen words the most
/// frequent script for the longest known (XPOS, suffix). A script is: lowercase or keep case, strip k characters, append s.
/// </summary>
public sealed class Lemmatizer
{
    internal const int MaxSuffix = 6;
    internal const int MinSuffixCount = 2;

    // Seen words: hash(form exact) ^ xpos → lemma (shared instances: no allocation for known words).
    private readonly Dictionary<ulong, string> _known;
    // Lowercased form + xpos → script, for case variants of seen words.
    private readonly Dictionary<ulong, int> _knownLower;
    // hash(xpos, suffix) → script id.
    private readonly Dictionary<ulong, int> _suffix;
    private readonly LemmaScript[] _scripts;
    // (xpos, case pattern of the form) → how to case a lemma derived from the lowercased form: 0 keep the form's case, 1 lower, 2 title.
    private readonly byte[] _casing;

    internal Lemmatizer(Dictionary<ulong, string> known, Dictionary<ulong, int> knownLower, Dictionary<ulong, int> suffix, LemmaScript[] scripts, byte[] casing)
    {
        _known = known; _knownLower = knownLower; _suffix = suffix; _scripts = scripts; _casing = casing;
    }

    internal byte[] Casing => _casing;
    internal const int CasePatterns = 4;

    /// <summary>0: no capitals, 1: capitalized, 2: all capitals, 3: other.</summary>
    internal static int CasePattern(ReadOnlySpan<char> form)
    {
        bool upper = false, lower = false;
        foreach (var c in form) { if (char.IsUpper(c)) upper = true; else if (char.IsLower(c)) lower = true; }
        if (!upper) return 0;
        if (!lower) return form.Length > 1 ? 2 : 1;
        return char.IsUpper(form[0]) && !HasUpperAfterFirst(form) ? 1 : 3;
    }

    private static bool HasUpperAfterFirst(ReadOnlySpan<char> form)
    {
        for (int i = 1; i < form.Length; i++) if (char.IsUpper(form[i])) return true;
        return false;
    }

    private string ApplyCased(LemmaScript script, ReadOnlySpan<char> form, int xpos)
    {
        int mode = xpos * CasePatterns + CasePattern(form) < _casing.Length ? _casing[xpos * CasePatterns + CasePattern(form)] : 0;
        return script.Apply(form, mode);
    }

    internal IReadOnlyList<LemmaScript> Scripts => _scripts;
    internal IReadOnlyDictionary<ulong, string> Known => _known;
    internal IReadOnlyDictionary<ulong, int> KnownLower => _knownLower;
    internal IReadOnlyDictionary<ulong, int> Suffix => _suffix;

    internal static ulong KnownKey(ReadOnlySpan<char> form, int xpos) => FeatureHash.F(100 + xpos, FeatureHash.Chars(form));
    internal static ulong LowerKey(ReadOnlySpan<char> form, int xpos) => FeatureHash.F(600 + xpos, FeatureHash.LowerChars(form));
    internal static ulong SuffixKey(ReadOnlySpan<char> lowerSuffix, int xpos) => FeatureHash.F(1100 + xpos, FeatureHash.LowerChars(lowerSuffix), (ulong)lowerSuffix.Length);

    public string Lemmatize(ReadOnlySpan<char> form, int xpos)
    {
        if (Apostrophes.NeedsFolding(form)) return Lemmatize(Apostrophes.Fold(form, form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length]), xpos);
        if (_known.TryGetValue(KnownKey(form, xpos), out var lemma)) return lemma;
        if (_knownLower.TryGetValue(LowerKey(form, xpos), out var script)) return ApplyCased(_scripts[script], form, xpos);
        for (int k = Math.Min(MaxSuffix, form.Length); k >= 0; k--)
            if (_suffix.TryGetValue(SuffixKey(form[(form.Length - k)..], xpos), out script)) return ApplyCased(_scripts[script], form, xpos);
        return form.ToString();
    }

    /// <summary>Learns the tables from (form, xpos id, lemma) triples.</summary>
    internal static Lemmatizer Train(IEnumerable<(string Form, int Xpos, string Lemma)> words, int xposCount)
    {
        var casingCounts = new int[xposCount * CasePatterns * 3];
        var scriptIds = new Dictionary<LemmaScript, int>();
        var scripts = new List<LemmaScript>();
        var exact = new Dictionary<(string, int), Dictionary<string, int>>();
        var lower = new Dictionary<(string, int), Dictionary<int, int>>();
        var suffix = new Dictionary<(string, int), Dictionary<int, int>>();
        int Id(LemmaScript s)
        {
            if (!scriptIds.TryGetValue(s, out var id)) { id = scripts.Count; scriptIds[s] = id; scripts.Add(s); }
            return id;
        }
        static void Count<T>(Dictionary<(string, int), Dictionary<T, int>> d, (string, int) key, T value) where T : notnull
        {
            if (!d.TryGetValue(key, out var c)) d[key] = c = [];
            c[value] = c.GetValueOrDefault(value) + 1;
        }
        foreach (var (form, xpos, lemma) in words)
        {
            if (lemma == "_" || form.Length == 0) continue;
            Count(exact, (form, xpos), lemma);
            // Scripts are learned between lowercased form and lemma; the casing table decides the lemma's case.
            var lf = form.ToLowerInvariant();
            var ls = LemmaScript.From(lf, lemma.ToLowerInvariant());
            var script = Id(ls);
            int pattern = CasePattern(form);
            for (int mode = 0; mode < 3; mode++)
                if (ls.Apply(form, mode) == lemma) casingCounts[(xpos * CasePatterns + pattern) * 3 + mode]++;
            Count(lower, (lf, xpos), script);
            // A suffix rule must cover what it strips, keep a character and not grow the word much: whole-word replacements
            // (best → good) and expansions (Nov. → November) do not generalize.
            for (int k = Math.Max(ls.Strip, 0); k <= Math.Min(MaxSuffix, lf.Length); k++)
                if (ls.Strip < lf.Length && ls.Append.Length <= ls.Strip + 2) Count(suffix, (lf[(lf.Length - k)..], xpos), script);
        }
        var known = new Dictionary<ulong, string>();
        foreach (var ((form, xpos), c) in exact) known[KnownKey(form, xpos)] = string.Intern(Best(c));
        var knownLower = new Dictionary<ulong, int>();
        foreach (var ((lf, xpos), c) in lower) knownLower[LowerKey(lf, xpos)] = Best(c);
        var suf = new Dictionary<ulong, int>();
        foreach (var ((s, xpos), c) in suffix)
        {
            int total = 0; foreach (var v in c.Values) total += v;
            if (total >= MinSuffixCount || s.Length == 0) suf[SuffixKey(s, xpos)] = Best(c);
        }
        var casing = new byte[xposCount * CasePatterns];
        for (int i = 0; i < casing.Length; i++)
        {
            int best = 0;
            for (int mode = 1; mode < 3; mode++) if (casingCounts[i * 3 + mode] > casingCounts[i * 3 + best]) best = mode;
            casing[i] = (byte)best;
        }
        return new Lemmatizer(known, knownLower, suf, [.. scripts], casing);
    }

    // Most frequent value; ties go to the ordinally smallest (string) or lowest id, so training is deterministic.
    private static string Best(Dictionary<string, int> c)
    {
        string? best = null; int bc = -1;
        foreach (var (k, v) in c) if (v > bc || (v == bc && string.CompareOrdinal(k, best) < 0)) { best = k; bc = v; }
        return best!;
    }

    private static int Best(Dictionary<int, int> c)
    {
        int best = -1, bc = -1;
        foreach (var (k, v) in c) if (v > bc || (v == bc && k < best)) { best = k; bc = v; }
        return best;
    }
}

/// <summary>An edit from form to lemma: optionally lowercase, strip <see cref="Strip"/> trailing characters, append <see cref="Append"/>.</summary>
internal readonly record struct LemmaScript(bool Lower, int Strip, string Append)
{
    public static LemmaScript From(string form, string lemma)
    {
        var lf = form.ToLowerInvariant();
        int a = Common(form, lemma), b = Common(lf, lemma);
        // Prefer keeping case unless lowercasing explains strictly more of the lemma.
        if (b > a) return new LemmaScript(true, lf.Length - b, lemma[b..]);
        return new LemmaScript(false, form.Length - a, lemma[a..]);
    }

    private static int Common(string x, string y)
    {
        int n = Math.Min(x.Length, y.Length), i = 0;
        while (i < n && x[i] == y[i]) i++;
        return i;
    }

    public string Apply(ReadOnlySpan<char> form) => Apply(form, Lower ? 1 : 0);

    /// <summary>Applies the edit with a casing mode: 0 keep the form's case, 1 lowercase, 2 lowercase with a capital first letter.</summary>
    public string Apply(ReadOnlySpan<char> form, int mode)
    {
        int keep = Math.Max(0, form.Length - Strip);
        var sb = new StringBuilder(keep + Append.Length);
        if (mode == 0) sb.Append(form[..keep]);
        else foreach (var c in form[..keep]) sb.Append(char.ToLowerInvariant(c));
        sb.Append(Append);
        if (mode == 2 && sb.Length > 0) sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }
}
