using System.Globalization;
using System.Text;
using Sitrep.Ingest.Tests.Input;

namespace Sitrep.Ingest.Tests.Readers;

/// <summary>Builds WARC files in code from small hand-written pages, so the tests need no binary fixtures.</summary>
public sealed class WarcFixtureBuilder
{
    private readonly List<byte[]> _records = [];
    private int _id;

    public string Version { get; init; } = "WARC/1.1";

    public IReadOnlyList<byte[]> Records => _records;

    public WarcFixtureBuilder Warcinfo() =>
        Add("warcinfo", null, "application/warc-fields", "software: sitrep-test-builder\r\nformat: WARC File Format 1.1\r\n"u8.ToArray());

    public WarcFixtureBuilder Request(string uri) =>
        Add("request", uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\nUser-Agent: test\r\n\r\n"));

    public WarcFixtureBuilder Metadata(string uri) =>
        Add("metadata", uri, "application/warc-fields", "outlinks: https://example.org/\r\n"u8.ToArray());

    public WarcFixtureBuilder Resource(string uri, string contentType, string body) =>
        Add("resource", uri, contentType, Encoding.UTF8.GetBytes(body));

    /// <param name="body">The body as the server meant it; chunked and gzip codings are applied here.</param>
    public WarcFixtureBuilder Response(string uri, string contentType, byte[] body, int status = 200, string reason = "OK",
        bool chunked = false, bool gzip = false, string date = "2025-06-03T10:15:00Z", IEnumerable<string>? extraHeaders = null)
    {
        var payload = gzip ? TestBytes.Gzip(body) : body;
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        head.Append("Server: test\r\n");
        if (contentType.Length > 0) head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        if (gzip) head.Append("Content-Encoding: gzip\r\n");
        foreach (var h in extraHeaders ?? []) head.Append(h).Append("\r\n");
        byte[] wire;
        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n\r\n");
            using var ms = new MemoryStream();
            for (int i = 0; i < payload.Length; i += 37)
            {
                int n = Math.Min(37, payload.Length - i);
                ms.Write(Encoding.ASCII.GetBytes(n.ToString("x", CultureInfo.InvariantCulture) + (i == 0 ? ";ext=1" : "") + "\r\n"));
                ms.Write(payload, i, n);
                ms.Write("\r\n"u8);
            }
            ms.Write("0\r\nX-Trailer: done\r\n\r\n"u8);
            wire = [.. Encoding.ASCII.GetBytes(head.ToString()), .. ms.ToArray()];
        }
        else
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n\r\n");
            wire = [.. Encoding.ASCII.GetBytes(head.ToString()), .. payload];
        }
        return Add("response", uri, "application/http; msgtype=response", wire, date);
    }

    public WarcFixtureBuilder Response(string uri, string contentType, string html, int status = 200) =>
        Response(uri, contentType, Encoding.UTF8.GetBytes(html), status, status == 200 ? "OK" : "Not Found");

    /// <summary>Appends bytes as they are, for damaged records.</summary>
    public WarcFixtureBuilder Raw(byte[] record)
    {
        _records.Add(record);
        return this;
    }

    public WarcFixtureBuilder Add(string type, string? uri, string contentType, byte[] block, string date = "2025-06-03T10:15:00Z")
    {
        _id++;
        var h = new StringBuilder();
        h.Append(Version).Append("\r\n");
        h.Append("WARC-Type: ").Append(type).Append("\r\n");
        h.Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{_id:D12}>\r\n");
        h.Append("WARC-Date: ").Append(date).Append("\r\n");
        if (uri is not null) h.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
        h.Append("Content-Type: ").Append(contentType).Append("\r\n");
        h.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        _records.Add([.. Encoding.ASCII.GetBytes(h.ToString()), .. block, .. "\r\n\r\n"u8]);
        return this;
    }

    public byte[] ToWarc() => [.. _records.SelectMany(r => r)];

    /// <summary>One gzip member per record, as crawlers write them.</summary>
    public byte[] ToWarcGz() => [.. _records.SelectMany(TestBytes.Gzip)];
}
