using System.Collections.Immutable;
using System.Text.Json;

namespace Sitrep.Events.Patterns;

/// <summary>
/// Checks the event lexicon: format errors (EP001, EP005, EP006), unknown CAMEO codes (EP002), codes of the
/// codebook without a pattern (EP003; root rows excepted, their X0 code carries the patterns), duplicate pattern
/// ids (EP004), the same trigger and conditions coded twice (EP007, warning) and MANIFEST hashes (EP008).
/// </summary>
public static class PatternLinter
{
    public static ImmutableArray<PatternDiagnostic> Lint(string directory)
    {
        PatternSet set;
        try { set = PatternSet.Load(directory); }
        catch (Exception e) when (e is IOException or FormatException or JsonException or UnauthorizedAccessException)
        {
            return [new PatternDiagnostic(PatternSeverity.Error, "EP001", directory, 0, e.Message)];
        }
        return Lint(set);
    }

    public static ImmutableArray<PatternDiagnostic> Lint(PatternSet set)
    {
        var diags = new List<PatternDiagnostic>(set.Diagnostics);
        var ids = new Dictionary<string, EventPattern>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, EventPattern>(StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in set.Patterns)
        {
            if (!ids.TryAdd(p.Id, p))
                diags.Add(new(PatternSeverity.Error, "EP004", p.File, p.Line, $"pattern id '{p.Id}' is used twice (first at {ids[p.Id].File}:{ids[p.Id].Line})"));
            if (!set.Codebook.TryGet(p.Code, out var code))
                diags.Add(new(PatternSeverity.Error, "EP002", p.File, p.Line, $"CAMEO code {p.Code} is not in the codebook"));
            else
            {
                covered.Add(p.Code);
                if (code.Level == 1)
                    diags.Add(new(PatternSeverity.Warning, "EP009", p.File, p.Line, $"pattern codes the root {p.Code}; use {p.Code}0 for 'not specified below'"));
            }
            var shape = $"{p.Kind}|{p.Lemma}|{p.Particle}|{string.Join(" ", p.Conditions.Select(c => c.Text).Order(StringComparer.Ordinal))}";
            if (!shapes.TryAdd(shape, p))
                diags.Add(new(PatternSeverity.Warning, "EP007", p.File, p.Line,
                    $"same trigger and conditions as {shapes[shape].Rule} ({shapes[shape].File}:{shapes[shape].Line}); the earlier one wins"));
        }
        foreach (var c in set.Codebook.Codes)
            if (c.Level > 1 && !covered.Contains(c.Code))
                diags.Add(new(PatternSeverity.Error, "EP003", CodebookFile, 0, $"CAMEO code {c.Code} ({c.Name}) has no pattern"));
        diags.AddRange(CheckManifest(set));
        return [.. diags.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Code, StringComparer.Ordinal)];
    }

    private const string CodebookFile = Codebook.CameoCodebook.FileName;

    private static IEnumerable<PatternDiagnostic> CheckManifest(PatternSet set)
    {
        var path = Path.Combine(set.Directory, PatternSet.ManifestName);
        if (!File.Exists(path))
        {
            yield return new(PatternSeverity.Error, "EP008", PatternSet.ManifestName, 0, "MANIFEST.json is missing (sitrep patterns lint --write-manifest)");
            yield break;
        }
        Dictionary<string, string> listed;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            listed = doc.RootElement.GetProperty("files").EnumerateArray()
                .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            listed = [];
        }
        foreach (var (file, sha) in set.Files)
        {
            if (!listed.TryGetValue(file, out var want))
                yield return new(PatternSeverity.Error, "EP008", PatternSet.ManifestName, 0, $"{file} is not listed (sitrep patterns lint --write-manifest)");
            else if (!string.Equals(want, sha, StringComparison.Ordinal))
                yield return new(PatternSeverity.Error, "EP008", PatternSet.ManifestName, 0, $"{file}: sha256 {sha} does not match the MANIFEST (sitrep patterns lint --write-manifest)");
        }
        foreach (var file in listed.Keys.Where(k => !set.Files.Any(f => f.Path == k)).Order(StringComparer.Ordinal))
            yield return new(PatternSeverity.Error, "EP008", PatternSet.ManifestName, 0, $"{file} is listed but missing");
    }

    /// <summary>Rewrites MANIFEST.json with the current files' sha256, keeping its name, version and description.</summary>
    public static void WriteManifest(string directory)
    {
        var set = PatternSet.Load(directory);
        var path = Path.Combine(directory, PatternSet.ManifestName);
        string version = "1", description = "Sitrep's CAMEO codebook and event patterns (see FORMAT.md).";
        if (File.Exists(path))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.TryGetProperty("version", out var v) && v.GetString() is { } vs) version = vs;
            if (doc.RootElement.TryGetProperty("description", out var d) && d.GetString() is { } ds) description = ds;
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", "sitrep-event-patterns");
            w.WriteString("version", version);
            w.WriteString("description", description);
            w.WriteNumber("patterns", set.Patterns.Length);
            w.WriteNumber("codes", set.Codebook.Codes.Length);
            w.WriteStartArray("files");
            foreach (var (file, sha) in set.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", file);
                w.WriteString("sha256", sha);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        File.WriteAllText(path, System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }
}
