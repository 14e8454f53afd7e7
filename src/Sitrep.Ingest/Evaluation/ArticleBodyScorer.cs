using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest.Evaluation;

/// <summary>Scores of one document: shingle precision and recall, their F1, and whether the token sequences are equal.</summary>
public sealed record BodyScoreRow(string Id, double Precision, double Recall, double F1, bool Exact, int TrueTokens, int PredictedTokens);

/// <summary>Macro-averaged body-extraction scores over a set of documents, with optional bootstrap standard deviations.</summary>
public sealed record BodyScore(
    double F1, double Precision, double Recall, double Accuracy, int Documents, int EmptyPredictions, int MissingPredictions,
    IReadOnlyList<BodyScoreRow> Rows, double? F1Std = null, double? PrecisionStd = null, double? RecallStd = null, double? AccuracyStd = null);

/// <summary>
/// The article-extraction-benchmark metric, as /work/shared/tools/extraction/score_aeb.py implements it: tokens are
/// Python <c>\w+</c> runs (letters, numbers and '_', by Unicode category, case kept); shingles are token 4-grams
/// (a text of 1..3 tokens gives one shorter shingle); per document tp/fp/fn come from multiset matching and are
/// normalized by their sum; precision and recall are averaged over documents (an empty prediction is left out of
/// precision, an empty truth out of recall); F1 is taken of the two averages.
/// </summary>
public static class ArticleBodyScorer
{
    public const int ShingleSize = 4;

    public static BodyScore Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predictions) =>
        Score(truth, predictions, bootstrap: 0, seed: 0);

    /// <param name="bootstrap">Resamples for the standard deviations; 0 to skip. The RNG differs from Python's, so the stds differ slightly from the script's.</param>
    public static BodyScore Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predictions, int bootstrap, int seed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var triples = new (double Tp, double Fp, double Fn)[truth.Count];
        var exact = new double[truth.Count];
        var rows = new List<BodyScoreRow>(truth.Count);
        int missing = 0, empty = 0, i = 0;
        foreach (var (id, t) in truth)
        {
            if (!predictions.TryGetValue(id, out var p)) { missing++; p = ""; }
            var tt = Tokenize(t);
            var pt = Tokenize(p);
            if (pt.Count == 0) empty++;
            var x = TpFpFn(tt, pt);
            triples[i] = x;
            bool same = tt.SequenceEqual(pt, StringComparer.Ordinal);
            exact[i] = same ? 1 : 0;
            double pr = Precision(x), rc = Recall(x);
            rows.Add(new BodyScoreRow(id, pr, rc, pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0, same, tt.Count, pt.Count));
            i++;
        }
        var (f1, prec, rec) = Metrics(triples);
        double acc = exact.Length == 0 ? 0 : exact.Average();
        if (bootstrap <= 0)
            return new BodyScore(f1, prec, rec, acc, truth.Count, empty, missing, rows);

        var rnd = new Random(seed);
        var bf = new double[bootstrap];
        var bp = new double[bootstrap];
        var br = new double[bootstrap];
        var ba = new double[bootstrap];
        int n = triples.Length;
        var sample = new (double, double, double)[n];
        for (int b = 0; b < bootstrap; b++)
        {
            double a = 0;
            for (int k = 0; k < n; k++)
            {
                int j = rnd.Next(n);
                sample[k] = triples[j];
                a += exact[j];
            }
            (bf[b], bp[b], br[b]) = Metrics(sample);
            ba[b] = n == 0 ? 0 : a / n;
        }
        return new BodyScore(f1, prec, rec, acc, truth.Count, empty, missing, rows, Std(bf), Std(bp), Std(br), Std(ba));
    }

    /// <summary>Python <c>re.findall(r'\w+', text)</c>: maximal runs of word code points.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int i = 0, start = -1;
        while (i < text.Length)
        {
            int width = 1;
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            if (IsWordCodePoint(cp))
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += width;
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    /// <summary>Python's <c>\w</c> for str patterns: str.isalnum() (categories L* and N*) or '_'. Combining marks are not word characters.</summary>
    public static bool IsWordCodePoint(int codePoint)
    {
        if (codePoint < 0x80) return char.IsAsciiLetterOrDigit((char)codePoint) || codePoint == '_';
        if (codePoint is >= 0xD800 and <= 0xDFFF) return false; // a lone surrogate
        var cat = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>Token n-grams as a multiset; a text with fewer than n tokens gives one shorter shingle, an empty one none.</summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> tokens, int n = ShingleSize)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        int count = Math.Max(1, tokens.Count - n + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            for (int k = i; k < Math.Min(i + n, tokens.Count); k++)
            {
                // U+0001 cannot occur inside a token, so joined keys are unambiguous.
                if (k > i) sb.Append('\u0001');
                sb.Append(tokens[k]);
            }
            var key = sb.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static (double Tp, double Fp, double Fn) TpFpFn(IReadOnlyList<string> truthTokens, IReadOnlyList<string> predTokens)
    {
        var t = Shingles(truthTokens);
        var p = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (k, tc) in t)
        {
            int pc = p.GetValueOrDefault(k);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
            fp += Math.Max(0, pc - tc);
        }
        foreach (var (k, pc) in p)
            if (!t.ContainsKey(k)) fp += pc;
        double s = tp + fp + fn;
        return s > 0 ? (tp / s, fp / s, fn / s) : (tp, fp, fn);
    }

    private static double Precision((double Tp, double Fp, double Fn) x)
    {
        if (x.Fp == 0 && x.Fn == 0) return 1;
        if (x.Tp == 0 && x.Fp == 0) return 0;
        return x.Tp / (x.Tp + x.Fp);
    }

    private static double Recall((double Tp, double Fp, double Fn) x)
    {
        if (x.Fp == 0 && x.Fn == 0) return 1;
        if (x.Tp == 0 && x.Fn == 0) return 0;
        return x.Tp / (x.Tp + x.Fn);
    }

    private static (double F1, double Precision, double Recall) Metrics((double Tp, double Fp, double Fn)[] triples)
    {
        double ps = 0, rs = 0;
        int np = 0, nr = 0;
        foreach (var x in triples)
        {
            if (x.Tp + x.Fp > 0) { ps += Precision(x); np++; }
            if (x.Tp + x.Fn > 0) { rs += Recall(x); nr++; }
        }
        double p = np > 0 ? ps / np : 0, r = nr > 0 ? rs / nr : 0;
        return (p + r > 0 ? 2 * p * r / (p + r) : 0, p, r);
    }

    private static double Std(double[] values)
    {
        if (values.Length < 2) return 0;
        double mean = values.Average();
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>
    /// Reads texts as the Python script does: a folder of <c>{id}.txt</c> files, or a JSON object of
    /// <c>{id: "text"}</c> or <c>{id: {"articleBody": "text"}}</c>, optionally wrapped as <c>{"version": .., "output": {..}}</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LoadTexts(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(path))
        {
            foreach (var f in Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(f);
                result[name[..^4]] = File.ReadAllText(f, Encoding.UTF8);
            }
            return result;
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{path}: expected a JSON object of id to text.");
        if (IsWrapped(root)) root = root.GetProperty("output");
        foreach (var prop in root.EnumerateObject())
        {
            var v = prop.Value;
            if (v.ValueKind == JsonValueKind.Object)
                v = v.TryGetProperty("articleBody", out var body) ? body : default;
            result[prop.Name] = v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        }
        return result;
    }

    private static bool IsWrapped(JsonElement root)
    {
        int n = 0;
        bool version = false, output = false;
        foreach (var p in root.EnumerateObject())
        {
            n++;
            if (p.NameEquals("version")) version = true;
            else if (p.NameEquals("output")) output = p.Value.ValueKind == JsonValueKind.Object;
        }
        return n == 2 && version && output;
    }
}
