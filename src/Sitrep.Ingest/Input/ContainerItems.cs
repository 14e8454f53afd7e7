using Sitrep.Core;

namespace Sitrep.Ingest.Input;

/// <summary>Helpers shared by the container readers (JSON Lines, feeds, WARC) for handing items to an inner reader.</summary>
public static class ContainerItems
{
    /// <summary>
    /// Runs <paramref name="reader"/> on one item. An exception from it becomes an error outcome for that item only,
    /// so one bad item never ends the container. <paramref name="warnings"/> (e.g. the container's decoding caveats)
    /// are added to every document read.
    /// </summary>
    public static IEnumerable<ReadOutcome> ReadItem(IDocumentReader reader, InputSource item, ReaderOptions options,
        IReadOnlyList<DocumentError>? warnings, CancellationToken cancellationToken)
    {
        IEnumerator<ReadOutcome>? e = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOutcome? next;
                bool stop = false;
                try
                {
                    e ??= reader.Read(item, options, cancellationToken).GetEnumerator();
                    next = e.MoveNext() ? e.Current : null;
                    if (next is null) stop = true;
                }
                catch (SitrepException ex)
                {
                    next = ReadOutcome.Failed(item.Origin, ex, InputHash.Sha256(item.Bytes));
                    stop = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    next = ReadOutcome.Failed(item.Origin,
                        new SitrepException(ErrorCodes.ParseFailed, $"{item.Origin}: the {reader.Name} reader failed: {ex.GetType().Name}: {ex.Message}", ex),
                        InputHash.Sha256(item.Bytes));
                    stop = true;
                }
                if (next is not null) yield return AddWarnings(next, warnings);
                if (stop) yield break;
            }
        }
        finally
        {
            e?.Dispose();
        }
    }

    private static ReadOutcome AddWarnings(ReadOutcome outcome, IReadOnlyList<DocumentError>? warnings)
    {
        if (warnings is null || warnings.Count == 0 || outcome.Document is null) return outcome;
        var doc = outcome.Document;
        foreach (var w in warnings) doc = doc.WithError(w);
        return outcome with { Document = doc };
    }

    /// <summary>An error outcome for one item of a container.</summary>
    public static ReadOutcome Error(string origin, string code, string message, byte[]? bytes = null) =>
        ReadOutcome.Failed(origin, new SitrepException(code, message), bytes is null ? null : InputHash.Sha256(bytes));

    /// <summary>The last path segment of a URL, for picking a reader by extension; null when there is none.</summary>
    public static string? FileNameOfUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var name = Path.GetFileName(uri.AbsolutePath);
        return name.Length == 0 ? null : name;
    }
}
