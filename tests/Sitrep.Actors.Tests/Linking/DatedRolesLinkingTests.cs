namespace Sitrep.Actors.Tests.Linking;

/// <summary>The same name on dates before and after a handover links to different codes.</summary>
[Collection("linking")]
public sealed class DatedRolesLinkingTests(LinkingFixture f)
{
    private ActorMention Person(string text, string name, DateOnly date) =>
        f.Link(text, date).First(m => text[m.Span.Start..m.Span.End].Contains(name, StringComparison.Ordinal));

    [Fact]
    public void APresidentBeforeAndAfterHandingOver()
    {
        // Joe Biden: US vice president until 2017-01-20, president 2021-01-20 to 2025-01-20.
        const string text = "Joe Biden met the delegation in Washington.";
        var asPresident = Person(text, "Joe Biden", new DateOnly(2023, 6, 1));
        var out2018 = Person(text, "Joe Biden", new DateOnly(2018, 6, 1));
        Assert.Equal("joe-biden", asPresident.ActorId);
        Assert.Equal("USAGOV", asPresident.Code);
        Assert.Equal("President of the United States", asPresident.Role);
        // Out of office in 2018: CAMEO's elite code with the country of the last role.
        Assert.Equal("joe-biden", out2018.ActorId);
        Assert.Equal("USAELI", out2018.Code);
        Assert.StartsWith("former Vice President", out2018.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void ADefenceMinisterBeforeAndAfterHandingOver()
    {
        // Sergei Shoigu: defence minister until May 2024, then secretary of the Security Council.
        const string text = "Sergei Shoigu said the army would respond.";
        var before = Person(text, "Shoigu", new DateOnly(2023, 8, 30));
        var after = Person(text, "Shoigu", new DateOnly(2025, 1, 15));
        Assert.Contains("Defence", before.Role, StringComparison.Ordinal);
        Assert.DoesNotContain("Defence", after.Role ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void TheOfficeHolderChangesWithTheDate()
    {
        var kb = f.Kb;
        var y2023 = kb.HoldersAt("RUS.defence-minister", new DateOnly(2023, 8, 30)).Single().Person.Id;
        var y2025 = kb.HoldersAt("RUS.defence-minister", new DateOnly(2025, 1, 15)).Single().Person.Id;
        Assert.Equal("sergei-shoigu", y2023);
        Assert.NotEqual(y2023, y2025);
    }
}
