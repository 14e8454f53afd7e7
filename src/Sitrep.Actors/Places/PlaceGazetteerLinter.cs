using System.Security.Cryptography;
using System.Text.Json;
using Sitrep.Actors.Kb;

namespace Sitrep.Actors.Places;

/// <summary>
/// Checks the place data (data/places) against its FORMAT.md: every entry has an id, a name, a known kind and
/// coordinates in range; every country code is a country of the knowledge base; city aliases point at cities
/// that exist; MANIFEST.json lists every file with its source, licence and the sha256 it has. CI runs it
/// as <c>sitrep places lint</c>; errors exit 1.
/// </summary>
public static class PlaceGazetteerLinter
{
    /// <summary>Lints <paramref name="directory"/> against the KB in <paramref name="kbDirectory"/>.</summary>
    public static IReadOnlyList<PlaceDiagnostic> Lint(string directory, string kbDirectory)
    {
        KnowledgeBase kb;
        try
        {
            kb = KnowledgeBase.Load(kbDirectory);
        }
        catch (KbException e)
        {
            return [new(PlaceSeverity.Error, PlaceCodes.UnknownCountry, kbDirectory, 0, $"the knowledge base does not load, so country codes cannot be checked: {e.Message}")];
        }
        return Lint(directory, kb);
    }

    public static IReadOnlyList<PlaceDiagnostic> Lint(string directory, KnowledgeBase kb)
    {
        var diags = new List<PlaceDiagnostic>();
        var g = PlaceGazetteer.Load(directory, kb);
        diags.AddRange(g.Diagnostics);

        // What the loader takes on trust: every entry it kept, checked once more as a whole.
        foreach (var e in g.Entries)
        {
            if (e.Kind == PlaceKinds.Blocker) continue;
            var file = e.Source.File ?? "kb";
            if (string.IsNullOrWhiteSpace(e.Name)) diags.Add(new(PlaceSeverity.Error, PlaceCodes.Missing, file, e.Source.Line, $"{e.Id} has no name"));
            if (!PlaceKinds.All.Contains(e.Kind)) diags.Add(new(PlaceSeverity.Error, PlaceCodes.BadKind, file, e.Source.Line, $"{e.Id} has kind '{e.Kind}'"));
            if (!PlaceKinds.IsCountry(e.Kind) && (e.Lat is null || e.Lon is null))
                diags.Add(new(PlaceSeverity.Error, PlaceCodes.BadCoordinate, file, e.Source.Line, $"{e.Id} has no coordinates"));
            if (e.Lat is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90) || e.Lon is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
                diags.Add(new(PlaceSeverity.Error, PlaceCodes.BadCoordinate, file, e.Source.Line, $"{e.Id} has coordinates out of range"));
            foreach (var c in e.Countries.Concat(e.Context))
                if (kb.Country(c) is null) diags.Add(new(PlaceSeverity.Error, PlaceCodes.UnknownCountry, file, e.Source.Line, $"{e.Id}: unknown country '{c}'"));
            if (e.Kind == PlaceKinds.City && e.Countries.Length != 1)
                diags.Add(new(PlaceSeverity.Error, PlaceCodes.UnknownCountry, file, e.Source.Line, $"{e.Id}: a city has exactly one country"));
        }

        CheckManifest(directory, diags);
        return [.. diags.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)];
    }

    private static void CheckManifest(string directory, List<PlaceDiagnostic> diags)
    {
        const string m = PlaceGazetteer.ManifestFile;
        var path = Path.Combine(directory, m);
        if (!File.Exists(path)) { diags.Add(new(PlaceSeverity.Error, PlaceCodes.Manifest, m, 0, "MANIFEST.json is missing")); return; }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            diags.Add(new(PlaceSeverity.Error, PlaceCodes.Manifest, m, 0, $"not valid JSON: {e.Message}"));
            return;
        }
        using (json)
        {
            var listed = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (json.RootElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
                foreach (var f in files.EnumerateArray())
                    if (f.TryGetProperty("file", out var name) && name.GetString() is { } n) listed[n] = f;
            foreach (var file in new[] { PlaceGazetteer.CitiesFile, PlaceGazetteer.CountriesFile, PlaceGazetteer.CityAliasesFile, PlaceGazetteer.RegionsFile })
            {
                if (!listed.TryGetValue(file, out var f)) { diags.Add(new(PlaceSeverity.Error, PlaceCodes.Manifest, m, 0, $"{file} is not listed")); continue; }
                foreach (var field in new[] { "source", "licence", "sha256" })
                    if (!f.TryGetProperty(field, out var v) || string.IsNullOrWhiteSpace(v.GetString()))
                        diags.Add(new(PlaceSeverity.Error, PlaceCodes.Manifest, m, 0, $"{file} has no {field}"));
                var filePath = Path.Combine(directory, file);
                if (!File.Exists(filePath) || !f.TryGetProperty("sha256", out var sha)) continue;
                var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(filePath)));
                if (!string.Equals(actual, sha.GetString(), StringComparison.Ordinal))
                    diags.Add(new(PlaceSeverity.Error, PlaceCodes.Manifest, m, 0,
                        $"{file}: sha256 is {actual}, the manifest says {sha.GetString()} (after a hand edit run `node tools/places/generate-places.mjs --manifest-only`)"));
            }
        }
    }
}
