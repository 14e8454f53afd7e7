using Sitrep.Actors.Linking;
using Sitrep.Actors.Petrarch;
using Sitrep.Actors.Tests.Linking;

namespace Sitrep.Actors.Tests.Petrarch;

/// <summary>PETRARCH/TABARI dictionaries: syntax, dated codes, and linking with them as the only actor source.</summary>
[Collection("linking")]
public sealed class PetrarchDictionaryTests(LinkingFixture f)
{
    [Fact]
    public void ReadsPhrasesSynonymsAndDatedCodes()
    {
        var d = PetrarchActorDictionary.Parse(
        [
            "# comment", "<!-- a", "comment -->", "VLADIMIR_PUTIN_  # note", "+PUTIN_", "+PRESIDENT_PUTIN_",
            "\t[RUSELI 700101-990809]", "\t[RUSGOV >080508]", "\t[RUSELI]", "ARGENTIN  [ARG]", "GOLLUM", "\t[HOB < 950601]",
        ]);
        Assert.Equal(3, d.Actors.Length);
        var putin = d.Actors[0];
        Assert.Equal(3, putin.Phrases.Length);
        Assert.False(putin.Phrases[1].Stem);
        Assert.Equal("RUSELI", putin.CodeAt(new DateOnly(1990, 1, 1)));
        Assert.Equal("RUSGOV", putin.CodeAt(new DateOnly(2012, 1, 1)));
        Assert.True(d.Actors[1].Phrases[0].Stem);
        Assert.Equal("HOB", d.Actors[2].CodeAt(new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void AgentsExpandPluralsAndSubstitutions()
    {
        var d = PetrarchAgentDictionary.Parse(["!PERSON! = MAN, MEN", "CONGRESS!PERSON! [~LEG]", "POLICE {} [ ~COP]", "MSF {}  [NGO~]", "PRESIDENT [~GOV]"]);
        Assert.Equal(4, d.Agents.Length);
        Assert.Contains(d.Agents[0].Phrases, p => string.Join(' ', p.Words) == "CONGRESSMEN");
        Assert.Single(d.Agents[1].Phrases);
        Assert.Equal("RUSCOP", d.Agents[1].Compose("RUS"));
        Assert.Equal("NGORUS", d.Agents[2].Compose("RUS"));
        Assert.Contains(d.Agents[3].Phrases, p => string.Join(' ', p.Words) == "PRESIDENTS");
    }

    [Fact]
    public void TheValidationDictionariesLoadAndLinkAlone()
    {
        var actors = PetrarchActorDictionary.Load(RepoPaths.Shared("data", "events", "petrarch2", "PETR.Validate.actors.txt"));
        var agents = PetrarchAgentDictionary.Load(RepoPaths.Shared("data", "events", "petrarch2", "PETR.Validate.agents.txt"));
        Assert.True(actors.Actors.Length > 100);
        var stage = new ActorStage(new ActorLinker(AliasIndex.Build(null, [actors], [agents])));
        const string text = "Israeli troops fired on Hamas gunmen near Gaza City while Denmark watched.";
        var ms = f.Link(text, new DateOnly(2008, 1, 1), stage);
        string Code(string s) => ms.First(m => text[m.Span.Start..m.Span.End].Contains(s, StringComparison.Ordinal)).Code;
        Assert.Equal("ISRMIL", Code("Israeli troops"));
        Assert.Equal("DNK", Code("Denmark"));
        Assert.Equal("PSEGZA", Code("Gaza City"));
    }

    [Fact]
    public void PhoenixDictionariesLoad()
    {
        var d = PetrarchActorDictionary.Load(RepoPaths.Shared("data", "events", "petrarch2", "Phoenix.Countries.actors.txt"));
        var putin = d.Actors.First(a => a.Name.StartsWith("VLADIMIR_PUTIN", StringComparison.Ordinal));
        Assert.Equal("RUSGOV", putin.CodeAt(new DateOnly(2012, 6, 1)));
        Assert.Equal("RUSELI", putin.CodeAt(new DateOnly(1995, 6, 1)));
        var agents = PetrarchAgentDictionary.Load(RepoPaths.Shared("data", "events", "petrarch2", "Phoenix.agents.txt"));
        Assert.True(agents.Agents.Length > 500);
    }
}
