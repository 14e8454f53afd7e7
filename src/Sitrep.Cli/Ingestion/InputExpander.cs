using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ingest.Input;

namespace Sitrep.Cli.Ingestion;

/// <summary>One command-line input, loaded or failed. A failure never stops the others.</summary>
public sealed record LoadedInput(string Origin, InputSource? Source, DocumentError? Error);

/// <summary>
/// Expands command-line arguments (files, directories, <c>-</c> for stdin, http(s) URLs of pages or feeds)
/// into loaded inputs, lazily and in a stable order.
/// </summary>
public sealed class InputExpander(InputLoader loader)
{
    // In directory walks only these are read; an explicitly named file is always read.
    private static readonly string[] ArticleExtensions =
        [".txt", ".text", ".html", ".htm", ".xhtml", ".gz", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", ".warc", ".json"];

    private static readonly string[] NotArticles = ["readme", "license", "licence", "notice", "changelog"];

    public int Skipped { get; private set; }

    public IEnumerable<LoadedInput> Expand(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        foreach (var arg in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (arg == "-")
            {
                yield return Load("-", () => loader.LoadStream(Console.OpenStandardInput(), "-"));
            }
            else if (Uri.TryCreate(arg, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                yield return Load(arg, () => loader.Fetch(uri, cancellationToken));
            }
            else if (Directory.Exists(arg))
            {
                foreach (var file in WalkDirectory(arg))
                    yield return Load(file, () => loader.LoadFile(file));
            }
            else
            {
                yield return Load(arg, () => loader.LoadFile(arg));
            }
        }
    }

    private IEnumerable<string> WalkDirectory(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.GetDirectories(dir).OrderByDescending(d => d, StringComparer.Ordinal))
                if (!Path.GetFileName(sub).StartsWith('.')) pending.Push(sub);
            foreach (var f in Directory.GetFiles(dir))
            {
                var name = Path.GetFileName(f);
                if (name.StartsWith('.')) continue;
                var lower = name.ToLowerInvariant();
                if (!ArticleExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || NotArticles.Any(n => lower.StartsWith(n, StringComparison.Ordinal)))
                {
                    Skipped++;
                    continue;
                }
                files.Add(f);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static LoadedInput Load(string origin, Func<InputSource> load)
    {
        try
        {
            return new LoadedInput(origin, load(), null);
        }
        catch (SitrepException e)
        {
            return new LoadedInput(origin, null, e.ToError("load"));
        }
        catch (IOException e)
        {
            return new LoadedInput(origin, null, new DocumentError(ErrorCodes.NotFound, $"Could not read {origin}: {e.Message}", "load"));
        }
        catch (UnauthorizedAccessException e)
        {
            return new LoadedInput(origin, null, new DocumentError(ErrorCodes.NotFound, $"Could not read {origin}: {e.Message}", "load"));
        }
    }
}
