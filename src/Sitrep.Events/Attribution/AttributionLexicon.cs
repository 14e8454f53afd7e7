using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Sitrep.Core;

namespace Sitrep.Events.Attribution;

/// <summary>What a lexicon entry marks. One token may carry several (e.g. "claim" as verb and noun).</summary>
[Flags]
public enum CueKind : uint
{
    None = 0,
    Report = 1 << 0,
    ReportNoun = 1 << 1,
    ReportAdverb = 1 << 2,
    Cite = 1 << 3,
    Allege = 1 << 4,
    AllegeNoun = 1 << 5,
    AllegeAdverb = 1 << 6,
    Evidence = 1 << 7,
    EvidenceVerb = 1 << 8,
    Deny = 1 << 9,
    DenyNoun = 1 << 10,
    Intend = 1 << 11,
    IntendAux = 1 << 12,
    Request = 1 << 13,
    HypotheticalMark = 1 << 14,
    HypotheticalAux = 1 << 15,
    Negation = 1 << 16,
    NegationVerb = 1 << 17,
    NegationCancel = 1 << 18,
    /// <summary>A verb that only carries an event noun ("set a deadline", "hold talks"): its negation negates the noun.</summary>
    LightVerb = 1 << 19,
    /// <summary>A noun of what may happen ("the idea of", "the possibility that", "fears of"): its content is hypothetical.</summary>
    HypotheticalNoun = 1 << 20,
    /// <summary>A noun of will ("plan", "plot", "bid", "intention"): its infinitive ("Amir's plan to kill Rabin") is intended.</summary>
    IntendNoun = 1 << 21,
}

/// <summary>A wire agency: its name as written and the CAMEO media code used when no actor mention covers it.</summary>
public sealed record WireAgency(string Name, string Code);

/// <summary>
/// The attribution lexicon (<c>data/lexicons/attribution</c>): cue lemmas by kind, multiword source phrases
/// ("according to") and wire agencies. Lookups are case-insensitive and allocation-free.
/// </summary>
public sealed class AttributionLexicon
{
    public const string FileName = "cues.tsv";

    /// <summary>Kind names as written in the file, and the flag each sets.</summary>
    public static readonly FrozenDictionary<string, CueKind> KindNames = new Dictionary<string, CueKind>(StringComparer.Ordinal)
    {
        ["report"] = CueKind.Report,
        ["report-noun"] = CueKind.ReportNoun,
        ["report-adverb"] = CueKind.ReportAdverb,
        ["cite"] = CueKind.Cite,
        ["allege"] = CueKind.Allege,
        ["allege-noun"] = CueKind.AllegeNoun,
        ["allege-adverb"] = CueKind.AllegeAdverb,
        ["evidence"] = CueKind.Evidence,
        ["evidence-verb"] = CueKind.EvidenceVerb,
        ["deny"] = CueKind.Deny,
        ["deny-noun"] = CueKind.DenyNoun,
        ["intend"] = CueKind.Intend,
        ["intend-aux"] = CueKind.IntendAux,
        ["request"] = CueKind.Request,
        ["hypothetical-mark"] = CueKind.HypotheticalMark,
        ["hypothetical-aux"] = CueKind.HypotheticalAux,
        ["negation"] = CueKind.Negation,
        ["negation-verb"] = CueKind.NegationVerb,
        ["negation-cancel"] = CueKind.NegationCancel,
        ["light-verb"] = CueKind.LightVerb,
        ["hypothetical-noun"] = CueKind.HypotheticalNoun,
        ["intend-noun"] = CueKind.IntendNoun,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Kinds whose entries are verbs, nouns or auxiliaries: a token only carries them with a fitting UPOS.</summary>
    internal const CueKind VerbKinds = CueKind.Report | CueKind.Cite | CueKind.Allege | CueKind.EvidenceVerb | CueKind.Deny | CueKind.Intend | CueKind.Request | CueKind.NegationVerb | CueKind.LightVerb;
    internal const CueKind NounKinds = CueKind.ReportNoun | CueKind.AllegeNoun | CueKind.Evidence | CueKind.DenyNoun | CueKind.HypotheticalNoun;
    /// <summary>Kinds a token carries only as a noun (the nouns of report and the nouns of will).</summary>
    internal const CueKind NounOnlyKinds = NounKinds | CueKind.IntendNoun;
    internal const CueKind AuxKinds = CueKind.IntendAux | CueKind.HypotheticalAux;

    private readonly FrozenDictionary<string, CueKind> _lemmas;
    private readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> _lemmaLookup;

    public AttributionLexicon(IEnumerable<(CueKind Kind, string Entry)> cues, IEnumerable<string> sourcePhrases, IEnumerable<WireAgency> wires, string version)
    {
        var lemmas = new Dictionary<string, CueKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kind, entry) in cues)
            lemmas[entry] = lemmas.GetValueOrDefault(entry) | kind;
        _lemmas = lemmas.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lemmaLookup = _lemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        SourcePhrases = [.. sourcePhrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray())];
        // Longest names first, so "The Associated Press" wins over "Associated Press".
        Wires = [.. wires.OrderByDescending(w => w.Name.Length).ThenBy(w => w.Name, StringComparer.Ordinal)];
        Version = version;
    }

    /// <summary>Multiword source phrases as word sequences ("according", "to").</summary>
    public ImmutableArray<ImmutableArray<string>> SourcePhrases { get; }

    public ImmutableArray<WireAgency> Wires { get; }

    /// <summary><c>attribution@sha256:…</c> of the cue file, for the record's versions.</summary>
    public string Version { get; }

    /// <summary>The kinds a word (lemma or form) carries, regardless of part of speech.</summary>
    public CueKind Lookup(ReadOnlySpan<char> word) => _lemmaLookup.TryGetValue(word, out var k) ? k : CueKind.None;

    /// <summary>The wire agency whose name is exactly <paramref name="name"/> (case-sensitive for short acronyms, as written).</summary>
    public WireAgency? Wire(ReadOnlySpan<char> name)
    {
        foreach (var w in Wires)
            if (name.Equals(w.Name, w.Name.Length <= 5 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)) return w;
        return null;
    }

    private static readonly Lazy<AttributionLexicon> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shipped lexicon: <c>data/lexicons/attribution</c> beside the program or under <c>$SITREP_DATA</c>, else
    /// the copy built into this assembly from the same files.
    /// </summary>
    public static AttributionLexicon Default => s_default.Value;

    private static AttributionLexicon LoadDefault()
    {
        var dir = Path.Combine(SitrepData.Root, "lexicons", "attribution");
        return File.Exists(Path.Combine(dir, FileName)) ? Load(dir) : BuiltIn();
    }

    /// <summary>The copy of the lexicon built into this assembly.</summary>
    internal static AttributionLexicon BuiltIn()
    {
        var asm = typeof(AttributionLexicon).Assembly;
        byte[] Resource(string name)
        {
            using var s = asm.GetManifestResourceStream("attribution/" + name) ?? throw new FileNotFoundException($"The attribution lexicon resource '{name}' is not built in.");
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
        return Check(AttributionLexiconLinter.Read(Resource(FileName), Resource(AttributionLexiconLinter.ManifestFile), "built-in"), "built-in");
    }

    /// <summary>Loads a lexicon folder; throws <see cref="AttributionLexiconException"/> when the linter finds errors.</summary>
    public static AttributionLexicon Load(string directory)
    {
        return Check(AttributionLexiconLinter.Read(directory), directory);
    }

    private static AttributionLexicon Check(AttributionLexiconLinter.ReadResult read, string origin)
    {
        var errors = read.Diagnostics.Where(d => d.Severity == LexiconSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new AttributionLexiconException($"The attribution lexicon at {origin} has {errors.Count} error(s); first: {errors[0]}", errors);
        return read.Lexicon!;
    }

    internal static string Sha256(string path) => Sitrep.Core.DataFileHash.Sha256(path);
}

public sealed class AttributionLexiconException(string message, IReadOnlyList<LexiconDiagnostic> diagnostics) : Exception(message)
{
    public IReadOnlyList<LexiconDiagnostic> Diagnostics { get; } = diagnostics;
}
