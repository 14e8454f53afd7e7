using Sitrep.Events.Attribution;

namespace Sitrep.Events.Tests.Attribution;

public sealed class LexiconLintTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitrep-attrib-lint-" + Guid.NewGuid().ToString("N"));

    public LexiconLintTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Shipped_lexicon_is_clean_and_versioned()
    {
        var dir = RepoPaths.Repo("data", "lexicons", "attribution");
        var diagnostics = AttributionLexiconLinter.Lint(dir);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        var lex = AttributionLexicon.Load(dir);
        Assert.StartsWith("attribution@sha256:", lex.Version, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "FORMAT.md")));
        Assert.Equal(CueKind.Report, lex.Lookup("say") & CueKind.Report);
        Assert.Equal("USAMED", lex.Wire("AP")!.Code);
        Assert.Null(lex.Wire("ap")); // short names are case-sensitive
        // The copy built into the assembly is the same file.
        Assert.Equal(lex.Version, AttributionLexicon.BuiltIn().Version);
    }

    private (string Code, int Line)[] LintOf(string cues, bool manifest = true)
    {
        var path = Path.Combine(_dir, "cues.tsv");
        File.WriteAllText(path, cues);
        if (manifest)
        {
            int entries = cues.Split('\n').Count(l => l.Length > 0 && l[0] != '#' && l.Trim().Length > 0);
            File.WriteAllText(Path.Combine(_dir, "MANIFEST.json"),
                $$"""{"files":[{"file":"cues.tsv","sha256":"{{AttributionLexicon.Sha256(path)}}","entries":{{entries}}}]}""");
        }
        return [.. AttributionLexiconLinter.Lint(_dir).Select(d => (d.Code, d.Line))];
    }

    private const string Minimal = "report\tsay\ndeny\tdeny\nallege\tallege\nintend\tplan\nrequest\turge\nhypothetical-aux\tcould\nnegation\tnot\nsource-phrase\taccording to\n";

    [Fact]
    public void Minimal_lexicon_is_clean() => Assert.Empty(LintOf(Minimal));

    [Theory]
    [InlineData("reprot\tsay\n", "ATT002")]
    [InlineData("report\tSaid\n", "ATT004")]
    [InlineData("report\ttell\textra\n", "ATT001")]
    [InlineData("report\t say\n", "ATT001")]
    [InlineData("report\tsay\n", "ATT010")]
    [InlineData("deny\tsay\n", "ATT011")]
    [InlineData("wire\tReuters\n", "ATT003")]
    [InlineData("wire\tReuters\tGB\n", "ATT004")]
    [InlineData("source-phrase\tAs Per\n", "ATT004")]
    public void Bad_line_is_reported_at_its_line(string line, string code)
    {
        var found = LintOf(Minimal + line);
        Assert.Contains((code, 9), found);
    }

    [Fact]
    public void Manifest_must_match_the_file()
    {
        LintOf(Minimal);
        File.AppendAllText(Path.Combine(_dir, "cues.tsv"), "report\ttell\n");
        Assert.Contains(AttributionLexiconLinter.Lint(_dir), d => d.Code == "ATT020" && d.Severity == LexiconSeverity.Error);
        File.Delete(Path.Combine(_dir, "MANIFEST.json"));
        Assert.Contains(AttributionLexiconLinter.Lint(_dir), d => d.Code == "ATT021");
        Assert.Throws<AttributionLexiconException>(() => AttributionLexicon.Load(_dir));
    }

    [Fact]
    public void A_required_kind_missing_is_an_error()
    {
        var found = LintOf("report\tsay\n");
        Assert.Contains(found, f => f.Code == "ATT003" && f.Line == 0);
    }
}
