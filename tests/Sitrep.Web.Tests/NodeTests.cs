using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Web.Tests;

/// <summary>Runs a file of Node's test runner (node --test) and checks its closing summary.</summary>
internal static partial class NodeTests
{
    /// <summary>
    /// Runs <paramref name="file"/> in <paramref name="workingDirectory"/> and asserts that it exited 0, that no test
    /// failed, and that at least <paramref name="minimumPassed"/> ran and passed (a file that loads no test also exits 0).
    /// </summary>
    public static async Task RunAsync(string workingDirectory, string file, int minimumPassed, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node", ["--test", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
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
            Assert.Equal("0", Count(output, "fail"));
            Assert.True(int.Parse(Count(output, "pass"), CultureInfo.InvariantCulture) >= minimumPassed, output);
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
