using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sitrep.Web.Tests;

/// <summary>
/// The explorer page's own logic (wwwroot/explorer-core.js: marking a document's events, the state in the address,
/// safe links) is checked by Node's test runner, tests/Sitrep.Web.Tests/js. The machine's Node.js runs it; no npm
/// package is needed.
/// </summary>
public sealed partial class ExplorerScriptTests
{
    [Fact]
    public async Task The_page_script_passes_its_node_tests()
    {
        var dir = Path.Combine(RepoPaths.Root, "tests", "Sitrep.Web.Tests", "js");
        var start = new ProcessStartInfo("node", ["--test", Path.Combine(dir, "explorer-core.test.js")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        Process? node;
        try
        {
            node = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Node.js (node on PATH) runs the explorer's script tests and was not found: {e.Message}");
            return;
        }
        Assert.NotNull(node);
        using (node)
        {
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await node.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;
            Assert.True(node.ExitCode == 0, output);
            // The runner's summary: every test ran and passed (a file that loads no test would also exit 0).
            Assert.Equal("0", Count(output, "fail"));
            Assert.True(int.Parse(Count(output, "pass"), System.Globalization.CultureInfo.InvariantCulture) >= 11, output);
        }
    }

    /// <summary>A number from the runner's closing summary ("# pass 11", "# fail 0").</summary>
    private static string Count(string output, string what)
    {
        var m = SummaryLine().Matches(output).LastOrDefault(x => x.Groups[1].Value == what);
        Assert.True(m is not null, $"no '# {what}' line in:\n{output}");
        return m.Groups[2].Value;
    }

    [GeneratedRegex(@"^# (pass|fail) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
