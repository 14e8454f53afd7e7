using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Kb;

/// <summary>Options shared by the <c>sitrep kb</c> commands.</summary>
public class KbSettings : CommandSettings
{
    [CommandOption("--kb <DIR>")]
    [Description("Knowledge-base folder (default: data/kb, found from the current folder upwards).")]
    public string? Kb { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }

    /// <summary>The knowledge-base folder, or null after telling the user on stderr why there is none.</summary>
    public string? ResolveOrReport()
    {
        var dir = Sitrep.Actors.Kb.KbPaths.Find(Kb);
        if (dir is null)
            Console.Error.WriteLine(Kb is null ? $"sitrep: no {Sitrep.Actors.Kb.KbPaths.DefaultRelative} found; use --kb." : $"sitrep: no KB folder '{Kb}'.");
        return dir;
    }
}
