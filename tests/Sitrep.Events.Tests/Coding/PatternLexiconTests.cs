using Sitrep.Events.Patterns;

namespace Sitrep.Events.Tests.Coding;

public sealed class PatternLexiconTests
{
    [Fact]
    public void Shipped_lexicon_lints_clean_and_covers_every_code()
    {
        var diags = PatternLinter.Lint(EventTestText.Patterns);
        Assert.DoesNotContain(diags, d => d.Severity == PatternSeverity.Error);
        var covered = EventTestText.Patterns.Patterns.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(EventTestText.Patterns.Codebook.Codes.Where(c => c.Level > 1), c => Assert.Contains(c.Code, covered));
    }

    [Fact]
    public void Codebook_has_twenty_roots_with_goldstein_quad_class_and_plover()
    {
        var book = EventTestText.Patterns.Codebook;
        Assert.Equal(20, book.Codes.Count(c => c.Level == 1));
        Assert.InRange(book.Codes.Length, 280, 320);
        var appeal = book["0232"];
        Assert.Equal(("02", 1, 3.4, "REQUEST", "military"), (appeal.Root, appeal.QuadClass, appeal.Goldstein, appeal.PloverType, appeal.PloverContext.Single()));
        Assert.Null(book["016"].PloverType);
        Assert.Equal(("MOBILIZE", 4), (book["150"].PloverType, book["150"].QuadClass));
    }

    [Fact]
    public void Parser_reads_paths_conditions_and_flags()
    {
        var (patterns, diags) = PatternParser.Parse([("t.txt", new[]
        {
            "&ARMS weapon munition",
            "0232 seek.arms@2 v:seek +obj~&ARMS tgt=obl:from|**:from",
            "040 trade@1 v:trade +obj=letter recip",
        })]);
        Assert.Empty(diags);
        var p = patterns[0];
        Assert.Equal(("seek.arms@2", "0232", TriggerKind.Verb, "seek"), (p.Rule, p.Code, p.Kind, p.Lemma));
        Assert.Equal(["obl:from", "**:from"], p.Target.Select(t => t.ToString()));
        Assert.Equal(["nsubj"], p.Source.Select(t => t.ToString()));
        Assert.Contains("munition", (IReadOnlySet<string>)p.Conditions.Single().Words);
        Assert.Equal(PatternFlags.Reciprocal, patterns[1].Flags);
    }

    [Theory]
    [InlineData("02x bad@1 v:seek", "EP001")]
    [InlineData("020 bad v:seek", "EP001")]
    [InlineData("020 bad@1 x:seek", "EP001")]
    [InlineData("020 bad@1 v:seek tgt=subj", "EP006")]
    [InlineData("020 bad@1 v:seek +obj~&NOPE", "EP005")]
    [InlineData("020 bad@1 v:seek frobnicate", "EP001")]
    public void Parser_reports_bad_lines_with_codes(string line, string code)
    {
        var (patterns, diags) = PatternParser.Parse([("t.txt", new[] { line })]);
        Assert.Empty(patterns);
        var d = Assert.Single(diags);
        Assert.Equal((code, "t.txt", 1), (d.Code, d.File, d.Line));
    }

    [Fact]
    public void Lint_finds_unknown_codes_duplicates_missing_codes_and_stale_manifest()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-lint-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(dir, "patterns"));
        try
        {
            File.WriteAllLines(Path.Combine(dir, "cameo-codebook.tsv"),
            [
                "code\troot\tlevel\tquad_class\tgoldstein\tplover_type\tplover_mode\tplover_context\tname",
                "04\t04\t1\t1\t1.0\tCONSULT\t-\t-\tCONSULT",
                "042\t04\t2\t1\t1.9\tCONSULT\tvisit\t-\tMake a visit",
                "043\t04\t2\t1\t2.8\tCONSULT\tvisit\t-\tHost a visit",
            ]);
            File.WriteAllLines(Path.Combine(dir, "patterns", "a.txt"), ["042 visit@1 v:visit", "042 visit@1 n:visit", "999 odd@1 v:odd"]);
            PatternLinter.WriteManifest(dir);
            var codes = PatternLinter.Lint(dir).Select(d => d.Code).ToList();
            Assert.Contains("EP002", codes);
            Assert.Contains("EP003", codes);   // 043 has no pattern
            Assert.Contains("EP004", codes);
            Assert.DoesNotContain("EP008", codes);
            File.AppendAllLines(Path.Combine(dir, "patterns", "a.txt"), ["043 host@1 v:host"]);
            Assert.Contains("EP008", PatternLinter.Lint(dir).Select(d => d.Code));
            // Coding refuses a lexicon with errors rather than skip the bad lines (a pattern with a bad path coded nothing).
            Assert.Empty(PatternSet.LoadChecked(dir).Diagnostics.Where(d => d.Severity == PatternSeverity.Error));
            File.AppendAllLines(Path.Combine(dir, "patterns", "a.txt"), ["043 greet@1 v:greet -csubjx"]);
            var refused = Assert.Throws<InvalidDataException>(() => PatternSet.LoadChecked(dir));
            Assert.Contains("EP006", refused.Message, StringComparison.Ordinal);
            Assert.Empty(PatternSet.LoadChecked(RepoPaths.Repo("data", "lexicons", "events")).Diagnostics.Where(d => d.Severity == PatternSeverity.Error));
        }
        finally { Directory.Delete(dir, true); }
    }
}
