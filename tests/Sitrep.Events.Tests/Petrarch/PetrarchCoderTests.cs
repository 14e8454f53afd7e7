using System.Globalization;
using System.Text;

namespace Sitrep.Events.Tests.Petrarch;

/// <summary>PETRARCH unit-test records coded from their raw text with the validation dictionaries.</summary>
public sealed class PetrarchCoderTests
{
    [Theory]
    [InlineData("DEMO-00")]      // subject through "is about to", "with" target, "* DIPLOMATIC [064]"
    [InlineData("DEMO-02")]      // paired code [032:033]; "Dagolath's … Prime Minister Telemar" → DAGGOV
    [InlineData("DEMO-04")]      // "[+++]" marker pattern ignored: the block's 064
    [InlineData("DEMO-05")]      // "+ WAS * DEAD IN $ [224]": target before the verb, source after
    [InlineData("DEMO-10")]      // "NOTED + * [115]": the noter is the source
    [InlineData("DEMO-26")]      // "% HAVE * [191]": compound subject, events both ways
    [InlineData("DEMO-29")]      // multi-word verb "+CORDON_OFF"; agent with "from" phrase → GONMIL
    [InlineData("COMPOUND-10")]  // "THE_SHIRE [FRO/BIL/SAM]" × "LORIEN [ELR/GAL]"
    [InlineData("COMPOUND-38")]  // "% * [030:030]" with "the European Union (EU)"
    [InlineData("COMPOUND-42")]  // "* WITH % [031]": the compound after the verb is the target
    [InlineData("AGENTS-16")]    // agent with an "of" actor: NGM + ~OPP
    [InlineData("AGENTS-23")]    // "GMWGOV" + "~WGO" is not already there: GMWGOVWGO
    [InlineData("DATE-19")]      // dated actor codes: Slinker in 2001 is HOBREB
    [InlineData("SYNSET-22g")]   // synset member of three words joined by "_" to its neighbours
    [InlineData("SYNSET-23i")]   // "* ASSURANCES_ON &TIETYPES FROM [913]"
    [InlineData("PASSIVE-01")]   // passive with a "by" agent
    [InlineData("VERB-21")]      // "departes" is no form of DEPART: no event
    [InlineData("COMPOUND-22")]  // "* THEIR ^ ABOUT + [162]": "^" skips "Ent populations"; "Dol_Amroth" as one token
    public void Codes_named_unit_test_records(string id)
    {
        var score = PetrarchRecords.Run(PetrarchRecords.Record(id));
        Assert.True(score.Pass, $"{id}: predicted {string.Join("; ", score.Predicted.Select(p => $"{p.SourceCode} {p.TargetCode} {p.Cameo} [{p.Rule}]"))}");
    }

    [Fact]
    public void Passes_more_unit_test_records_than_petrarch2()
    {
        var scores = PetrarchRecords.Records.Select(PetrarchRecords.Run).Where(s => s.Gold.Scoreable).ToList();
        var passed = scores.Count(s => s.Pass);
        if (Environment.GetEnvironmentVariable("SITREP_PETRARCH_DEBUG") is { Length: > 0 } path)
        {
            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"passed {passed} of {scores.Count}");
            foreach (var s in scores.Where(s => !s.Pass))
                sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Gold.Id}\t{s.Error}\tgold: {string.Join("; ", s.Gold.Events.Select(e => $"{e.Sources.FirstOrDefault()?.Code} {e.Targets.FirstOrDefault()?.Code} {e.Cameo}"))}\tgot: {string.Join("; ", s.Predicted.Select(p => $"{p.SourceCode} {p.TargetCode} {p.Cameo} [{p.Rule}]"))}\t{s.Gold.Text}");
            File.WriteAllText(path, sb.ToString());
        }
        Assert.Equal(277, scores.Count);
        // PETRARCH2 itself passes 85; this coder passed 236 when last measured.
        Assert.True(passed >= 230, $"passed {passed} of 277");
    }
}

public sealed class PetrarchEventStageTests
{
    [Fact]
    public void Writes_petrarch_events_as_sitrep_events()
    {
        var stage = new Sitrep.Events.Petrarch.PetrarchEventStage(PetrarchRecords.Coder, Sitrep.Events.Tests.Coding.EventTestText.Patterns.Codebook, "petrarch:test");
        var record = PetrarchRecords.Record("DEMO-17");
        var doc = stage.Process(Sitrep.Events.Tests.Coding.EventTestText.Parse(record.Text, record.Date));
        var events = doc.Get(EventLayers.Events);
        // "Bree President Romendacil arrived in Gondor": ARRIVE [032:033] gives the visit and its hosting.
        Assert.Equal(["BREGOV GON 032 03", "GON BREGOV 033 03"], events.Select(e => $"{e.Source?.Code} {e.Target?.Code} {e.Cameo} {e.Root}").ToArray());
        var visit = events[0];
        Assert.Equal("BRE", visit.Source!.Country);
        Assert.Equal("arrived", record.Text[visit.Evidence.Trigger.Start..visit.Evidence.Trigger.End]);
        Assert.Equal("1995-01-17", visit.Date.Value);
        Assert.StartsWith("petrarch:ARRIVE@", visit.Rule, StringComparison.Ordinal);
        Assert.True(visit.QuadClass > 0);
    }
}

public sealed class PetrarchPhoenixTests
{
    /// <summary>The full Phoenix dictionaries (CAMEO.2.0 verbs, country, international and non-state actors, agents) on the seed article.</summary>
    [Fact]
    public void Codes_the_seed_article_with_the_phoenix_dictionaries()
    {
        var coder = new Sitrep.Events.Petrarch.PetrarchCoder(
            Sitrep.Events.Petrarch.PetrarchVerbDictionary.Load(PetrarchRecords.File("CAMEO.2.0.txt")),
            new[] { "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt" }.Select(f => Sitrep.Actors.Petrarch.PetrarchActorDictionary.Load(PetrarchRecords.File(f))),
            [Sitrep.Actors.Petrarch.PetrarchAgentDictionary.Load(PetrarchRecords.File("Phoenix.agents.txt"))],
            Sitrep.Events.Petrarch.PetrarchDiscards.Load(PetrarchRecords.File("Phoenix.discards.txt")));
        var text = File.ReadAllText(RepoPaths.Shared("samples", "seed-article.txt"));
        var doc = Sitrep.Events.Tests.Coding.EventTestText.Parse(text, new DateOnly(2023, 9, 13));
        var events = coder.Code(doc);
        if (Environment.GetEnvironmentVariable("SITREP_PETRARCH_DEBUG") is { Length: > 0 } path)
            File.WriteAllLines(path + ".seed", events.Select(e => $"{e.Source} {e.Target} {e.Code} [{e.Rule}] {text[e.Trigger.Start..e.Trigger.End]}"));
        // "Russia is seeking … from North Korea" and the visits and requests of the article's Russian officials.
        Assert.Contains(events, e => e.Source.StartsWith("RUS", StringComparison.Ordinal) && e.Target == "PRK");
        Assert.All(events, e => Assert.True(e.Source.Length > 0 && e.Target.Length > 0 && e.Code.Length >= 3, $"{e.Source} {e.Target} {e.Code}"));
        Assert.Equal(events.Length, events.Select(e => $"{e.Sentence}|{e.Source}|{e.Target}|{e.Code}").Distinct(StringComparer.Ordinal).Count());
    }
}
