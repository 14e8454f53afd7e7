using System.ComponentModel;
using Sitrep.Cli.Output;
using Sitrep.Storage;
using Sitrep.Storage.Export;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

public sealed class ErrorsCommand : Command<ErrorsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--code <CODE>")]
        [Description("Only this error code, e.g. SR1002.")]
        public string? Code { get; init; }

        [CommandOption("--run <ID>")]
        [Description("Only errors of this ingest run.")]
        public long? Run { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(1000)]
        public int Limit { get; init; } = 1000;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Db))
        {
            Console.Error.WriteLine($"sitrep: no store at {settings.Db}.");
            return ExitCodes.NotFound;
        }
        using var store = SitrepStore.Open(settings.Db);
        var errors = store.ListErrors(new ErrorQuery { Code = settings.Code, IngestRunId = settings.Run, Limit = settings.Limit });
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var e in errors) QueryJson.WriteInputError(w, e);
                w.WriteEndArray();
            });
        }
        else
        {
            Tables.WriteErrors(Consoles.Out, errors);
        }
        return ExitCodes.Ok;
    }
}
