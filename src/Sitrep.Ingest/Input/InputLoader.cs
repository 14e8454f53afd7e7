using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Sitrep.Core;

namespace Sitrep.Ingest.Input;

/// <summary>
/// Loads one file, stream or URL into an <see cref="InputSource"/>: size limit, gzip decompression with truncation
/// detection, and for URLs the response's Content-Type and charset. Problems are thrown as <see cref="SitrepException"/>.
/// </summary>
/// <remarks>
/// A gzip file holding a WARC is kept compressed (file name <c>*.warc.gz</c>): the WARC reader decompresses it member by
/// member so one damaged record does not lose the rest. Every other gzip input is decompressed here.
/// </remarks>
public sealed class InputLoader
{
    private readonly ReaderOptions _options;
    private readonly HttpClient _http;
    private readonly long _maxContainerBytes;

    /// <param name="httpClient">Used for URLs; one with automatic decompression is made when null. Its own Timeout is not relied on.</param>
    /// <param name="maxContainerBytes">
    /// Size limit for container files (WARC, JSON Lines, feeds, by file name), which hold many documents; the readers
    /// still apply <see cref="ReaderOptions.MaxBytes"/> to each document. Defaults to <see cref="ReaderOptions.MaxBytes"/>.
    /// </param>
    public InputLoader(ReaderOptions options, HttpClient? httpClient = null, long? maxContainerBytes = null)
    {
        _options = options;
        _http = httpClient ?? CreateHttpClient();
        _maxContainerBytes = Math.Max(maxContainerBytes ?? options.MaxBytes, options.MaxBytes);
    }

    public ReaderOptions Options => _options;

    public static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Sitrep", "0.1"));
        return client;
    }

    /// <summary>Loads a file. Missing → NotFound; over <see cref="ReaderOptions.MaxBytes"/> → TooLarge.</summary>
    public InputSource LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new SitrepException(ErrorCodes.NotFound, Directory.Exists(path) ? $"{path} is a directory." : $"{path} does not exist.");
        CheckSize(path, info.Length, LimitFor(info.Name));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SitrepException(ErrorCodes.NotFound, $"{path} cannot be read: {e.Message}", e);
        }
        return FromBytes(bytes, path, info.Name);
    }

    /// <summary>Reads a stream to its end (with the size limit), e.g. stdin as origin <c>-</c>.</summary>
    public InputSource LoadStream(Stream stream, string origin = "-", string? fileName = null)
    {
        var bytes = ReadLimited(stream, origin, LimitFor(fileName));
        return FromBytes(bytes, origin, fileName);
    }

    /// <summary>Makes an input from bytes already in memory: checks the size and decompresses gzip.</summary>
    public InputSource FromBytes(byte[] bytes, string origin, string? fileName, string? url = null,
        string? contentType = null, string? declaredCharset = null, DateTimeOffset? fetchedAt = null)
    {
        long limit = LimitFor(fileName);
        CheckSize(origin, bytes.LongLength, limit);
        bool gzName = fileName is not null && fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (Gzip.HasMagic(bytes))
        {
            if (IsGzippedWarc(bytes))
            {
                // Kept compressed on purpose; see the class remarks.
                fileName = fileName is null ? "input.warc.gz"
                    : fileName.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) ? fileName
                    : fileName.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) ? fileName + ".gz"
                    : (gzName ? fileName[..^3] : fileName) + ".warc.gz";
                contentType = "application/warc";
            }
            else
            {
                bytes = Gzip.Decompress(bytes, limit, origin);
                if (gzName) fileName = fileName![..^3];
                if (contentType is "application/gzip" or "application/x-gzip") contentType = null;
            }
        }
        else if (gzName)
        {
            // Named .gz but not compressed (e.g. a server already decompressed it): read as is, by the inner name.
            fileName = fileName![..^3];
        }
        return new InputSource
        {
            Origin = origin,
            Bytes = bytes,
            FileName = fileName,
            Url = url,
            ContentType = contentType,
            DeclaredCharset = declaredCharset,
            FetchedAt = fetchedAt,
        };
    }

    /// <summary>Fetches a URL (a page or a feed). Time-out → Timeout; refused, DNS or HTTP error status → FetchFailed; 404/410 → NotFound.</summary>
    public async Task<InputSource> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_options.FetchTimeout);
        var origin = url.ToString();
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                throw new SitrepException(ErrorCodes.NotFound, $"{origin}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            if (!response.IsSuccessStatusCode)
                throw new SitrepException(ErrorCodes.FetchFailed, $"{origin}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            var length = response.Content.Headers.ContentLength;
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            long limit = LimitFor(Path.GetFileName(finalUrl.AbsolutePath));
            if (length is { } n) CheckSize(origin, n, limit);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            var bytes = await ReadLimitedAsync(body, origin, limit, cts.Token).ConfigureAwait(false);
            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            var charset = response.Content.Headers.ContentType?.CharSet;
            var fileName = Path.GetFileName(finalUrl.AbsolutePath);
            return FromBytes(bytes, origin, fileName.Length == 0 ? null : fileName, finalUrl.ToString(), mediaType,
                string.IsNullOrWhiteSpace(charset) ? null : charset.Trim('"'), response.Headers.Date ?? DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SitrepException(ErrorCodes.Timeout,
                $"{origin}: no complete response within {_options.FetchTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (ReaderOptions.FetchTimeout).", e);
        }
        catch (HttpRequestException e)
        {
            throw new SitrepException(ErrorCodes.FetchFailed, $"{origin}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new SitrepException(ErrorCodes.FetchFailed, $"{origin}: connection failed while reading the response: {e.Message}", e);
        }
    }

    /// <summary>Synchronous <see cref="FetchAsync"/> for the (synchronous) reader pipeline.</summary>
    public InputSource Fetch(Uri url, CancellationToken cancellationToken = default) =>
        FetchAsync(url, cancellationToken).GetAwaiter().GetResult();

    private static bool IsGzippedWarc(byte[] bytes) => Gzip.Peek(bytes, 5).AsSpan().SequenceEqual("WARC/"u8);

    private long LimitFor(string? fileName) =>
        FormatSniffer.FromFileName(fileName) is InputFormat.Warc or InputFormat.JsonLines or InputFormat.Feed ? _maxContainerBytes : _options.MaxBytes;

    private void CheckSize(string what, long size, long limit)
    {
        if (size > limit)
            throw new SitrepException(ErrorCodes.TooLarge,
                $"{what} is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes " +
                (limit == _options.MaxBytes ? "(ReaderOptions.MaxBytes)." : "(the container size limit)."));
    }

    private byte[] ReadLimited(Stream stream, string what, long limit)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + n > limit) throw TooLargeWhileReading(what, limit);
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private SitrepException TooLargeWhileReading(string what, long limit) =>
        new(ErrorCodes.TooLarge, $"{what} is over the limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes " +
            (limit == _options.MaxBytes ? "(ReaderOptions.MaxBytes)" : "(the container size limit)") + "; reading stopped there.");

    private async Task<byte[]> ReadLimitedAsync(Stream stream, string what, long limit, CancellationToken cancellationToken)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > limit) throw TooLargeWhileReading(what, limit);
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }
}
