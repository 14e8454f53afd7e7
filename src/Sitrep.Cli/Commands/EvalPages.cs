using System.ComponentModel;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands;

/// <summary>Reads evaluation pages through the same loader and HTML reader that ingestion uses.</summary>
public static class EvalPages
{
    /// <summary>Finds the page file for an id: the name itself, or id + .html/.htm/.html.gz.</summary>
    public static string? Find(string pagesDir, string idOrFile)
    {
        foreach (var candidate in new[] { idOrFile, idOrFile + ".html", idOrFile + ".htm", idOrFile + ".html.gz" })
        {
            var path = Path.Combine(pagesDir, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>The document read from a page, or the error that stopped it.</summary>
    public static (Document? Document, DocumentError? Error) Read(string path, string? url, ReaderOptions options)
    {
        try
        {
            var source = new InputLoader(options).LoadFile(path) with { Url = url };
            var doc = new HtmlReader().ReadPage(source, options);
            return (doc, null);
        }
        catch (SitrepException e)
        {
            return (null, e.ToError("read"));
        }
    }
}

/// <summary>Options shared by the evaluations that read a truth file and a folder of pages.</summary>
public class EvalPagesSettings : CommandSettings
{
    [CommandOption("--truth <FILE>")]
    [Description("The truth file (format per command).")]
    public string Truth { get; init; } = "";

    [CommandOption("--pages <DIR>")]
    [Description("Folder of the pages.")]
    public string Pages { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Write Sitrep's predictions as JSON, to check with the reference scorer.")]
    public string? Out { get; init; }

    [CommandOption("--json")]
    [Description("Print the scores as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (!File.Exists(Truth) && !Directory.Exists(Truth)) return ValidationResult.Error($"--truth: no file or folder '{Truth}'.");
        if (!Directory.Exists(Pages)) return ValidationResult.Error($"--pages: no folder '{Pages}'.");
        return ValidationResult.Success();
    }
}
