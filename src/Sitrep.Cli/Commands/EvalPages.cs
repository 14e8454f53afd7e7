using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;
using Sitrep.Ingest.Readers;

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
