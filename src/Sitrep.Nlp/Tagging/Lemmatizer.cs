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

    internal Lemmatizer(Dictionary<ulong, string> known, Dictionary<ulong, int> knownLower, Dictionary<ulong, int> suffix, LemmaScript[] scripts)
    {
        _known = known; _knownLower = knownLower; _suffix = suffix; _scripts = scripts;
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
        if (_known.TryGetValue(KnownKey(form, xpos), out var lemma)) return lemma;
        if (_knownLower.TryGetValue(LowerKey(form, xpos), out var script)) return _scripts[script].Apply(form);
        for (int k = Math.Min(MaxSuffix, form.Length); k >= 0; k--)
            if (_suffix.TryGetValue(SuffixKey(form[(form.Length - k)..], xpos), out script)) return _scripts[script].Apply(form);
        return form.ToString();
    }

    /// <summary>Learns the tables from (form, xpos id, lemma) triples.</summary>
    internal static Lemmatizer Train(IEnumerable<(string Form, int Xpos, string Lemma)> words)
    {
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
            var script = Id(LemmaScript.From(form, lemma));
            Count(exact, (form, xpos), lemma);
            var lf = form.ToLowerInvariant();
            Count(lower, (lf, xpos), script);
            for (int k = 0; k <= Math.Min(MaxSuffix, lf.Length); k++) Count(suffix, (lf[(lf.Length - k)..], xpos), script);
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
        return new Lemmatizer(known, knownLower, suf, [.. scripts]);
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

    public string Apply(ReadOnlySpan<char> form)
    {
        int keep = Math.Max(0, form.Length - Strip);
        var sb = new StringBuilder(keep + Append.Length);
        if (Lower) foreach (var c in form[..keep]) sb.Append(char.ToLowerInvariant(c));
        else sb.Append(form[..keep]);
        sb.Append(Append);
        return sb.ToString();
    }
}
