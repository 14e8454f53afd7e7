namespace Sitrep.Web.Tests;

/// <summary>
/// The explorer page's own logic (wwwroot/explorer-core.js: marking a document's events, the state in the address,
/// safe links) is checked by Node's test runner, tests/Sitrep.Web.Tests/js. The machine's Node.js runs it; no npm
/// package is needed.
/// </summary>
public sealed class ExplorerScriptTests
{
    [Fact]
    public Task The_page_script_passes_its_node_tests() =>
        NodeTests.RunAsync(RepoPaths.Root, Path.Combine(RepoPaths.Root, "tests", "Sitrep.Web.Tests", "js", "explorer-core.test.js"), minimumPassed: 11);
}
