using System.ComponentModel;
using System.Net.Sockets;
using Sitrep.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Store;

/// <summary><c>sitrep serve</c>: the explorer (a page and a read-only JSON API) over a store, until Ctrl+C.</summary>
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <PATH>")]
        [Description("The store to explore; it must exist (sitrep ingest makes one).")]
        [DefaultValue("sitrep.db")]
        public string Db { get; init; } = "sitrep.db";

        [CommandOption("--port <PORT>")]
        [Description("Port to listen on (0: any free port).")]
        [DefaultValue(8080)]
        public int Port { get; init; } = 8080;

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to listen on. The default answers only this machine; 0.0.0.0 answers the network (the store is then readable by anyone who can reach it).")]
        [DefaultValue("127.0.0.1")]
        public string Host { get; init; } = "127.0.0.1";

        public override ValidationResult Validate()
        {
            if (Port is < 0 or > 65535) return ValidationResult.Error("--port must be 0 to 65535.");
            if (string.IsNullOrWhiteSpace(Host)) return ValidationResult.Error("--host must be an address.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ExecuteAsync(settings, cancellationToken).GetAwaiter().GetResult();

    private static async Task<int> ExecuteAsync(Settings settings, CancellationToken cancellationToken)
    {
        using var store = StoreAccess.OpenExisting(settings.Db);
        if (store is null) return ExitCodes.NotFound;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            ExplorerServer server;
            try
            {
                server = await ExplorerServer.StartAsync(store, settings.Host, settings.Port, stop.Token);
            }
            catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"sitrep: cannot listen on {settings.Host}:{settings.Port}: {e.Message} Give another --port.");
                return ExitCodes.Failure;
            }
            await using (server)
            {
                Console.Out.WriteLine($"Sitrep explorer on {string.Join(", ", server.Urls)} (store {settings.Db}); Ctrl+C stops it.");
                await server.RunUntilStoppedAsync(stop.Token);
            }
            return ExitCodes.Ok;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
