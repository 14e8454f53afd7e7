using System.Diagnostics;
using Sitrep.Actors.Places;
using Sitrep.Cli.Output;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Places;

/// <summary>Checks the place gazetteer; prints file:line messages and exits 1 when there are errors (CI runs it).</summary>
public sealed class PlacesLintCommand : Command<PlacesSettings>
{
    public override int Execute(CommandContext context, PlacesSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ResolveOrReport() is not var (places, kb)) return ExitCodes.NotFound;
        var sw = Stopwatch.StartNew();
        var diags = PlaceGazetteerLinter.Lint(places, kb);
        var errors = diags.Count(x => x.Severity == PlaceSeverity.Error);
        var warnings = diags.Count - errors;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("places", places);
                w.WriteNumber("errors", errors);
                w.WriteNumber("warnings", warnings);
                w.WriteStartArray("diagnostics");
                foreach (var x in diags)
                {
                    w.WriteStartObject();
                    w.WriteString("severity", x.Severity == PlaceSeverity.Error ? "error" : "warning");
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
            foreach (var x in diags) (x.Severity == PlaceSeverity.Error ? Console.Error : Console.Out).WriteLine(x.ToString());
            Console.Out.WriteLine($"places lint: {errors} error(s), {warnings} warning(s) in {sw.ElapsedMilliseconds} ms ({places}).");
        }
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
