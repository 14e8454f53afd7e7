using System.ComponentModel;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Places;
using Sitrep.Cli.Output;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Places;

public sealed class PlacesFindSettings : PlacesSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("A place name as written: \"Paris\", \"Kiev\", \"the Black Sea\".")]
    public string Name { get; init; } = "";
}

/// <summary>Looks a name up in the gazetteer and lists every entry it may mean, in the default order of choice.</summary>
public sealed class PlacesFindCommand : Command<PlacesFindSettings>
{
    public override int Execute(CommandContext context, PlacesFindSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ResolveOrReport() is not var (places, kb)) return ExitCodes.NotFound;
        var g = PlaceGazetteer.Load(places, KnowledgeBase.Load(kb));
        var found = g.Find(settings.Name)
            .OrderBy(e => e.Kind switch { PlaceKinds.Country => 0, PlaceKinds.Territory => 1, PlaceKinds.City => 3, _ => 2 })
            .ThenByDescending(e => e.IsCapital).ThenByDescending(e => e.Population).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var e in found)
                {
                    w.WriteStartObject();
                    w.WriteString("place_id", e.Id);
                    w.WriteString("name", e.Name);
                    w.WriteString("kind", e.Kind);
                    if (e.Country is { } c) w.WriteString("country", c); else w.WriteNull("country");
                    w.WriteStartArray("countries");
                    foreach (var x in e.Countries) w.WriteStringValue(x);
                    w.WriteEndArray();
                    if (e.Lat is { } lat) w.WriteNumber("lat", lat); else w.WriteNull("lat");
                    if (e.Lon is { } lon) w.WriteNumber("lon", lon); else w.WriteNull("lon");
                    if (e.Population > 0) w.WriteNumber("population", e.Population);
                    if (e.Admin1 is { } a) w.WriteString("admin1", a);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
        else
        {
            foreach (var e in found)
                Console.Out.WriteLine(string.Join('\t', e.Id, e.Name, e.Kind, string.Join(';', e.Countries),
                    e.Lat?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-", e.Lon?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-",
                    e.Population > 0 ? e.Population.ToString(CultureInfo.InvariantCulture) : "-", e.Admin1 ?? "-"));
            if (found.Count == 0) Console.Error.WriteLine($"sitrep: no place named '{settings.Name}'.");
        }
        return found.Count > 0 ? ExitCodes.Ok : ExitCodes.NotFound;
    }
}
