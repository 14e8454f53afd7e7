using Spectre.Console;

namespace Sitrep.Cli.Output;

/// <summary>Spectre consoles for stdout (records, tables) and stderr (progress, diagnostics).</summary>
public static class Consoles
{
    public static IAnsiConsole Out => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
    public static IAnsiConsole Error => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
