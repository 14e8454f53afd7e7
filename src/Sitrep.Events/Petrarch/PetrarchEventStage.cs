using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Sitrep.Actors.Petrarch;
using Sitrep.Core;
using Sitrep.Events.Codebook;
using Sitrep.Nlp;

namespace Sitrep.Events.Petrarch;

/// <summary>
/// The event stage in PETRARCH mode: events coded with a folder of PETRARCH dictionaries (see
/// <see cref="PetrarchCoder"/>) instead of Sitrep's patterns, written as Sitrep's event records. Codes the CAMEO
/// codebook knows get their root, quad class, Goldstein value and PLOVER type; others (the validation dictionary's
/// test codes) keep their first two digits as root. Sources and targets are PETRARCH codes without actor mentions;
/// the date is the report date; modality is asserted (PETRARCH has neither attribution nor modality).
/// </summary>
public sealed class PetrarchEventStage : IPipelineStage
{
    private readonly PetrarchCoder _coder;
    private readonly CameoCodebook? _codebook;

    public PetrarchEventStage(PetrarchCoder coder, CameoCodebook? codebook, string version)
    {
        _coder = coder;
        _codebook = codebook;
        Version = version;
    }

    public string Name => "events";
    public IReadOnlyList<AnnotationLayer> Requires { get; } = [NlpLayers.Sentences, NlpLayers.Tokens, NlpLayers.Pos];
    public IReadOnlyList<AnnotationLayer> Provides { get; } = [EventLayers.Events];

    /// <summary>"petrarch:VERBFILE@sha256:…" — the verb dictionary that coded the events.</summary>
    public string Version { get; }

    public PetrarchCoder Coder => _coder;

    /// <summary>
    /// Loads a folder: the verb dictionary (CAMEO.2.0.txt, else the first *.verbs.txt), every *.actors.txt and
    /// *.agents.txt, and the first *.discards.txt. Null when the folder has no verb dictionary.
    /// </summary>
    public static PetrarchEventStage? Load(string directory, CameoCodebook? codebook)
    {
        var verbsFile = File.Exists(Path.Combine(directory, "CAMEO.2.0.txt")) ? Path.Combine(directory, "CAMEO.2.0.txt")
            : Directory.GetFiles(directory, "*.verbs.txt").Order(StringComparer.Ordinal).FirstOrDefault();
        if (verbsFile is null) return null;
        var actors = Directory.GetFiles(directory, "*.actors.txt").Order(StringComparer.Ordinal).Select(PetrarchActorDictionary.Load).ToList();
        var agents = Directory.GetFiles(directory, "*.agents.txt").Order(StringComparer.Ordinal).Select(PetrarchAgentDictionary.Load).ToList();
        var discards = Directory.GetFiles(directory, "*.discards.txt").Order(StringComparer.Ordinal).FirstOrDefault();
        var coder = new PetrarchCoder(PetrarchVerbDictionary.Load(verbsFile), actors, agents, discards is null ? null : PetrarchDiscards.Load(discards));
        using var stream = File.OpenRead(verbsFile);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new PetrarchEventStage(coder, codebook, $"petrarch:{Path.GetFileName(verbsFile)}@sha256:{sha}");
    }

    public Document Process(Document document, CancellationToken cancellationToken = default) =>
        document.With(EventLayers.Events, ToCoded(document, _coder.Code(document)));

    private ImmutableArray<CodedEvent> ToCoded(Document document, ImmutableArray<PetrarchEvent> events)
    {
        var date = document.Metadata.Published is { } p ? new EventDate(p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "report") : new EventDate("", "report");
        var result = ImmutableArray.CreateBuilder<CodedEvent>(events.Length);
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            CameoCode? c = _codebook is not null && _codebook.TryGet(e.Code, out var cc) ? cc : null;
            result.Add(new CodedEvent(
                "e" + (i + 1).ToString(CultureInfo.InvariantCulture),
                e.Code, c?.Root ?? (e.Code.Length >= 2 ? e.Code[..2] : e.Code), c?.QuadClass ?? 0, c?.Goldstein ?? 0,
                new PloverCoding(c?.PloverType ?? "", c?.PloverMode, c?.PloverContext ?? []),
                Participant(e.Source), Participant(e.Target), date, null, Modality.Asserted, [],
                new EventEvidence(e.Sentence, e.Trigger, []), $"petrarch:{e.Rule}"));
        }
        return result.MoveToImmutable();
    }

    /// <summary>A PETRARCH code as a participant; its first three letters are the country unless it is an agent alone ("---GOV").</summary>
    private static EventParticipant Participant(string code) =>
        new(code, code.Length >= 3 && !code.StartsWith("---", StringComparison.Ordinal) && code.Take(3).All(char.IsLetter) ? code[..3] : null, null);
}
