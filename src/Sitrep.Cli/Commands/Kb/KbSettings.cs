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
}
