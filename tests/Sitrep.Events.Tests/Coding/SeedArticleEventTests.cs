using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;
using Sitrep.Time;

namespace Sitrep.Events.Tests.Coding;

/// <summary>
/// Golden test on the seed article (read from ../shared, never copied): the whole analysis from raw text — tokens,
/// tags, parse, TIMEX3, the knowledge-base actor linker, places, attribution and the event coder — must find at
/// least 10 of the 11 events the text reports, with the right CAMEO root and dyad, and at most 3 it does not support.
/// </summary>
public sealed class SeedArticleEventTests
{
    private static readonly Lazy<Document> s_seed = new(() =>
    {
        var pipeline = Pipeline.Build(
        [
            new TokenizerStage(),
            PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin")),
            DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin")),
            new TimexStage(),
            ActorStage.Load(RepoPaths.Repo("data", "kb")),
            new Sitrep.Actors.Places.PlaceStage(Sitrep.Actors.Places.PlaceGazetteer.Load(RepoPaths.Repo("data", "places"), Sitrep.Actors.Kb.KnowledgeBase.Load(RepoPaths.Repo("data", "kb")))),
            new EventStage(EventTestText.Patterns, EventTestText.Claims),
        ]);
        var lines = File.ReadAllLines(RepoPaths.Shared("samples", "seed-article.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("date ", StringComparison.Ordinal) && !l.StartsWith("Updated:", StringComparison.Ordinal));
        var text = string.Join("\n\n", lines);
        var doc = new Document("seed", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "seed-article.txt", Published = new DocumentDate(new DateOnly(2023, 8, 30)) });
        return pipeline.Run(doc);
    });

    private static string Country(EventParticipant? p) => p is null ? "-" : p.Country ?? p.Code[..Math.Min(3, p.Code.Length)];

    private sealed record Expected(string Name, Func<CodedEvent, bool> Match);

    private static bool Dyad(CodedEvent e, string source, string target) => Country(e.Source) == source && Country(e.Target) == target;

    private static readonly Expected[] Expectations =
    [
        new("Putin and Kim exchanged letters (04, RUS-PRK)", e => e.Root == "04" && (Dyad(e, "RUS", "PRK") || Dyad(e, "PRK", "RUS")) && e.Evidence.Sentence == 0),
        new("Russia seeks munitions from North Korea (02)", e => e.Root == "02" && Country(e.Source) == "RUS" && e.Evidence.Sentence == 0),
        new("Shoigu visited Pyongyang (04)", e => e.Root == "04" && Dyad(e, "RUS", "PRK") && e.Evidence.Sentence == 1),
        new("Shoigu called on North Korea to sell munitions (02)", e => e.Root == "02" && Dyad(e, "RUS", "PRK") && e.Evidence.Sentence == 1),
        new("Russian officials travelled to Pyongyang (04)", e => e.Root == "04" && Dyad(e, "RUS", "PRK") && e.Evidence.Sentence == 4),
        new("North Korea launched a ballistic missile, per South Korea's military, 2023-08-30 (15)",
            // the reporter is no target: the parser hangs "according to South Korea's military" on the missile
            e => e.Root == "15" && Country(e.Source) == "PRK" && e.Target is null && e.Date.Value == "2023-08-30" && e.Attribution.Any(a => a.Code?.StartsWith("KOR", StringComparison.Ordinal) == true)),
        new("the US flew a bomber to the peninsula against the North (15, USA-PRK)", e => e.Root == "15" && Dyad(e, "USA", "PRK")),
        new("Russia sought a food-for-arms deal, 2023-03 (02 or 03)", e => e.Root is "02" or "03" && Country(e.Source) == "RUS" && e.Date.Value == "2023-03"),
        new("the Wagner Group took delivery of North Korean arms, 2022 (06 or 07, PRK-RUS)", e => e.Root is "06" or "07" && Dyad(e, "PRK", "RUS") && e.Date.Value == "2022"),
        new("Russia and North Korea denied the US allegations (016 to USA)", e => e.Cameo == "016" && (Dyad(e, "RUS", "USA") || Dyad(e, "PRK", "USA"))),
        new("North Korea blamed the US 'hegemonic policy' (11, PRK-USA)", e => e.Root == "11" && Dyad(e, "PRK", "USA")),
    ];

    /// <summary>Events beyond the list that the text does support (reported or hypothetical, as the modality says).</summary>
    private static readonly Func<CodedEvent, bool>[] AlsoSupported =
    [
        e => e.Root == "02" && Country(e.Source) == "RUS" && e.Evidence.Sentence == 1,                 // Russia is looking for artillery shells
        e => e.Cameo == "0333" && Dyad(e, "RUS", "PRK") && e.Modality == Modality.Hypothetical,     // Moscow would provide the North with food
        e => e.Root == "17" && Dyad(e, "USA", "RUS") && e.Modality != Modality.Asserted,            // (North Korea says) the West forced Moscow
        e => e.Root == "04" && e.Evidence.Sentence is 2 or 4 or 6,                                  // talks between the two countries; Shoigu's visit
        e => e.Cameo == "011" && e.Evidence.Sentence == 5,                                           // the spokesperson refused to detail (decline comment)
        e => e.Root == "19" && Dyad(e, "RUS", "UKR"),                                                // the war Russia fights against Ukraine
    ];

    [Fact]
    public void Seed_article_events_have_the_right_root_and_dyad()
    {
        var doc = s_seed.Value;
        Assert.Empty(doc.Errors);
        var events = doc.Get(EventLayers.Events);
        var found = Expectations.Where(x => events.Any(x.Match)).Select(x => x.Name).ToList();
        var missing = Expectations.Where(x => !events.Any(x.Match)).Select(x => x.Name).ToList();
        var listing = string.Join("\n", events.Select(e => $"{e.Id} s{e.Evidence.Sentence} {e.Source?.Code ?? "-"} {e.Cameo} {e.Target?.Code ?? "-"} {e.Date.Value}/{e.Date.From} {e.Modality.ToRecord()} {e.Rule}"));
        Assert.True(found.Count >= 10, $"found {found.Count} of 11; missing: {string.Join("; ", missing)}\n{listing}");
        var unsupported = events.Where(e => !Expectations.Any(x => x.Match(e)) && !AlsoSupported.Any(f => f(e))).ToList();
        Assert.True(unsupported.Count <= 3, $"{unsupported.Count} events the text does not support:\n{string.Join("\n", unsupported.Select(e => $"{e.Id} {e.Cameo} {e.Rule}"))}\n{listing}");
    }

    [Fact]
    public void Seed_article_attribution_and_denial_links_follow_the_text()
    {
        var events = s_seed.Value.Get(EventLayers.Events);
        var launch = events.First(e => e.Root == "15" && Country(e.Source) == "PRK");
        Assert.Contains(launch.Attribution, a => a.Text.Contains("South Korea", StringComparison.Ordinal));
        var delivery = events.First(e => e.Root is "06" or "07" && Country(e.Source) == "PRK");
        var denials = events.Where(e => e.Cameo == "016").ToList();
        Assert.NotEmpty(denials);
        Assert.All(denials, d => Assert.Contains(delivery.Id, d.Links));
        Assert.Equal(Modality.Alleged, delivery.Modality);
        // "the US allegations" also answers the paragraph before: the food-for-arms deal the White House described in March.
        var food = events.Single(e => e.Cameo == "0333" && Country(e.Source) == "RUS");
        Assert.All(denials, d => Assert.Contains(food.Id, d.Links));
        var broker = events.Single(e => e.Root == "02" && Country(e.Source) == "RUS" && e.Date.Value == "2023-03");
        Assert.Equal(Modality.Alleged, broker.Modality); // was reported by the White House, is denied by Russia
        // Not what the Biden administration said two paragraphs up ("Russia has become reliant on North Korea").
        var reliant = events.Single(e => e.Root == "19" && e.Source?.Code == "RUS" && Country(e.Target) == "UKR");
        Assert.All(denials, d => Assert.DoesNotContain(reliant.Id, d.Links));
    }
}
