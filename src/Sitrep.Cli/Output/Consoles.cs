using Spectre.Console;

namespace Sitrep.Cli.Output;

/// <summary>Spectre consoles for stdout (records, tables) and stderr (progress, diagnostics).</summary>
public static class Consoles
{
    public static IAnsiConsole Out
    {
        get
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            // Piped output has no terminal width; tables would wrap at 80 columns.
            if (Console.IsOutputRedirected) console.Profile.Width = 160;
            return console;
        }
    }
    public static IAnsiConsole Error => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
