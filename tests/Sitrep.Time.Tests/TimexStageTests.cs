using Sitrep.Core;

namespace Sitrep.Time.Tests;

public sealed class TimexStageTests
{
    private static Document Doc(string text, DocumentDate? published) =>
        new("d1", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "-", Published = published });

    [Fact]
    public void Stage_uses_the_published_date_as_dct()
    {
        var doc = Doc("AP reported on Wednesday that talks failed last year.", new DocumentDate(new DateOnly(2023, 8, 30)));
        var pipeline = Pipeline.Build([new TimexStage()]);
        var result = pipeline.Run(doc);
        var timexes = result.Get(TimeLayers.Timexes);
        Assert.Equal(["2023-08-30", "2022"], timexes.Select(t => t.Value));
        Assert.All(timexes, t => Assert.Equal("dct", t.Anchor));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Stage_without_a_date_marks_values_unanchored()
    {
        var result = new TimexStage().Process(Doc("The talks ended on Friday, three days ago, in 2021.", null));
        var timexes = result.Get(TimeLayers.Timexes);
        Assert.NotEmpty(timexes);
        Assert.All(timexes, t => Assert.NotEqual("dct", t.Anchor));
        Assert.Contains(timexes, t => t.Value == "2021");
    }
}
