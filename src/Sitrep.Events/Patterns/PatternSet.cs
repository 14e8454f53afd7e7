using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Events.Codebook;

namespace Sitrep.Events.Patterns;

/// <summary>
/// The event lexicon folder (<c>data/lexicons/events</c>): the CAMEO codebook, the pattern files under
/// <c>patterns/</c> and the MANIFEST with each file's sha256. Patterns are indexed by trigger lemma.
/// </summary>
public sealed class PatternSet
{
    public const string DefaultRelative = "data/lexicons/events";
    public const string ManifestName = "MANIFEST.json";
    public const string PatternFolder = "patterns";

    private readonly FrozenDictionary<string, ImmutableArray<EventPattern>> _verbs;
    private readonly FrozenDictionary<string, ImmutableArray<EventPattern>> _nouns;

    private PatternSet(string directory, CameoCodebook codebook, ImmutableArray<EventPattern> patterns,
        ImmutableArray<PatternDiagnostic> diagnostics, string version, string sha256, ImmutableArray<(string Path, string Sha256)> files)
    {
        Directory = directory;
        Codebook = codebook;
        Patterns = patterns;
        Diagnostics = diagnostics;
        Version = version;
        Sha256 = sha256;
        Files = files;
        _verbs = Index(patterns.Where(p => p.Kind == TriggerKind.Verb));
        _nouns = Index(patterns.Where(p => p.Kind == TriggerKind.Noun));
    }

    public string Directory { get; }
    public CameoCodebook Codebook { get; }
    public ImmutableArray<EventPattern> Patterns { get; }
    /// <summary>Problems found while reading (format errors); <see cref="PatternLinter"/> adds the semantic checks.</summary>
    public ImmutableArray<PatternDiagnostic> Diagnostics { get; }
    /// <summary>The lexicon version from the MANIFEST.</summary>
    public string Version { get; }
    /// <summary>sha256 over every file's path and sha256, in path order: changes when any file changes.</summary>
    public string Sha256 { get; }
    public ImmutableArray<(string Path, string Sha256)> Files { get; }

    /// <summary>What <c>sitrep.models.events</c> records: name, version and content hash.</summary>
    public string ModelString => $"sitrep-event-patterns-{Version}@sha256:{Sha256}";

    /// <summary>The word set whose words mark a sentence as sports coverage (see FORMAT.md).</summary>
    public const string SportsSet = "SPORTS";

    /// <summary>Words of <c>&amp;SPORTS</c>: a sentence with one of them codes no event ("batters helped India rout Sri Lanka").</summary>
    public FrozenSet<string> SportsWords { get; private init; } = FrozenSet<string>.Empty;

    public ImmutableArray<EventPattern> VerbPatterns(string lemma) => _verbs.TryGetValue(lemma, out var v) ? v : [];
    public ImmutableArray<EventPattern> NounPatterns(string lemma) => _nouns.TryGetValue(lemma, out var v) ? v : [];

    /// <summary>The shipped lexicon beside the program (see <see cref="SitrepData"/>).</summary>
    public static PatternSet LoadDefault() => LoadChecked(Path.GetDirectoryName(SitrepData.File("lexicons", "events", CameoCodebook.FileName))!);

    /// <summary>
    /// Loads a lexicon to code with: a line in error would otherwise be skipped without a word (a pattern with a bad
    /// path codes nothing), so errors stop the load with the first one named (<c>sitrep patterns lint</c> lists them all).
    /// </summary>
    public static PatternSet LoadChecked(string directory)
    {
        var set = Load(directory);
        var errors = set.Diagnostics.Where(d => d.Severity == PatternSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidDataException($"The event patterns at {directory} have {errors.Count} error(s); first: {errors[0]} (run `sitrep patterns lint`)");
        return set;
    }

    /// <summary>Finds the lexicon folder: the given one, else data/lexicons/events from the current folder upwards, else the shipped one.</summary>
    public static string? Find(string? given)
    {
        if (given is not null) return System.IO.Directory.Exists(given) ? Path.GetFullPath(given) : null;
        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultRelative);
            if (File.Exists(Path.Combine(candidate, CameoCodebook.FileName))) return candidate;
        }
        var shipped = Path.Combine(SitrepData.Root, "lexicons", "events");
        return File.Exists(Path.Combine(shipped, CameoCodebook.FileName)) ? shipped : null;
    }

    public static PatternSet Load(string directory)
    {
        var codebookPath = Path.Combine(directory, CameoCodebook.FileName);
        var codebook = CameoCodebook.Load(codebookPath);
        var patternDir = Path.Combine(directory, PatternFolder);
        var patternFiles = System.IO.Directory.Exists(patternDir)
            ? System.IO.Directory.GetFiles(patternDir, "*.txt").Order(StringComparer.Ordinal).ToArray()
            : [];
        var (patterns, diags, sets) = PatternParser.ParseWithSets(patternFiles.Select(f => (Relative(directory, f), File.ReadAllLines(f))));
        var files = new List<(string, string)> { (CameoCodebook.FileName, FileSha256(codebookPath)) };
        files.AddRange(patternFiles.Select(f => (Relative(directory, f), FileSha256(f))));
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        var combined = new StringBuilder();
        foreach (var (p, h) in files) combined.Append(p).Append('\n').Append(h).Append('\n');
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(combined.ToString())));
        var version = ReadManifestVersion(Path.Combine(directory, ManifestName)) ?? "0";
        return new PatternSet(directory, codebook, patterns, diags, version, sha, [.. files])
        {
            SportsWords = sets.TryGetValue(SportsSet, out var sports) ? sports : FrozenSet<string>.Empty,
        };
    }

    internal static string? ReadManifestVersion(string path)
    {
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    internal static string FileSha256(string path) => Sitrep.Core.DataFileHash.Sha256(path);

    private static FrozenDictionary<string, ImmutableArray<EventPattern>> Index(IEnumerable<EventPattern> patterns) =>
        patterns.GroupBy(p => p.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
}
