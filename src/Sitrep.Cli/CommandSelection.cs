using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Sitrep.Cli;

/// <summary>
/// Start-up time: before it runs one command, Spectre.Console.Cli builds a model of every registered command by
/// reflection over its settings (attributes, type converters, descriptions), which with ~40 commands is a large part of
/// a query's run time. When the first argument names a top-level command or branch, only that one is registered;
/// otherwise (no argument, <c>--help</c>, <c>--version</c>, a misspelt name) all are, so help and suggestions are unchanged.
/// </summary>
internal static class CommandSelection
{
    /// <summary>The configurator to register through: <paramref name="inner"/> itself, or a filter keeping the command <paramref name="args"/> names.</summary>
    public static IConfigurator For(IConfigurator inner, string[] args, Action<IConfigurator> register)
    {
        if (args.Length == 0 || args[0].Length == 0 || args[0][0] == '-') return inner;
        var names = new NameCollector(inner.Settings);
        register(names);
        return names.Canonical.TryGetValue(args[0], out var name) ? new Filter(inner, name) : inner;
    }

    /// <summary>Registers only the top-level command or branch called <paramref name="name"/> (and the application settings).</summary>
    private sealed class Filter(IConfigurator inner, string name) : IConfigurator
    {
        public ICommandAppSettings Settings => inner.Settings;
        public IConfigurator SetHelpProvider(IHelpProvider helpProvider) { inner.SetHelpProvider(helpProvider); return this; }
        public IConfigurator SetHelpProvider<T>() where T : IHelpProvider { inner.SetHelpProvider<T>(); return this; }
        public IConfigurator AddExample(params string[] args) { inner.AddExample(args); return this; }

        public ICommandConfigurator AddCommand<TCommand>(string command) where TCommand : class, ICommand =>
            Keep(command) ? inner.AddCommand<TCommand>(command) : Skipped.Command;

        public ICommandConfigurator AddDelegate<TSettings>(string command, Func<CommandContext, TSettings, CancellationToken, int> func) where TSettings : CommandSettings =>
            Keep(command) ? inner.AddDelegate(command, func) : Skipped.Command;

        public ICommandConfigurator AddAsyncDelegate<TSettings>(string command, Func<CommandContext, TSettings, CancellationToken, Task<int>> func) where TSettings : CommandSettings =>
            Keep(command) ? inner.AddAsyncDelegate(command, func) : Skipped.Command;

        public IBranchConfigurator AddBranch<TSettings>(string command, Action<IConfigurator<TSettings>> action) where TSettings : CommandSettings =>
            Keep(command) ? inner.AddBranch(command, action) : Skipped.Branch;

        private bool Keep(string command) => string.Equals(command, name, StringComparison.Ordinal);
    }

    /// <summary>Records the top-level names and aliases, registering nothing (application settings are set on the real ones, the same values twice).</summary>
    private sealed class NameCollector(ICommandAppSettings settings) : IConfigurator
    {
        public Dictionary<string, string> Canonical { get; } = new(StringComparer.Ordinal);
        public ICommandAppSettings Settings => settings;
        public IConfigurator SetHelpProvider(IHelpProvider helpProvider) => this;
        public IConfigurator SetHelpProvider<T>() where T : IHelpProvider => this;
        public IConfigurator AddExample(params string[] args) => this;
        public ICommandConfigurator AddCommand<TCommand>(string command) where TCommand : class, ICommand => Add(command);
        public ICommandConfigurator AddDelegate<TSettings>(string command, Func<CommandContext, TSettings, CancellationToken, int> func) where TSettings : CommandSettings => Add(command);
        public ICommandConfigurator AddAsyncDelegate<TSettings>(string command, Func<CommandContext, TSettings, CancellationToken, Task<int>> func) where TSettings : CommandSettings => Add(command);
        public IBranchConfigurator AddBranch<TSettings>(string command, Action<IConfigurator<TSettings>> action) where TSettings : CommandSettings => Add(command);

        private Skipped Add(string command)
        {
            Canonical[command] = command;
            return new Skipped(alias => Canonical[alias] = command);
        }
    }

    /// <summary>The configurator of a command that is not registered: descriptions and examples go nowhere; aliases are reported.</summary>
    private sealed class Skipped(Action<string>? onAlias) : ICommandConfigurator, IBranchConfigurator
    {
        public static readonly Skipped Command = new(null);
        public static readonly Skipped Branch = new(null);
        public ICommandConfigurator WithExample(params string[] args) => this;
        public ICommandConfigurator WithDescription(string description) => this;
        public ICommandConfigurator WithData(object data) => this;
        public ICommandConfigurator IsHidden() => this;
        ICommandConfigurator ICommandConfigurator.WithAlias(string name) { onAlias?.Invoke(name); return this; }
        IBranchConfigurator IBranchConfigurator.WithAlias(string name) { onAlias?.Invoke(name); return this; }
    }
}
