using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest.Evaluation;

/// <summary>One page of a publication-date truth manifest (<c>{url: {"file": "page.html", "date": "YYYY-MM-DD"}}</c>).</summary>
/// <param name="Date">The reference date as written, or null when it is missing, null or not a string (NaN).</param>
/// <param name="DateIsNull">True when the reference is missing or JSON null; false for NaN, which counts differently.</param>
public sealed record DateTruthEntry(string Url, string File, string? Date, bool DateIsNull);

/// <summary>A mismatch, as the python scorer writes it to its <c>--errors</c> file.</summary>
public sealed record DateScoreError(string Url, string Reference, string Predicted);

/// <summary>Counts and measures of a publication-date evaluation.</summary>
public sealed record DateScore(int Pages, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double Accuracy
    {
        get
        {
            int all = TruePositives + TrueNegatives + FalsePositives + FalseNegatives;
            return Pages == 0 || all == 0 ? 0 : (double)(TruePositives + TrueNegatives) / all;
        }
    }

    public double F
    {
        get
        {
            int d = 2 * TruePositives + FalsePositives + FalseNegatives;
            return TruePositives + FalsePositives + FalseNegatives == 0 ? 0 : 2.0 * TruePositives / d;
        }
    }

    /// <summary>The summary line exactly as <c>score_dates.py</c> prints it.</summary>
    public string Format(string name = "")
    {
        var label = name.Length == 0 ? "dates" : name;
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-22} pages={Pages} tp={TruePositives} fp={FalsePositives} fn={FalseNegatives}  precision={Precision:F3} recall={Recall:F3} accuracy={Accuracy:F3} F={F:F3}");
    }
}

/// <summary>
/// C# port of <c>shared/tools/extraction/score_dates.py</c> (itself replicating htmldate's evaluation): per page,
/// no prediction = fn (plus tn when the reference is also missing), prediction equal to the reference (day
/// precision, first 10 characters of the prediction) = tp, anything else = fp.
/// </summary>
public static class PublicationDateScorer
{
    public static IReadOnlyList<DateTruthEntry> LoadTruth(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        // Later manifests replace earlier entries with the same URL but keep the first position, like dict.update.
        var order = new List<string>();
        var byUrl = new Dictionary<string, DateTruthEntry>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var e in ParseTruth(File.ReadAllText(path, Encoding.UTF8)))
            {
                if (!byUrl.ContainsKey(e.Url)) order.Add(e.Url);
                byUrl[e.Url] = e;
            }
        }
        return order.Select(u => byUrl[u]).ToList();
    }

    public static IReadOnlyList<DateTruthEntry> ParseTruth(string json)
    {
        using var doc = JsonDocument.Parse(ReplaceNonFiniteNumbers(json));
        var list = new List<DateTruthEntry>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var file = p.Value.GetProperty("file").GetString() ?? throw new FormatException($"Truth entry '{p.Name}' has no file.");
            string? date = null;
            bool isNull = true;
            if (p.Value.TryGetProperty("date", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                isNull = false; // NaN or a non-string is "not None" to the python scorer: it never matches, yet is no tn
                date = d.ValueKind == JsonValueKind.String && d.GetString() != NaNMarker ? d.GetString() : null;
            }
            list.Add(new DateTruthEntry(p.Name, file, date, isNull));
        }
        return list;
    }

    /// <summary>Predictions keyed by file stem or URL, values normalised to <c>YYYY-MM-DD</c> (or null).</summary>
    public static IReadOnlyDictionary<string, string?> LoadPredictions(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in paths)
            foreach (var kv in ParsePredictions(File.ReadAllText(path, Encoding.UTF8)))
                all[kv.Key] = kv.Value;
        return all;
    }

    public static IReadOnlyDictionary<string, string?> ParsePredictions(string json)
    {
        using var doc = JsonDocument.Parse(ReplaceNonFiniteNumbers(json));
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject()) result[p.Name] = NormalizeDate(p.Value);
        return result;
    }

    /// <summary>What <c>norm_date</c> makes of a prediction: <c>publicationDate</c> or <c>date</c> of an object, first 10 characters, null for null/NaN/empty.</summary>
    public static string? NormalizeDate(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Object)
        {
            JsonElement chosen = default;
            bool found = v.TryGetProperty("publicationDate", out var pd) && IsTruthy(pd);
            if (found) chosen = pd;
            else if (v.TryGetProperty("date", out var dd)) { chosen = dd; found = true; }
            if (!found) return null;
            v = chosen;
        }
        string s;
        switch (v.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                s = v.GetString()!;
                if (s == NaNMarker) return null;
                break;
            case JsonValueKind.True: s = "True"; break;
            case JsonValueKind.False: s = "False"; break;
            default: s = v.GetRawText(); break;
        }
        s = s.Trim();
        if (s.Length == 0) return null;
        return s.Length > 10 ? s[..10] : s;
    }

    private static bool IsTruthy(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.String => e.GetString()!.Length > 0,
        JsonValueKind.Number => e.GetDouble() != 0,
        JsonValueKind.Array => e.GetArrayLength() > 0,
        JsonValueKind.Object => e.EnumerateObject().Any(),
        _ => true,
    };

    public static DateScore Score(IReadOnlyList<DateTruthEntry> truth, IReadOnlyDictionary<string, string?> predictions, List<DateScoreError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var item in truth)
        {
            var stem = SplitExtension(item.File);
            string? p = predictions.TryGetValue(stem, out var byStem) ? byStem : predictions.TryGetValue(item.Url, out var byUrl) ? byUrl : null;
            string refText = item.Date ?? (item.DateIsNull ? "None" : "nan");
            if (p is null)
            {
                if (item.DateIsNull) tn++;
                fn++;
                errors?.Add(new DateScoreError(item.Url, refText, "None"));
            }
            else if (item.Date is not null && string.Equals(p, item.Date, StringComparison.Ordinal))
            {
                tp++;
            }
            else
            {
                fp++;
                errors?.Add(new DateScoreError(item.Url, refText, p));
            }
        }
        return new DateScore(truth.Count, tp, fp, fn, tn);
    }

    /// <summary>Python's <c>os.path.splitext(name)[0]</c>: drops the last extension, not a leading dot.</summary>
    public static string SplitExtension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int slash = name.LastIndexOf('/');
        int baseStart = slash + 1;
        int dot = name.LastIndexOf('.');
        if (dot <= baseStart) return name;
        // A base name made of dots up to this one (".bashrc", "..x") has no extension.
        for (int i = baseStart; i < dot; i++)
            if (name[i] != '.') return name[..dot];
        return name;
    }

    // Python's json accepts NaN and Infinity; System.Text.Json does not. Outside strings they become a marker string.
    private const string NaNMarker = "\u0000NaN";

    private static string ReplaceNonFiniteNumbers(string json)
    {
        if (!json.Contains("NaN", StringComparison.Ordinal) && !json.Contains("Infinity", StringComparison.Ordinal)) return json;
        var sb = new StringBuilder(json.Length);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < json.Length) sb.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"')
            {
                inString = true;
                sb.Append(c);
                continue;
            }
            string? token = null;
            foreach (var t in (ReadOnlySpan<string>)["-Infinity", "Infinity", "NaN"])
            {
                if (string.CompareOrdinal(json, i, t, 0, t.Length) == 0)
                {
                    token = t;
                    break;
                }
            }
            if (token is null)
            {
                sb.Append(c);
                continue;
            }
            sb.Append("\"\\u0000NaN\"");
            i += token.Length - 1;
        }
        return sb.ToString();
    }
}
