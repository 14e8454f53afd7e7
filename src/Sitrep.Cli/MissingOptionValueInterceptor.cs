using System.Reflection;
using Spectre.Console.Cli;

namespace Sitrep.Cli;

/// <summary>
/// An option that takes a value, written last with none ("sitrep eval events --gold F --errors"), is given the
/// parser's internal name of the default command as its value; the command would then write a file of that name. Such
/// an option is an error, as any other missing value.
/// </summary>
internal sealed class MissingOptionValueInterceptor : ICommandInterceptor
{
    private const string ParserPlaceholder = "__default_command";

    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || property.GetIndexParameters().Length > 0) continue;
            if (!string.Equals(property.GetValue(settings) as string, ParserPlaceholder, StringComparison.Ordinal)) continue;
            var option = property.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.FirstOrDefault() is { } name ? "--" + name : property.Name;
            throw new UsageException($"{option} needs a value.");
        }
    }
}

/// <summary>A command line that names no valid command: the exit code is 64, as for the parser's own errors.</summary>
internal sealed class UsageException(string message) : Exception(message);
