using Sitrep.Core;

namespace Sitrep.Ingest.Input;

public enum CollectedKind { Loaded, Failed, Skipped }

/// <summary>One expanded command-line input: loaded, failed to load (with the error), or skipped (with the reason).</summary>
public sealed record CollectedInput(string Origin, CollectedKind Kind, InputSource? Source = null, DocumentError? Error = null, string? SkipReason = null)
{
    /// <summary>The failure as a reader outcome, so callers can report it like any other per-document error.</summary>
    public ReadOutcome? ToOutcome() => Error is null ? null : new ReadOutcome(Origin, null, Error);
}

/// <summary>
/// Expands command-line arguments into inputs, lazily and in a stable order: files; directories recursively with
/// entries in ordinal order (hidden entries and files that are clearly not articles are skipped with a reason);
/// <c>-</c> for stdin; http(s) URLs. A bad input never stops the sequence.
/// </summary>
public sealed class InputCollector
{
    private static readonly HashSet<string> IrrelevantExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal", ".lock",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".svg", ".tif", ".tiff", ".avif", ".heic",
        ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".mov", ".avi", ".mkv",
        ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".zip", ".tar", ".tgz", ".7z", ".rar", ".bz2", ".xz", ".zst",
        ".exe", ".dll", ".so", ".dylib", ".bin", ".o", ".class", ".jar", ".pyc",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
        ".css", ".js", ".map",
    };

    private readonly InputLoader _loader;
    private readonly Func<Stream> _stdin;

    /// <param name="stdin">Opens standard input for <c>-</c>; <see cref="Console.OpenStandardInput()"/> when null.</param>
    public InputCollector(InputLoader loader, Func<Stream>? stdin = null)
    {
        _loader = loader;
        _stdin = stdin ?? (() => Console.OpenStandardInput());
    }

    public IEnumerable<CollectedInput> Collect(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        foreach (var arg in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (arg == "-")
            {
                yield return Load("-", () => { using var s = _stdin(); return _loader.LoadStream(s, "-"); });
            }
            else if (IsUrl(arg, out var uri))
            {
                yield return Load(arg, () => _loader.Fetch(uri!, cancellationToken));
            }
            else if (Directory.Exists(arg))
            {
                foreach (var item in Walk(arg, cancellationToken)) yield return item;
            }
            else if (File.Exists(arg))
            {
                // A file named explicitly is always tried, even if hidden or oddly named.
                yield return Load(arg, () => _loader.LoadFile(arg));
            }
            else
            {
                yield return new CollectedInput(arg, CollectedKind.Failed,
                    Error: new DocumentError(ErrorCodes.NotFound, $"{arg} does not exist (not a file, directory, '-' or http(s) URL).", "input"));
            }
        }
    }

    /// <summary>Why a file met while walking a directory is skipped, or null to read it.</summary>
    public static string? SkipReason(FileSystemInfo entry)
    {
        if (entry.Name.StartsWith('.')) return "hidden";
        if ((entry.Attributes & FileAttributes.Hidden) != 0) return "hidden";
        if (entry is DirectoryInfo) return entry.LinkTarget is not null ? "symbolic link to a directory (not followed)" : null;
        var name = entry.Name;
        if (name.EndsWith('~')) return "editor backup";
        var ext = Path.GetExtension(name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && name.Length > 3 ? name[..^3] : name);
        if (IrrelevantExtensions.Contains(ext)) return $"not an article file ({ext})";
        return null;
    }

    private IEnumerable<CollectedInput> Walk(string directory, CancellationToken cancellationToken)
    {
        FileSystemInfo[] entries;
        string? error = null;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entries = [];
            error = e.Message;
        }
        if (error is not null)
        {
            yield return new CollectedInput(directory, CollectedKind.Failed,
                Error: new DocumentError(ErrorCodes.NotFound, $"{directory} cannot be listed: {error}", "input"));
            yield break;
        }
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, entry.Name);
            var reason = SkipReason(entry);
            if (reason is not null)
            {
                yield return new CollectedInput(path, CollectedKind.Skipped, SkipReason: reason);
                continue;
            }
            if (entry is DirectoryInfo)
            {
                foreach (var item in Walk(path, cancellationToken)) yield return item;
            }
            else
            {
                yield return Load(path, () => _loader.LoadFile(path));
            }
        }
    }

    private static CollectedInput Load(string origin, Func<InputSource> load)
    {
        try
        {
            return new CollectedInput(origin, CollectedKind.Loaded, load());
        }
        catch (SitrepException e)
        {
            return new CollectedInput(origin, CollectedKind.Failed, Error: e.ToError("input"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CollectedInput(origin, CollectedKind.Failed, Error: new DocumentError(ErrorCodes.NotFound, $"{origin} cannot be read: {e.Message}", "input"));
        }
    }

    private static bool IsUrl(string arg, out Uri? uri)
    {
        uri = null;
        if (!arg.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !arg.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return false;
        return Uri.TryCreate(arg, UriKind.Absolute, out uri);
    }
}
