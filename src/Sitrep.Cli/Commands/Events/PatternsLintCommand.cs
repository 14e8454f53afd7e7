using System.ComponentModel;
using System.Diagnostics;
using Sitrep.Cli.Output;
using Sitrep.Events.Attribution;
using Sitrep.Events.Patterns;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Events;

public sealed class PatternsLintSettings : CommandSettings
{
    [CommandOption("--patterns <DIR>")]
    [Description("Event lexicon folder (default: data/lexicons/events, found from the current folder upwards).")]
    public string? Patterns { get; init; }

    [CommandOption("--write-manifest")]
    [Description("Rewrite MANIFEST.json with the current files' sha256 before checking.")]
    public bool WriteManifest { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }
}

/// <summary>
/// Checks the event patterns and codebook: format errors, unknown CAMEO codes, codes without a pattern, duplicate
/// ids, MANIFEST hashes. Prints file:line messages and exits 1 on errors (CI runs it).
/// </summary>
public sealed class PatternsLintCommand : Command<PatternsLintSettings>
{
    public override int Execute(CommandContext context, PatternsLintSettings settings, CancellationToken cancellationToken)
    {
        var dir = PatternSet.Find(settings.Patterns);
        if (dir is null)
        {
            Console.Error.WriteLine(settings.Patterns is null ? $"sitrep: no {PatternSet.DefaultRelative} found; use --patterns." : $"sitrep: no pattern folder '{settings.Patterns}'.");
            return ExitCodes.NotFound;
        }
        var sw = Stopwatch.StartNew();
        if (settings.WriteManifest) PatternLinter.WriteManifest(dir);
        var diags = PatternLinter.Lint(dir);
        // The attribution cue lexicon lives beside the patterns and is linted with them.
        var attributionDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar))!, "attribution");
        var attributionDiags = Directory.Exists(attributionDir) ? AttributionLexiconLinter.Lint(attributionDir) : [];
        var attributionErrors = attributionDiags.Count(d => d.Severity == LexiconSeverity.Error);
        var errors = diags.Count(d => d.Severity == PatternSeverity.Error);
        var warnings = diags.Length - errors;
        var set = errors == 0 || diags.All(d => d.Code != "EP001" || d.Line > 0) ? TryLoad(dir) : null;
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("patterns", dir);
                if (set is not null)
                {
                    w.WriteNumber("pattern_count", set.Patterns.Length);
                    w.WriteNumber("code_count", set.Codebook.Codes.Length);
                    w.WriteString("version", set.ModelString);
                }
                w.WriteNumber("errors", errors);
                w.WriteNumber("warnings", warnings);
                w.WriteNumber("attribution_errors", attributionErrors);
                w.WriteNumber("attribution_warnings", attributionDiags.Length - attributionErrors);
                w.WriteStartArray("diagnostics");
                foreach (var d in diags)
                {
                    w.WriteStartObject();
                    w.WriteString("severity", d.Severity == PatternSeverity.Error ? "error" : "warning");
                    w.WriteString("code", d.Code);
                    w.WriteString("file", d.File);
                    w.WriteNumber("line", d.Line);
                    w.WriteString("message", d.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var d in diags) (d.Severity == PatternSeverity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
            var counts = set is null ? "" : $"{set.Patterns.Length} patterns for {set.Codebook.Codes.Length} CAMEO codes; ";
            Console.Out.WriteLine($"patterns lint: {counts}{errors} error(s), {warnings} warning(s) in {sw.ElapsedMilliseconds} ms ({dir}).");
            foreach (var d in attributionDiags) (d.Severity == LexiconSeverity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
            if (Directory.Exists(attributionDir))
                Console.Out.WriteLine($"attribution lexicon lint: {attributionErrors} error(s), {attributionDiags.Length - attributionErrors} warning(s) ({attributionDir}).");
        }
        return errors + attributionErrors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static PatternSet? TryLoad(string dir)
    {
        try { return PatternSet.Load(dir); }
        catch (Exception e) when (e is IOException or FormatException) { return null; }
    }
}
