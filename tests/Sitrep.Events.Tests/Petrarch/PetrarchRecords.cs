using System.Collections.Immutable;
using Sitrep.Actors.Petrarch;
using Sitrep.Events.Evaluation;
using Sitrep.Events.Petrarch;
using Sitrep.Events.Tests.Coding;

namespace Sitrep.Events.Tests.Petrarch;

/// <summary>PETRARCH's unit-test records and validation dictionaries, read from ../shared, and a coder over them.</summary>
internal static class PetrarchRecords
{
    public static string File(string name) => RepoPaths.Shared("data", "events", "petrarch2", name);

    private static readonly Lazy<PetrarchCoder> s_coder = new(() => new PetrarchCoder(
        PetrarchVerbDictionary.Load(File("PETR.Validate.verbs.txt")),
        [PetrarchActorDictionary.Load(File("PETR.Validate.actors.txt"))],
        [PetrarchAgentDictionary.Load(File("PETR.Validate.agents.txt"))],
        PetrarchDiscards.Load(File("PETR.Validate.discards.txt"))), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ImmutableArray<GoldRecord>> s_records = new(() => EventGold.LoadPetrarch(File("PETR.UnitTest.records.xml")));

    public static PetrarchCoder Coder => s_coder.Value;

    public static ImmutableArray<GoldRecord> Records => s_records.Value;

    public static GoldRecord Record(string id) => Records.First(r => r.Id == id);

    /// <summary>The record's raw text through the shipped tokenizer, tagger and parser, coded; scored as the eval command scores it.</summary>
    public static RecordScore Run(GoldRecord record)
    {
        var doc = EventTestText.Parse(record.Text, record.Date);
        var events = Coder.Code(doc);
        return EventScorer.Score(record, [.. events.Select(e => new PredictedEvent(null, e.Code, e.Source, null, null, e.Target, null, null, e.Rule))]);
    }
}
