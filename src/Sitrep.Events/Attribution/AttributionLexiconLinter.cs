using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Events.Attribution;

public enum LexiconSeverity { Error, Warning }

/// <summary>A problem in a lexicon file, located at file:line (line 0: the file as a whole).</summary>
public sealed record LexiconDiagnostic(LexiconSeverity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == LexiconSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Stable lint codes of the attribution lexicon (documented in data/lexicons/attribution/FORMAT.md).</summary>
public static class AttributionLexiconCodes
{
    public const string Syntax = "ATT001";         // wrong number of columns, stray whitespace
    public const string UnknownKind = "ATT002";
    public const string Missing = "ATT003";        // empty entry, missing code on a wire line, missing file
    public const string BadValue = "ATT004";       // malformed entry or code
    public const string Duplicate = "ATT010";      // the same kind and entry twice
    public const string Conflict = "ATT011";       // one lemma in two kinds that contradict (report and deny, …)
    public const string ManifestMismatch = "ATT020"; // MANIFEST.json sha256 or entry count differs from the file
    public const string ManifestMissing = "ATT021";
}

/// <summary>
/// Checks the attribution lexicon folder: line syntax, kinds, entries, duplicates, contradicting kinds, wire
/// codes, and the sha256 and entry count recorded in MANIFEST.json. Errors fail the lint; warnings do not.
/// <c>sitrep patterns lint</c> calls <see cref="Lint"/>.
/// </summary>
public static partial class AttributionLexiconLinter
{
    public const string ManifestFile = "MANIFEST.json";

    /// <summary>Pairs of kinds that must not share a lemma: the analyzer could not tell which one the text means.</summary>
    private static readonly (CueKind A, CueKind B)[] Conflicts =
    [
        (CueKind.Report, CueKind.Deny), (CueKind.Allege, CueKind.Deny), (CueKind.Intend, CueKind.Request),
        (CueKind.Intend, CueKind.NegationVerb), (CueKind.Request, CueKind.Deny), (CueKind.AllegeNoun, CueKind.DenyNoun),
    ];

    public static ImmutableArray<LexiconDiagnostic> Lint(string directory) => Read(directory).Diagnostics;

    internal sealed record ReadResult(AttributionLexicon? Lexicon, ImmutableArray<LexiconDiagnostic> Diagnostics);

    internal static ReadResult Read(string directory)
    {
        var path = Path.Combine(directory, AttributionLexicon.FileName);
        if (!File.Exists(path))
        {
            var shown = Path.Combine("data", "lexicons", "attribution", AttributionLexicon.FileName);
            return new(null, [new(LexiconSeverity.Error, AttributionLexiconCodes.Missing, shown, 0, $"no {AttributionLexicon.FileName} in {directory}.")]);
        }
        var manifest = Path.Combine(directory, ManifestFile);
        return Read(File.ReadAllBytes(path), File.Exists(manifest) ? File.ReadAllBytes(manifest) : null, directory);
    }

    /// <summary>Reads and checks the lexicon from the bytes of <c>cues.tsv</c> and <c>MANIFEST.json</c> (null: missing).</summary>
    internal static ReadResult Read(byte[] cuesBytes, byte[]? manifestBytes, string origin)
    {
        var d = new List<LexiconDiagnostic>();
        var shown = Path.Combine("data", "lexicons", "attribution", AttributionLexicon.FileName);
        var cues = new List<(CueKind, string)>();
        var phrases = new List<string>();
        var wires = new List<WireAgency>();
        var seen = new Dictionary<(string, string), int>();
        var kindsOf = new Dictionary<string, (CueKind Kinds, int Line)>(StringComparer.OrdinalIgnoreCase);
        int lineNo = 0, entries = 0;
        using var reader = new StringReader(new System.Text.UTF8Encoding(false).GetString(cuesBytes).TrimStart('\uFEFF'));
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.Trim().Length == 0) { Err(d, shown, lineNo, AttributionLexiconCodes.Syntax, "a blank line must be empty."); continue; }
            var cols = line.Split('\t');
            if (cols.Length is < 2 or > 3) { Err(d, shown, lineNo, AttributionLexiconCodes.Syntax, $"expected 'kind<TAB>entry[<TAB>code]', found {cols.Length} column(s)."); continue; }
            if (cols.Any(c => c.Length != c.Trim().Length)) { Err(d, shown, lineNo, AttributionLexiconCodes.Syntax, "leading or trailing spaces in a column."); continue; }
            string kind = cols[0], entry = cols[1];
            if (entry.Length == 0) { Err(d, shown, lineNo, AttributionLexiconCodes.Missing, "empty entry."); continue; }
            if (!seen.TryAdd((kind, entry.ToLowerInvariant()), lineNo))
            {
                Err(d, shown, lineNo, AttributionLexiconCodes.Duplicate, $"'{kind} {entry}' already at line {seen[(kind, entry.ToLowerInvariant())]}.");
                continue;
            }
            entries++;
            if (kind == "wire")
            {
                if (cols.Length != 3 || cols[2].Length == 0) { Err(d, shown, lineNo, AttributionLexiconCodes.Missing, $"wire '{entry}' needs a CAMEO code in the third column."); continue; }
                if (!CameoMediaCode().IsMatch(cols[2])) { Err(d, shown, lineNo, AttributionLexiconCodes.BadValue, $"wire code '{cols[2]}' must be a country code and a role, e.g. USAMED."); continue; }
                if (!WireName().IsMatch(entry)) { Err(d, shown, lineNo, AttributionLexiconCodes.BadValue, $"wire name '{entry}' has characters a name does not."); continue; }
                wires.Add(new WireAgency(entry, cols[2]));
                continue;
            }
            if (cols.Length == 3) { Err(d, shown, lineNo, AttributionLexiconCodes.Syntax, $"only wire lines take a code; '{kind}' does not."); continue; }
            if (kind == "source-phrase")
            {
                if (!Phrase().IsMatch(entry)) { Err(d, shown, lineNo, AttributionLexiconCodes.BadValue, $"source phrase '{entry}' must be lowercase words separated by single spaces."); continue; }
                phrases.Add(entry);
                continue;
            }
            if (!AttributionLexicon.KindNames.TryGetValue(kind, out var flag))
            {
                Err(d, shown, lineNo, AttributionLexiconCodes.UnknownKind, $"unknown kind '{kind}' (known: {string.Join(", ", AttributionLexicon.KindNames.Keys.Order(StringComparer.Ordinal))}, source-phrase, wire).");
                continue;
            }
            if (!Lemma().IsMatch(entry)) { Err(d, shown, lineNo, AttributionLexiconCodes.BadValue, $"'{entry}' must be one lowercase word (a lemma)."); continue; }
            cues.Add((flag, entry));
            var prev = kindsOf.GetValueOrDefault(entry);
            foreach (var (a, b) in Conflicts)
                if ((prev.Kinds.HasFlag(a) && flag == b) || (prev.Kinds.HasFlag(b) && flag == a))
                    Err(d, shown, lineNo, AttributionLexiconCodes.Conflict, $"'{entry}' is both {Name(a)} and {Name(b)} (line {prev.Line}); the analyzer could not tell them apart.");
            kindsOf[entry] = (prev.Kinds | flag, prev.Line == 0 ? lineNo : prev.Line);
        }
        foreach (var must in new[] { CueKind.Report, CueKind.Deny, CueKind.Allege, CueKind.Intend, CueKind.Request, CueKind.HypotheticalAux, CueKind.Negation })
            if (!cues.Any(c => c.Item1 == must)) Err(d, shown, 0, AttributionLexiconCodes.Missing, $"no '{Name(must)}' entries; the analyzer needs at least one.");
        if (phrases.Count == 0) Err(d, shown, 0, AttributionLexiconCodes.Missing, "no 'source-phrase' entries (\"according to\").");

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(cuesBytes));
        CheckManifest(manifestBytes, sha, entries, d);
        var lexicon = new AttributionLexicon(cues, phrases, wires, $"attribution@sha256:{sha}");
        return new(lexicon, [.. d.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Code, StringComparer.Ordinal)]);
    }

    private static void CheckManifest(byte[]? manifest, string sha, int entries, List<LexiconDiagnostic> d)
    {
        var shown = Path.Combine("data", "lexicons", "attribution", ManifestFile);
        if (manifest is null) { Err(d, shown, 0, AttributionLexiconCodes.ManifestMissing, $"no {ManifestFile}; it records the sha256 of {AttributionLexicon.FileName}."); return; }
        try
        {
            using var json = JsonDocument.Parse(manifest);
            var file = json.RootElement.GetProperty("files").EnumerateArray()
                .FirstOrDefault(f => f.GetProperty("file").GetString() == AttributionLexicon.FileName);
            if (file.ValueKind != JsonValueKind.Object) { Err(d, shown, 0, AttributionLexiconCodes.ManifestMissing, $"{AttributionLexicon.FileName} is not listed."); return; }
            var listed = file.GetProperty("sha256").GetString();
            if (!string.Equals(listed, sha, StringComparison.Ordinal))
                Err(d, shown, 0, AttributionLexiconCodes.ManifestMismatch, $"sha256 of {AttributionLexicon.FileName} is {sha}, the manifest says {listed}: update the manifest (and its version) with the file.");
            if (file.TryGetProperty("entries", out var n) && n.GetInt32() != entries)
                Err(d, shown, 0, AttributionLexiconCodes.ManifestMismatch, $"{AttributionLexicon.FileName} has {entries} entries, the manifest says {n.GetInt32()}.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            Err(d, shown, 0, AttributionLexiconCodes.Syntax, $"not a valid manifest: {e.Message}");
        }
    }

    private static string Name(CueKind k) => AttributionLexicon.KindNames.First(p => p.Value == k).Key;

    private static void Err(List<LexiconDiagnostic> d, string file, int line, string code, string msg) =>
        d.Add(new(LexiconSeverity.Error, code, file, line, msg));

    [GeneratedRegex("^[a-z][a-z'é-]*$")]
    private static partial Regex Lemma();

    [GeneratedRegex("^[a-z]+( [a-z]+)+$")]
    private static partial Regex Phrase();

    [GeneratedRegex("^[A-Z]{3}[A-Z]{3}$")]
    private static partial Regex CameoMediaCode();

    [GeneratedRegex("^[A-Za-z][A-Za-z .'-]*[A-Za-z]$")]
    private static partial Regex WireName();
}
