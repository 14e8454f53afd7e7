using System.Diagnostics;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Kb;

/// <summary>Prints the KB's counts: countries, territories, organizations, groups, people, roles, aliases.</summary>
public sealed class KbStatsCommand : Command<KbSettings>
{
    public override int Execute(CommandContext context, KbSettings settings, CancellationToken cancellationToken)
    {
        var dir = settings.ResolveOrReport();
        if (dir is null) return ExitCodes.NotFound;
        var sw = Stopwatch.StartNew();
        var load = KbLoader.Load(dir);
        var ms = sw.ElapsedMilliseconds;
        var s = load.Kb.Stats();
        var rows = new (string Name, int Value)[]
        {
            ("countries", s.Countries), ("territories", s.Territories), ("historical_states", s.HistoricalStates),
            ("organizations", s.Organizations), ("groups", s.Groups), ("people", s.People), ("roles", s.Roles),
            ("offices", s.Offices), ("aliases", s.Aliases), ("agents", s.Agents), ("cameo_types", s.CameoTypes),
            ("uncertain", s.UncertainEntries),
        };
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                foreach (var (n, v) in rows) w.WriteNumber(n, v);
                w.WriteNumber("load_ms", ms);
                w.WriteBoolean("has_errors", load.HasErrors);
                w.WriteEndObject();
            });
        }
        else
        {
            var t = new Table().AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
            foreach (var (n, v) in rows) t.AddRow(n, v.ToString(CultureInfo.InvariantCulture));
            var console = Consoles.Out;
            console.Write(t);
            console.WriteLine($"loaded {dir} in {ms} ms{(load.HasErrors ? "; it has errors, run 'sitrep kb lint'" : "")}");
        }
        return ExitCodes.Ok;
    }
}
