using Sitrep.Actors.Kb;

namespace Sitrep.Actors.Tests;

/// <summary>The linter on small synthetic KBs written to a temp folder: each problem is found, with its file and line.</summary>
public sealed class KbLinterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sitrep-kb-" + Guid.NewGuid().ToString("N"));
    private string Kb => Path.Combine(_root, "data", "kb");

    public KbLinterTests()
    {
        Directory.CreateDirectory(Path.Combine(Kb, "people"));
        Write("cameo-actor-types.yaml", """
            types:
              - {code: GOV, kind: role_primary, description: government}
              - {code: MIL, kind: role_primary, description: military}
              - {code: REB, kind: role_primary, description: rebels}
              - {code: IGO, kind: international, description: igo}
              - {code: UNO, kind: organization, description: United Nations}
              - {code: EEU, kind: region, description: Eastern Europe}
            """);
        Write("countries.yaml", """
            countries:
              - {id: RUS, alpha2: RU, name: Russia, capital: Moscow}
              - {id: UKR, alpha2: UA, name: Ukraine, capital: Kyiv}
            """);
        Write("countries.hand.yaml", """
            countries:
              RUS: {kind: state, demonym: Russian, demonyms: Russians, seats: {the Kremlin: GOV}}
              UKR: {kind: state, demonym: Ukrainian, demonyms: Ukrainians}
            """);
        Write("igos.yaml", """
            organizations:
              - {id: un, name: United Nations, code: IGOUNO, short: [UN]}
            """);
        Write("groups.yaml", """
            groups:
              - {id: wagner, name: Wagner Group, country: RUS, type: REB}
            """);
        Write("agents.yaml", """
            agents:
              MIL: [troops]
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Kb, name), text);

    private List<KbDiagnostic> Errors() => [.. KbLinter.Lint(Kb).Where(d => d.Severity == KbSeverity.Error)];

    [Fact]
    public void A_clean_kb_has_no_errors()
    {
        Write("people/p.yaml", """
            people:
              - id: a-b
                name: A B
                roles:
                  - {country: RUS, sector: GOV, title: President, office: RUS.president, start: 2000, end: 2008-05-07}
              - id: c-d
                name: C D
                roles:
                  - {country: RUS, sector: GOV, title: President, office: RUS.president, start: 2008-05-07}
            """);
        Assert.Empty(Errors());
        var kb = KnowledgeBase.Load(Kb);
        Assert.Equal("a-b", Assert.Single(kb.HoldersAt("RUS.president", new DateOnly(2008, 5, 6))).Person.Id);
        Assert.Equal("c-d", Assert.Single(kb.HoldersAt("RUS.president", new DateOnly(2008, 5, 7))).Person.Id);
    }

    [Fact]
    public void A_person_s_gender_is_m_or_f_or_not_given()
    {
        Write("people/p.yaml", """
            people:
              - id: a-b
                name: A B
                gender: f
                roles: []
              - id: c-d
                name: C D
                roles: []
            """);
        Assert.Empty(Errors());
        var kb = KnowledgeBase.Load(Kb);
        Assert.Equal('f', kb.People.Single(p => p.Id == "a-b").Gender);
        Assert.Equal('\0', kb.People.Single(p => p.Id == "c-d").Gender);
        Write("people/p.yaml", """
            people:
              - id: a-b
                name: A B
                gender: female
                roles: []
            """);
        var e = Assert.Single(Errors());
        Assert.Equal(KbCodes.BadValue, e.Code);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Reports_each_problem_with_file_and_line()
    {
        Write("people/p.yaml", """
            people:
              - id: a-b
                name: A B
                roles:
                  - {country: RUS, sector: GOV, title: President, office: RUS.president, start: 2000, end: 2010}
              - id: c-d
                name: C D
                roles:
                  - {country: RUS, sector: GOV, title: President, office: RUS.president, start: 2008-05-07}
                  - {country: XXX, sector: GOV, title: Minister, start: 2010-01-01, end: 2009-01-01}
                  - {country: RUS, sector: FOO, title: Minister, start: 2011-13}
                  - {org: nope, title: Envoy}
              - id: a-b
                name: Duplicate
                titel: typo
                roles: []
            """);
        var e = Errors();
        string At(string code) => string.Join(" | ", e.Where(x => x.Code == code).Select(x => $"{x.File}:{x.Line}"));
        Assert.Contains("data/kb/people/p.yaml:9", At(KbCodes.OfficeOverlap));
        Assert.Contains("data/kb/people/p.yaml:10", At(KbCodes.UnknownCountry));
        Assert.Contains("data/kb/people/p.yaml:10", At(KbCodes.EndBeforeStart));
        Assert.Contains("data/kb/people/p.yaml:11", At(KbCodes.UnknownSector));
        Assert.Contains("data/kb/people/p.yaml:11", At(KbCodes.BadDate));
        Assert.Contains("data/kb/people/p.yaml:12", At(KbCodes.UnknownOrg));
        Assert.Contains("data/kb/people/p.yaml:13", At(KbCodes.DuplicateId));
        Assert.Contains("data/kb/people/p.yaml:15", At(KbCodes.UnknownKey));
        Assert.Throws<KbException>(() => KnowledgeBase.Load(Kb));
    }

    [Fact]
    public void Partial_dates_overlap_only_when_they_must()
    {
        // "end: 2008" and "start: 2008-05-07": the first holder may have left before May; not an error.
        Write("people/p.yaml", """
            people:
              - id: a-b
                name: A B
                roles: [{country: RUS, sector: GOV, title: President, office: RUS.president, start: 2000, end: 2008}]
              - id: c-d
                name: C D
                roles: [{country: RUS, sector: GOV, title: President, office: RUS.president, start: 2008-05-07}]
            """);
        Assert.Empty(Errors());
    }

    [Fact]
    public void Invalid_cameo_codes_and_yaml_errors_are_reported()
    {
        Write("igos.yaml", """
            organizations:
              - {id: un, name: United Nations, code: IGOXYZ}
              - {id: Bad_Id, name: Bad, code: IGO}
            """);
        Write("people/p.yaml", "people:\n  - {id: x, name: [unclosed\n");
        var e = Errors();
        Assert.Contains(e, x => x.Code == KbCodes.BadCameo && x.File == "data/kb/igos.yaml" && x.Line == 2);
        Assert.Contains(e, x => x.Code == KbCodes.BadValue && x.Line == 3);
        Assert.Contains(e, x => x.Code == KbCodes.Syntax && x.File == "data/kb/people/p.yaml");
    }

    [Fact]
    public void Alias_collisions_are_warnings()
    {
        Write("groups.yaml", """
            groups:
              - {id: wagner, name: Wagner Group, country: RUS, type: REB}
              - {id: other, name: Other, country: UKR, type: REB, aliases: [Wagner Group]}
            """);
        Write("people/p.yaml", "people: []\n");
        var d = KbLinter.Lint(Kb);
        Assert.Contains(d, x => x.Code == KbCodes.AliasCollision && x.Severity == KbSeverity.Warning && x.Line == 3);
        Assert.DoesNotContain(d, x => x.Severity == KbSeverity.Error);
    }
}
