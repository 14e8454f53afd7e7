namespace Sitrep.Core;

/// <summary>Stable error codes. They are part of the public interface: never renumber or reuse one.</summary>
public static class ErrorCodes
{
    public const string EmptyInput = "SR1001";        // zero bytes, or nothing but whitespace
    public const string BinaryInput = "SR1002";       // not text (NUL bytes, a known binary signature)
    public const string InvalidEncoding = "SR1003";   // bytes invalid in the declared or detected encoding
    public const string TruncatedGzip = "SR1004";     // gzip stream ended early or is corrupt
    public const string TooLarge = "SR1005";          // input over the configured size limit
    public const string TooDeep = "SR1006";           // markup nested deeper than the parser limit
    public const string Timeout = "SR1007";           // fetching a URL or feed timed out
    public const string NotFound = "SR1008";          // path or URL does not exist
    public const string FetchFailed = "SR1009";       // network error or non-success HTTP status
    public const string ParseFailed = "SR1010";       // a reader could not parse the input (bad JSON line, bad feed, bad WARC)
    public const string NoBody = "SR1011";            // the extractor found no article text
    public const string UnsupportedFormat = "SR1012"; // no reader for this input
    public const string StageFailed = "SR2001";       // a pipeline stage threw on this document
    public const string StoreFailed = "SR3001";       // the document could not be written to the store

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmptyInput] = "empty input",
        [BinaryInput] = "binary input",
        [InvalidEncoding] = "invalid text encoding",
        [TruncatedGzip] = "truncated or corrupt gzip",
        [TooLarge] = "input too large",
        [TooDeep] = "markup nested too deep",
        [Timeout] = "timed out",
        [NotFound] = "not found",
        [FetchFailed] = "fetch failed",
        [ParseFailed] = "parse failed",
        [NoBody] = "no article body",
        [UnsupportedFormat] = "unsupported format",
        [StageFailed] = "pipeline stage failed",
        [StoreFailed] = "store write failed",
    };
}

public enum ErrorSeverity { Error, Warning }

/// <summary>
/// A per-document problem: a stable code and a message a user can act on. An error means the document
/// could not be read; a warning means it was read with a caveat (e.g. decoded as windows-1252 after invalid UTF-8).
/// </summary>
public sealed record DocumentError(string Code, string Message, string? Stage = null, ErrorSeverity Severity = ErrorSeverity.Error)
{
    public override string ToString() => $"{Code} {Message}";
}

/// <summary>Thrown by a reader or stage for a problem with one document; the batch goes on.</summary>
public sealed class SitrepException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
    public DocumentError ToError(string? stage = null) => new(Code, Message, stage);

    public static SitrepException Empty(string what) => new(ErrorCodes.EmptyInput, $"{what} is empty.");
}
