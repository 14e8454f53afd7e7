using System.Diagnostics;
using Sitrep.Actors.Kb;
using Sitrep.Cli.Output;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Kb;

/// <summary>Checks the knowledge base; prints file:line messages and exits 1 when there are errors (CI runs it).</summary>
public sealed class KbLintCommand : Command<KbSettings>
{
    public override int Execute(CommandContext context, KbSettings settings, CancellationToken cancellationToken)
    {
        var dir = settings.ResolveOrReport();
        if (dir is null) return ExitCodes.NotFound;
        var sw = Stopwatch.StartNew();
        var diags = KbLinter.Lint(dir);
        var errors = diags.Count(x => x.Severity == KbSeverity.Error);
        var warnings = diags.Length - errors;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("kb", dir);
                w.WriteNumber("errors", errors);
                w.WriteNumber("warnings", warnings);
                w.WriteStartArray("diagnostics");
                foreach (var x in diags)
                {
                    w.WriteStartObject();
                    w.WriteString("severity", x.Severity == KbSeverity.Error ? "error" : "warning");
                    w.WriteString("code", x.Code);
                    w.WriteString("file", x.File);
                    w.WriteNumber("line", x.Line);
                    w.WriteString("message", x.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var x in diags) (x.Severity == KbSeverity.Error ? Console.Error : Console.Out).WriteLine(x.ToString());
            Console.Out.WriteLine($"kb lint: {errors} error(s), {warnings} warning(s) in {sw.ElapsedMilliseconds} ms ({dir}).");
        }
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
