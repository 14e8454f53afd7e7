using System.ComponentModel;
using System.Globalization;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep claims</c>: who asserted, alleged, reported or denied which event, and through which sources.</summary>
public sealed class ClaimsCommand : Command<ClaimsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--actor <CODE|NAME>")]
        [Description("The claimant, or an actor of the event: a code or a name.")]
        public string? Actor { get; init; }

        [CommandOption("--stance <MODALITY>")]
        [Description("asserted, reported, alleged, denied, …")]
        public string? Stance { get; init; }

        [CommandOption("--doc <ID>")]
        public string? Doc { get; init; }

        [CommandOption("--event <ID>")]
        [Description("Claims about this merged event: its mentions' stances and the denials that name it.")]
        public long? Event { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(200)]
        public int Limit { get; init; } = 200;

        [CommandOption("--csv")]
        public bool Csv { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        var claims = store.ListClaims(new ClaimQuery { Actor = settings.Actor, Stance = settings.Stance, Document = settings.Doc, Event = settings.Event, Limit = settings.Limit });
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var c in claims) QueryJson.WriteClaim(w, c);
                w.WriteEndArray();
            });
        }
        else if (settings.Csv)
        {
            CsvTables.Write(Console.Out, ["stance", "claimant_code", "claimant_name", "sources", "event", "source", "cameo", "target", "date", "about", "document", "url", "outlet", "published", "evidence"],
                claims.Select(c => (IReadOnlyList<string?>)[c.Stance, c.ClaimantCode, c.ClaimantName, c.Sources, c.EventId.ToString(inv), c.SourceCode, c.Cameo, c.TargetCode,
                    c.DateValue, string.Join(' ', c.About.Select(a => a.ToString(inv))), c.DocumentId, c.Url, c.Outlet, c.Published, c.Evidence]));
        }
        else EventViews.WriteClaims(Consoles.Out, claims);
        return ExitCodes.Ok;
    }
}
