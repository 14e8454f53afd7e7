using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Tests.Ner;

/// <summary>Lint of data/models/ner/gazetteer*.tsv (format in data/models/ner/FORMAT.md).</summary>
public sealed class NerGazetteerFileTests
{
    private static readonly string s_path = NlpTestData.Repo("data", "models", "ner", "gazetteer.tsv");

    public static TheoryData<string> Lists()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(NlpTestData.Repo("data", "models", "ner"), "gazetteer*.tsv").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_gazetteer_list_is_well_formed_and_has_no_duplicates(string file)
    {
        var entries = NerGazetteerFile.Read(NlpTestData.Repo("data", "models", "ner", file));
        Assert.NotEmpty(entries);
        var keys = new HashSet<(GazetteerType, string)>();
        foreach (var e in entries)
            Assert.True(keys.Add((e.Type, e.Key)), $"{file}: duplicate {e.Type} '{e.Key}'");
    }

    [Fact]
    public void Gazetteer_list_is_well_formed_and_has_no_duplicates()
    {
        var entries = NerGazetteerFile.Read(s_path);
        Assert.True(entries.Count > 1000, $"{entries.Count} entries");
        var keys = new HashSet<(GazetteerType, string)>();
        foreach (var e in entries)
            Assert.True(keys.Add((e.Type, e.Key)), $"duplicate {e.Type} '{e.Key}'");
        foreach (var type in new[] { GazetteerType.Location, GazetteerType.Organization, GazetteerType.FirstName })
            Assert.Contains(entries, e => e.Type == type);
        Assert.Contains(entries, e => e.Type == GazetteerType.Location && e.Key == "Korean Peninsula");
        // Postal codes are acronyms: they must match only in capitals, not the words "ca" or "pa".
        Assert.True(entries.Single(e => e.Type == GazetteerType.Location && e.Key == "CA").CaseSensitive);
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_line_number()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-gaz-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllLines(path, ["# comment", "LOC\tOmaha", "CITY\tLincoln"]);
            var ex = Assert.Throws<FormatException>(() => NerGazetteerFile.Read(path));
            Assert.Contains(":3:", ex.Message, StringComparison.Ordinal);
            File.WriteAllLines(path, ["LOC\tOmaha", "FIRST\tHelen"]);
            Assert.Equal([GazetteerType.Location, GazetteerType.FirstName], NerGazetteerFile.Read(path).Select(e => e.Type));
        }
        finally { File.Delete(path); }
    }
}
