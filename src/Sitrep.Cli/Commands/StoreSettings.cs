using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by the commands that read or write the store.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("SQLite store to use (created if missing). Default: sitrep.db")]
    [DefaultValue("sitrep.db")]
    public string Db { get; init; } = "sitrep.db";

    [CommandOption("--json")]
    [Description("Print records as JSON instead of a table.")]
    public bool Json { get; init; }
}

/// <summary>Exit codes: stable, documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    /// <summary>The batch finished but some inputs failed; they are recorded with their error codes.</summary>
    public const int SomeInputsFailed = 2;
    public const int NotFound = 3;
    public const int Usage = 64;
    /// <summary>Stopped by Ctrl+C or SIGTERM after storing whole documents only (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
