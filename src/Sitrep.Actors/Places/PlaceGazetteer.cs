using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Core;

namespace Sitrep.Actors.Places;

/// <summary>A name hit: the entry and, for an acronym ("US", "DPRK"), the exact form the text must have.</summary>
public readonly record struct PlaceCandidate(int Entry, string? Exact);

public enum PlaceSeverity { Error, Warning }

/// <summary>A problem in the place data, at file:line.</summary>
public sealed record PlaceDiagnostic(PlaceSeverity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {(Severity == PlaceSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Stable lint codes (documented in data/places/FORMAT.md).</summary>
public static class PlaceCodes
{
    public const string Syntax = "PL001";          // wrong number of columns, unreadable number
    public const string Missing = "PL002";         // a required field is empty
    public const string BadKind = "PL003";
    public const string BadCoordinate = "PL004";   // latitude outside [-90, 90] or longitude outside [-180, 180]
    public const string UnknownCountry = "PL005";  // not a country of the knowledge base
    public const string DuplicateId = "PL006";
    public const string UnknownCity = "PL007";     // an alias for a geonameid cities.tsv lacks
    public const string BadFlag = "PL008";
    public const string Manifest = "PL009";        // a file missing from MANIFEST.json, without licence/source, or with a wrong sha256
    public const string NoPoint = "PL010";         // warning: a country without coordinates
    public const string DuplicateName = "PL011";   // warning: two hand entries with one name
}

/// <summary>
/// The place gazetteer: countries and territories from the knowledge base (points from their capitals), GeoNames
/// cities (data/places/cities.tsv, with hand aliases) and the hand-written regions and waters, indexed by folded
/// name. Immutable and thread-safe; <see cref="Default"/> loads the shipped data once.
/// </summary>
public sealed class PlaceGazetteer
{
    public const string CitiesFile = "cities.tsv";
    public const string CountriesFile = "countries.tsv";
    public const string CityAliasesFile = "city-aliases.tsv";
    public const string RegionsFile = "regions.tsv";
    public const string ManifestFile = "MANIFEST.json";

    private static readonly Lazy<PlaceGazetteer> Shared = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, PlaceCandidate[]> _index;
    private readonly FrozenDictionary<string, PlaceCandidate[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _personTokens;
    private readonly FrozenDictionary<string, int> _byId;

    private PlaceGazetteer(ImmutableArray<PlaceEntry> entries, Dictionary<string, List<PlaceCandidate>> index,
        FrozenSet<string> personTokens, ImmutableArray<PlaceDiagnostic> diagnostics, string version)
    {
        Entries = entries;
        _index = index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _personTokens = personTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Length; i++) byId.TryAdd(entries[i].Id, i);
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        Diagnostics = diagnostics;
        Version = version;
        MaxKeyLength = _index.Keys.Max(k => k.Length);
    }

    /// <summary>The shipped gazetteer (data/places and data/kb), loaded on first use.</summary>
    public static PlaceGazetteer Default => Shared.Value;

    /// <summary>How long loading <see cref="Default"/> took (zero before it loads).</summary>
    public static TimeSpan DefaultLoadTime { get; private set; }

    public ImmutableArray<PlaceEntry> Entries { get; }
    public ImmutableArray<PlaceDiagnostic> Diagnostics { get; }
    /// <summary>"places@sha256:…" over the data files, for the record's models.</summary>
    public string Version { get; }
    public int MaxKeyLength { get; }
    public int KeyCount => _index.Count;

    public PlaceEntry? Get(string id) => _byId.TryGetValue(id, out var i) ? Entries[i] : null;

    /// <summary>Entries whose name or alias folds to <paramref name="key"/> (already folded); empty when none.</summary>
    public ReadOnlySpan<PlaceCandidate> Lookup(ReadOnlySpan<char> key) =>
        _lookup.TryGetValue(key, out var c) ? c : ReadOnlySpan<PlaceCandidate>.Empty;

    /// <summary>Entries for a name as written (folded here).</summary>
    public IReadOnlyList<PlaceEntry> Find(string name) =>
        [.. Lookup(PlaceKeys.Key(name)).ToArray().Select(c => Entries[c.Entry]).Where(e => e.Kind != PlaceKinds.Blocker)];

    /// <summary>True when the folded single word is a name or surname of a person in the knowledge base ("kirby").</summary>
    public bool IsPersonName(ReadOnlySpan<char> foldedWord) => _personTokens.Contains(foldedWord);

    private static PlaceGazetteer LoadDefault()
    {
        var sw = Stopwatch.StartNew();
        // The same KB as the rest of the pipeline: the shipped data folder's, else data/kb found upwards.
        var shipped = Path.Combine(SitrepData.Root, "kb");
        var kbDir = Directory.Exists(shipped) ? shipped : KbPaths.Find() ?? shipped;
        var g = Load(Path.Combine(SitrepData.Root, "places"), KnowledgeBase.Load(kbDir));
        DefaultLoadTime = sw.Elapsed;
        return g;
    }

    /// <summary>Loads the data folder; problems are in <see cref="Diagnostics"/> (bad rows are skipped, never thrown).</summary>
    public static PlaceGazetteer Load(string directory, KnowledgeBase kb)
    {
        var diags = new List<PlaceDiagnostic>();
        var entries = new List<PlaceEntry>();
        var aliasesOf = new Dictionary<int, List<(string Text, bool Exact)>>();

        void Add(PlaceEntry e, IEnumerable<(string, bool)> names)
        {
            aliasesOf[entries.Count] = [.. names];
            entries.Add(e);
        }

        // Capital points of countries.
        var points = new Dictionary<string, (double Lat, double Lon, string Capital)>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(directory, CountriesFile, 5, diags))
        {
            if (!TryCoord(f[3], f[4], out var lat, out var lon)) { Bad(diags, CountriesFile, line, PlaceCodes.BadCoordinate, $"bad coordinates '{f[3]}', '{f[4]}'"); continue; }
            points[f[0]] = (lat, lon, f[2]);
        }

        // Cities.
        var cityIndex = new Dictionary<long, int>();
        var capitalsByCountry = new HashSet<(string Country, string Key)>();
        var citiesByCountry = new HashSet<(string Country, string Key)>();
        foreach (var (line, f) in Rows(directory, CitiesFile, 10, diags))
        {
            if (!long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
                || !long.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out var pop))
            { Bad(diags, CitiesFile, line, PlaceCodes.Syntax, "geonameid and population must be whole numbers"); continue; }
            if (!TryCoord(f[8], f[9], out var lat, out var lon)) { Bad(diags, CitiesFile, line, PlaceCodes.BadCoordinate, $"bad coordinates '{f[8]}', '{f[9]}'"); continue; }
            if (f[1].Length == 0) { Bad(diags, CitiesFile, line, PlaceCodes.Missing, "empty name"); continue; }
            if (kb.Country(f[4]) is null) Bad(diags, CitiesFile, line, PlaceCodes.UnknownCountry, $"unknown country '{f[4]}'");
            cityIndex[gid] = entries.Count;
            var e = new PlaceEntry
            {
                Id = "gn:" + f[0], Name = f[1], Kind = PlaceKinds.City, Countries = [f[4]], Lat = lat, Lon = lon, Population = pop,
                Admin1 = f[5].Length > 0 ? f[5] : null, Feature = f[6], Source = new(CitiesFile, line),
            };
            if (e.IsCapital) capitalsByCountry.Add((f[4], PlaceKeys.Key(f[1])));
            citiesByCountry.Add((f[4], PlaceKeys.Key(f[1])));
            Add(e, new[] { f[1], f[2], f[3] }.Where(n => n.Length > 0).Select(n => (n, false)));
        }

        foreach (var (line, f) in Rows(directory, CityAliasesFile, 3, diags))
        {
            if (!long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var gid) || !cityIndex.TryGetValue(gid, out var idx))
            { Bad(diags, CityAliasesFile, line, PlaceCodes.UnknownCity, $"geonameid '{f[0]}' is not in {CitiesFile}"); continue; }
            if (f[1].Length == 0) { Bad(diags, CityAliasesFile, line, PlaceCodes.Missing, "empty alias"); continue; }
            aliasesOf[idx].Add((f[1], false));
            citiesByCountry.Add((entries[idx].Countries[0], PlaceKeys.Key(f[1])));
        }

        // Countries and territories from the knowledge base: names, short forms and former names (not demonyms,
        // capitals or seats, which are other layers' business). A KB "name" that is the country's own capital city
        // (a data slip such as "Bogota") stays a city.
        foreach (var c in kb.Countries)
        {
            var kind = c.Kind == KbEntityKind.Territory ? PlaceKinds.Territory : PlaceKinds.Country;
            points.TryGetValue(c.Id, out var p);
            var hasPoint = points.ContainsKey(c.Id);
            if (!hasPoint && c.Kind != KbEntityKind.HistoricalState)
                diags.Add(new(PlaceSeverity.Warning, PlaceCodes.NoPoint, CountriesFile, 0, $"{c.Id} ({c.Name}) has no capital point; its mentions carry no coordinates"));
            var names = new List<(string, bool)> { (c.Name, AliasKeys.IsAcronym(c.Name)) };
            foreach (var a in c.Aliases)
                if (a.Kind is AliasKind.Name or AliasKind.Short or AliasKind.Former && !capitalsByCountry.Contains((c.Id, PlaceKeys.Key(a.Text))))
                    names.Add((a.Text, a.IsCaseSensitive));
            Add(new PlaceEntry
            {
                Id = "iso:" + c.Id, Name = c.Name, Kind = kind, Countries = [c.Id],
                Lat = hasPoint ? p.Lat : null, Lon = hasPoint ? p.Lon : null, Source = c.Source.File is null ? default : new(c.Source.File, c.Source.Line),
            }, names);
        }

        // Names of organizations and groups, and institutions' seats: never places themselves, they keep the places
        // inside them from matching ("Islamic State of Iraq and the Levant", "Council of Europe", "the White House").
        // A seat also outranks a town of the same name abroad: "Langley" in the news is the CIA. Seats that are cities of
        // their own country ("Moscow", "Pyongyang", listed as seats of government) stay cities.
        foreach (var o in kb.Organizations)
            Add(new PlaceEntry { Id = "kb:" + o.Id, Name = o.Name, Kind = PlaceKinds.Blocker, Source = new("kb", 0) },
                new[] { (o.Name, AliasKeys.IsAcronym(o.Name)) }.Concat(o.Aliases.Where(a => a.Kind is AliasKind.Name or AliasKind.Former or AliasKind.Short && !a.IsCaseSensitive).Select(a => (a.Text, false))));
        foreach (var c in kb.Countries)
            foreach (var a in c.Aliases.Where(a => a.Kind == AliasKind.Seat && !a.IsCaseSensitive && !citiesByCountry.Contains((c.Id, PlaceKeys.Key(a.Text)))))
                Add(new PlaceEntry { Id = "kb-seat:" + c.Id + ":" + a.Text, Name = a.Text, Kind = PlaceKinds.Blocker, Source = new("kb", 0) }, [(a.Text, false)]);

        // Hand-written regions, waters and islands.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(directory, RegionsFile, 8, diags))
        {
            if (f[0].Length == 0 || f[1].Length == 0) { Bad(diags, RegionsFile, line, PlaceCodes.Missing, "id and name are required"); continue; }
            if (!ids.Add(f[0])) { Bad(diags, RegionsFile, line, PlaceCodes.DuplicateId, $"duplicate id '{f[0]}'"); continue; }
            if (!PlaceKinds.All.Contains(f[2]) || PlaceKinds.IsCountry(f[2]) || f[2] == PlaceKinds.City)
            { Bad(diags, RegionsFile, line, PlaceCodes.BadKind, $"kind '{f[2]}' is not region, water or island"); continue; }
            if (!TryCoord(f[4], f[5], out var lat, out var lon)) { Bad(diags, RegionsFile, line, PlaceCodes.BadCoordinate, $"bad coordinates '{f[4]}', '{f[5]}'"); continue; }
            var countries = Codes(f[3], kb, RegionsFile, line, diags);
            bool lower = false;
            string? admin1 = null;
            ImmutableArray<string> context = [];
            foreach (var flag in f[7].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate(new List<string>(), Regroup))
            {
                if (flag == "lower") lower = true;
                else if (flag.StartsWith("admin1=", StringComparison.Ordinal) && flag.Length > 7) admin1 = flag[7..];
                else if (flag.StartsWith("context=", StringComparison.Ordinal)) context = Codes(flag[8..], kb, RegionsFile, line, diags);
                else Bad(diags, RegionsFile, line, PlaceCodes.BadFlag, $"unknown flag '{flag}'");
            }
            if (admin1 is not null && countries.Length != 1) Bad(diags, RegionsFile, line, PlaceCodes.BadFlag, "admin1 needs exactly one country");
            var aliases = f[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Add(new PlaceEntry
            {
                Id = "sitrep:" + f[0], Name = f[1], Kind = f[2], Countries = countries, Lat = lat, Lon = lon, Admin1 = admin1,
                AllowLowercase = lower, Context = context, Aliases = [.. aliases], Source = new(RegionsFile, line),
            }, new[] { f[1] }.Concat(aliases).Select(a => (a, AliasKeys.IsAcronym(a))));
        }

        // The index: every name and alias, folded; duplicates of one entry under one key kept once.
        var index = new Dictionary<string, List<PlaceCandidate>>(StringComparer.Ordinal);
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var final = ImmutableArray.CreateBuilder<PlaceEntry>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var aliasList = new List<string>();
            foreach (var (text, exact) in aliasesOf[i])
            {
                var key = PlaceKeys.Key(text);
                if (key.Length == 0 || key.Length > PlaceKeys.MaxKeyLength) continue;
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                var cand = new PlaceCandidate(i, exact ? AliasKeys.ExactKey(text) : null);
                if (!list.Contains(cand)) list.Add(cand);
                if (!string.Equals(text, e.Name, StringComparison.Ordinal) && !aliasList.Contains(text)) aliasList.Add(text);
                if (e.Source.File == RegionsFile && !exact)
                {
                    if (named.TryGetValue(key, out var other) && other != e.Id)
                        diags.Add(new(PlaceSeverity.Warning, PlaceCodes.DuplicateName, RegionsFile, e.Source.Line, $"'{text}' also names {other}"));
                    named[key] = e.Id;
                }
            }
            final.Add(e with { Aliases = [.. aliasList] });
        }

        // Person names from the KB: a lone "Kirby" or "Victoria" is a person before it is a town.
        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in kb.People)
            foreach (var a in p.Aliases)
                if (a.Kind is AliasKind.Name or AliasKind.Surname)
                    foreach (var w in PlaceKeys.Key(a.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if (w.Length > 2) persons.Add(w);

        return new PlaceGazetteer(final.MoveToImmutable(), index, persons.ToFrozenSet(StringComparer.Ordinal), [.. diags], VersionOf(directory));
    }

    // Flags are ';'-separated, and so are the countries of a context: "lower;context=PRK;KOR" is two flags.
    private static List<string> Regroup(List<string> acc, string part)
    {
        if (acc.Count > 0 && acc[^1].StartsWith("context=", StringComparison.Ordinal) && part.Length == 3 && part.All(char.IsAsciiLetterUpper))
            acc[^1] += ";" + part;
        else acc.Add(part);
        return acc;
    }

    private static ImmutableArray<string> Codes(string field, KnowledgeBase kb, string file, int line, List<PlaceDiagnostic> diags)
    {
        if (field is "-" or "") return [];
        var codes = field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var c in codes)
            if (kb.Country(c) is null) Bad(diags, file, line, PlaceCodes.UnknownCountry, $"unknown country '{c}'");
        return [.. codes];
    }

    private static void Bad(List<PlaceDiagnostic> diags, string file, int line, string code, string message) =>
        diags.Add(new(PlaceSeverity.Error, code, file, line, message));

    private static bool TryCoord(string latText, string lonText, out double lat, out double lon)
    {
        var ok = double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out lat)
            & double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out lon);
        return ok && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;
    }

    /// <summary>Data rows of a TSV file: '#' comment lines and the header line skipped; line numbers 1-based.</summary>
    internal static IEnumerable<(int Line, string[] Fields)> Rows(string directory, string file, int columns, List<PlaceDiagnostic> diags)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            Bad(diags, file, 0, PlaceCodes.Missing, $"{path} not found");
            yield break;
        }
        int n = 0;
        bool header = false;
        foreach (var text in File.ReadLines(path))
        {
            n++;
            if (text.Length == 0 || text[0] == '#') continue;
            if (!header) { header = true; continue; }
            var f = text.Split('\t');
            if (f.Length != columns) { Bad(diags, file, n, PlaceCodes.Syntax, $"{f.Length} columns, expected {columns}"); continue; }
            yield return (n, f);
        }
    }

    private static string VersionOf(string directory)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var f in new[] { CitiesFile, CountriesFile, CityAliasesFile, RegionsFile })
        {
            var path = Path.Combine(directory, f);
            if (File.Exists(path)) sha.AppendData(File.ReadAllBytes(path));
        }
        return "places@sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
