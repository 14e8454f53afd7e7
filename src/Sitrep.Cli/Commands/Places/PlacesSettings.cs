using System.ComponentModel;
using Sitrep.Actors.Kb;
using Sitrep.Core;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Places;

/// <summary>Options shared by the <c>sitrep places</c> commands.</summary>
public class PlacesSettings : CommandSettings
{
    [CommandOption("--places <DIR>")]
    [Description("Place data folder (default: data/places of the shipped data).")]
    public string? Places { get; init; }

    [CommandOption("--kb <DIR>")]
    [Description("Knowledge-base folder, for country names and codes (default: data/kb).")]
    public string? Kb { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }

    /// <summary>The place and KB folders, or null after telling the user on stderr why there are none.</summary>
    public (string Places, string Kb)? ResolveOrReport()
    {
        var places = Places ?? Path.Combine(SitrepData.Root, "places");
        if (!Directory.Exists(places))
        {
            Console.Error.WriteLine($"sitrep: no place data folder '{places}'; use --places.");
            return null;
        }
        var kb = KbPaths.Find(Kb) ?? (Kb is null && Directory.Exists(Path.Combine(SitrepData.Root, "kb")) ? Path.Combine(SitrepData.Root, "kb") : null);
        if (kb is null)
        {
            Console.Error.WriteLine(Kb is null ? $"sitrep: no {KbPaths.DefaultRelative} found; use --kb." : $"sitrep: no KB folder '{Kb}'.");
            return null;
        }
        return (places, kb);
    }
}
