using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Cli.Output;

/// <summary>
/// Start-up diagnostics for bench/store: with SITREP_TRACE_STARTUP=1, each mark prints to stderr the time since the
/// process started, the CPU time used and the number of methods the JIT compiled so far. Otherwise a no-op.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("SITREP_TRACE_STARTUP") == "1";

    public static void Mark(string what)
    {
        if (!On) return;
        var wall = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var cpu = Environment.CpuUsage.TotalTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[startup] {what,-28} wall {wall.TotalMilliseconds,7:0.0} ms  cpu {cpu.TotalMilliseconds,7:0.0} ms  jitted {System.Runtime.JitInfo.GetCompiledMethodCount(),5}  jit {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,6:0.0} ms"));
    }
}
