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

    /// <summary>
    /// From fundus pages on US politics: McConnell, Navarro, Comer and Ramaswamy had been no actors at all, and "Kim" after
    /// "Rep. Andy Kim" became North Korea's leader once Andy Kim was in the knowledge base without his surname.
    /// </summary>
    [Fact]
    public void US_legislators_judges_and_candidates_link_with_their_roles_and_their_surnames()
    {
        var date = new DateOnly(2024, 2, 28);
        const string text = "Mitch McConnell said on Wednesday he would step down as leader. McConnell criticized the former president.";
        Assert.Equal("USALEG", Person(text, "Mitch McConnell", date).Code);
        Assert.Equal("mitch-mcconnell", f.Link(text, date).Last(m => text[m.Span.Start..m.Span.End] == "McConnell").ActorId);
        const string kim = "Rep. Andy Kim won the primary. Kim said he would run for the Senate.";
        var kims = f.Link(kim, date).Where(m => kim[m.Span.Start..m.Span.End].Contains("Kim", StringComparison.Ordinal)).ToArray();
        Assert.All(kims, m => Assert.Equal("USALEG", m.Code));
        Assert.Equal("USAJUD", Person("Justice Samuel Alito wrote the opinion.", "Samuel Alito", date).Code);
        Assert.Equal("USAELI", Person("Vivek Ramaswamy attacked the moderators.", "Vivek Ramaswamy", new DateOnly(2023, 11, 8)).Code);
        // a very common surname or given name alone is nobody of the knowledge base ("Dan arrived on time" in a UD review)
        Assert.DoesNotContain(f.Link("Smith said the plan would fail.", date), m => m.ActorId == "jack-smith-prosecutor");
        Assert.DoesNotContain(f.Link("I said great and Dan arrived on time at 10am to make the repair.", new DateOnly(2025, 8, 1)), m => m.ActorId == "nicusor-dan");
        Assert.Equal("CANGOV", Person("Environment Minister John Baird has asked government officials.", "John Baird", new DateOnly(2007, 10, 1)).Code);
    }

    /// <summary>
    /// A bare surname names a KB person only in or soon after office, never before the first one: "Jordan" in a 2000 story
    /// had been Rep. Jim Jordan (in office from 2007) once he was in the knowledge base.
    /// </summary>
    [Fact]
    public void A_bare_surname_before_the_first_office_names_nobody_of_the_knowledge_base()
    {
        const string text = "Vance said the plan would fail.";
        Assert.DoesNotContain(f.Link(text, new DateOnly(2016, 6, 1)), m => m.ActorId == "jd-vance");
        Assert.Contains(f.Link(text, new DateOnly(2025, 6, 1)), m => m.ActorId == "jd-vance" && m.Code == "USAGOV");
        // the full name still names him, by his country alone
        Assert.Equal("jd-vance", Person("JD Vance said the plan would fail.", "JD Vance", new DateOnly(2016, 6, 1)).ActorId);
    }
}
