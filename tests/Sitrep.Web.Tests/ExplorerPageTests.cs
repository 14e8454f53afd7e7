namespace Sitrep.Web.Tests;

/// <summary>
/// The explorer page rendered and used as a reader would: js/page/explorer-page.test.mjs loads the page from the
/// fixture's live server into happy-dom (npm, installed into js/page/node_modules by the build from the committed
/// package-lock.json), clicks through its tabs, filters, events and documents, and checks that it shows what the API
/// says, that the address keeps the view, and that stored text never runs as markup.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerPageTests(ExplorerFixture fx)
{
    [Fact]
    public async Task The_page_renders_the_store_and_answers_clicks()
    {
        var dir = Path.Combine(RepoPaths.Root, "tests", "Sitrep.Web.Tests", "js", "page");
        Assert.True(File.Exists(Path.Combine(dir, "node_modules", "happy-dom", "package.json")),
            $"happy-dom is not installed in {dir}: the build runs 'npm ci' there (it needs the npm registry once); run it by hand if that failed.");
        await NodeTests.RunAsync(dir, "explorer-page.test.mjs", minimumPassed: 8,
            new Dictionary<string, string> { ["SITREP_EXPLORER_URL"] = fx.Url.ToString() });
    }
}
