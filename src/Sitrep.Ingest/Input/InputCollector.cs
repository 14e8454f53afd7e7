using Sitrep.Core;

namespace Sitrep.Ingest.Input;

public enum CollectedKind
{
    /// <summary>Named but not read yet (see <see cref="InputCollector.Plan"/>).</summary>
    Planned,
    Loaded,
    Failed,
    Skipped,
}

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

    // A folder of articles often carries its own README or licence; those are not news.
    private static readonly string[] ProjectDocuments = ["README", "LICENSE", "LICENCE", "NOTICE", "CHANGELOG", "CONTRIBUTING"];

    private readonly InputLoader _loader;
    private readonly Func<Stream> _stdin;

    /// <param name="stdin">Opens standard input for <c>-</c>; <see cref="Console.OpenStandardInput()"/> when null.</param>
    public InputCollector(InputLoader loader, Func<Stream>? stdin = null)
    {
        _loader = loader;
        _stdin = stdin ?? (() => Console.OpenStandardInput());
    }

    /// <summary>
    /// The inputs the arguments name, in order, without reading any: folders expanded (recursive, ordinal order,
    /// skipped entries kept with their reason), files, URLs and <c>-</c> as given, missing paths as failures.
    /// Knowing the count first lets a caller show progress.
    /// </summary>
    public IReadOnlyList<CollectedInput> Plan(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var plan = new List<CollectedInput>();
        foreach (var arg in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (arg is StandardInput or StandardInputArgument)
                plan.Add(new CollectedInput(StandardInput, CollectedKind.Planned));
            else if (IsUrl(arg, out _) || File.Exists(arg))
                plan.Add(new CollectedInput(arg, CollectedKind.Planned));
            else if (Directory.Exists(arg))
                Walk(arg, plan, cancellationToken);
            else
                plan.Add(new CollectedInput(arg, CollectedKind.Failed,
                    Error: new DocumentError(ErrorCodes.NotFound, $"{arg} does not exist (not a file, directory, '-' or http(s) URL).", "input")));
        }
        return plan;
    }

    /// <summary>The input name of standard input, as users write it.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// What the command line hands on for a lone "-": its parser takes "-" for an option with no name, so the CLI
    /// passes this instead; it reads as <see cref="StandardInput"/>.
    /// </summary>
    public const string StandardInputArgument = "\u0000stdin";

    /// <summary>Loads a planned input (a file, an http(s) URL, or <c>-</c>); other entries are returned as they are. Never throws for a bad input.</summary>
    public CollectedInput Load(CollectedInput planned, CancellationToken cancellationToken = default)
    {
        if (planned.Kind != CollectedKind.Planned) return planned;
        var origin = planned.Origin;
        if (origin == "-") return Load("-", () => { using var s = _stdin(); return _loader.LoadStream(s, "-"); });
        // A file named explicitly is always tried, even if hidden or oddly named.
        if (IsUrl(origin, out var uri)) return Load(origin, () => _loader.Fetch(uri!, cancellationToken));
        return Load(origin, () => _loader.LoadFile(origin));
    }

    public IEnumerable<CollectedInput> Collect(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        LoadAll(Plan(arguments, cancellationToken), DefaultConcurrentFetches, cancellationToken);

    /// <summary>http(s) inputs fetched at once by default: fetching a page is mostly waiting on the network.</summary>
    public const int DefaultConcurrentFetches = 8;

    /// <summary>
    /// Loads planned inputs, in their order. http(s) URLs are fetched up to <paramref name="concurrentFetches"/> at a time,
    /// ahead of the input being read (at most twice that many wait, each held to the size limit); files and stdin load
    /// when their turn comes, so a large local file is never held early.
    /// </summary>
    public IEnumerable<CollectedInput> LoadAll(IReadOnlyList<CollectedInput> planned, int concurrentFetches = DefaultConcurrentFetches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planned);
        bool IsFetch(CollectedInput p) => p.Kind == CollectedKind.Planned && IsUrl(p.Origin, out _);
        var fetched = OrderedParallel.Map(planned, p => IsFetch(p) ? Load(p, cancellationToken) : p,
            planned.Any(IsFetch) ? Math.Max(1, concurrentFetches) : 1, cancellationToken);
        foreach (var input in fetched)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Load(input, cancellationToken);
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
        if (ProjectDocuments.Any(d => name.StartsWith(d, StringComparison.OrdinalIgnoreCase))) return "project documentation, not an article";
        var ext = Path.GetExtension(name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && name.Length > 3 ? name[..^3] : name);
        if (IrrelevantExtensions.Contains(ext)) return $"not an article file ({ext})";
        return null;
    }

    private static void Walk(string directory, List<CollectedInput> plan, CancellationToken cancellationToken)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Add(new CollectedInput(directory, CollectedKind.Failed,
                Error: new DocumentError(ErrorCodes.NotFound, $"{directory} cannot be listed: {e.Message}", "input")));
            return;
        }
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, entry.Name);
            var reason = SkipReason(entry);
            if (reason is not null)
                plan.Add(new CollectedInput(path, CollectedKind.Skipped, SkipReason: reason));
            else if (entry is DirectoryInfo)
                Walk(path, plan, cancellationToken);
            else
                plan.Add(new CollectedInput(path, CollectedKind.Planned));
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
