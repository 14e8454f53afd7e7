using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Core;

namespace Sitrep.Storage.Tests;

/// <summary>A clock that only moves when told: stored times are deterministic.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A temp-file store, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-test-" + Guid.NewGuid().ToString("N") + ".db");
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private SitrepStore? _store;

    public SitrepStore Store => _store ??= SitrepStore.Open(Path, Clock);

    /// <summary>Closes the store, so the next <see cref="Store"/> reopens the file.</summary>
    public void Close()
    {
        _store?.Dispose();
        _store = null;
    }

    public long Count(string table)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM " + table;
        return (long)cmd.ExecuteScalar()!;
    }

    public IReadOnlyDictionary<string, long> AllCounts() =>
        new[] { "ingest_runs", "raw_inputs", "documents", "document_warnings", "errors", "lsh_bands", "simhash_blocks", "schema_migrations" }
            .ToDictionary(t => t, Count, StringComparer.Ordinal);

    public void Dispose()
    {
        Close();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}

internal static class Docs
{
    /// <summary>An HTML-ish raw text whose clean text drops the tags and decodes &amp;amp;, with the map built alongside.</summary>
    public static Document Html(string body, string? url, string origin = "crawl.warc#record-1", string encoding = "utf-8",
        DocumentMetadata? metadata = null, string? rawPrefix = null)
    {
        var raw = (rawPrefix ?? "<html><body>") + "<p>" + body.Replace("&", "&amp;", StringComparison.Ordinal) + "</p></body></html>";
        var b = new CleanTextBuilder(raw);
        int start = raw.IndexOf("<p>", StringComparison.Ordinal) + 3;
        int end = raw.IndexOf("</p>", StringComparison.Ordinal);
        int i = start;
        while (i < end)
        {
            if (raw.AsSpan(i).StartsWith("&amp;", StringComparison.Ordinal))
            {
                b.Append("&", TextSpan.FromLength(i, 5));
                i += 5;
            }
            else
            {
                b.Copy(TextSpan.FromLength(i, 1));
                i++;
            }
        }
        var (clean, map) = b.Build();
        var bytes = TextEncodings.Get(encoding).GetBytes(raw);
        var meta = (metadata ?? new DocumentMetadata { Reader = "html/test-1", Origin = origin }) with { Url = url, Origin = origin };
        var id = "r" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        return new Document(id, new SourceText(raw, bytes, encoding), new SourceText(clean), map, meta);
    }

    /// <summary>Synthetic de-duplication hashes: <paramref name="seed"/> picks the MinHash and SimHash; the body key comes from the text.</summary>
    public static ContentHashes Hashes(Document doc, int seed) => Hashes(doc.Text.Text, seed);

    public static ContentHashes Hashes(string cleanText, int seed)
    {
        var rng = new Random(seed); // seeded: deterministic
        var minhash = new uint[128];
        for (int i = 0; i < minhash.Length; i++) minhash[i] = (uint)rng.NextInt64(0, uint.MaxValue);
        ulong simhash = (ulong)rng.NextInt64() ^ ((ulong)rng.NextInt64() << 32);
        return new ContentHashes(BodyKey(cleanText), simhash, minhash);
    }

    /// <summary><paramref name="basis"/> with <paramref name="changed"/> MinHash values replaced: estimated Jaccard (128 − changed)/128.</summary>
    public static ContentHashes Near(ContentHashes basis, string cleanText, int changed, ulong? simhash = null)
    {
        var minhash = basis.MinHash.ToArray();
        for (int i = 0; i < changed; i++) minhash[i * (128 / Math.Max(changed, 1)) % 128] ^= 0x5A5A5A5Au;
        // By default a SimHash far from the basis (and from other texts), so only the MinHash decides.
        ulong far = ~basis.SimHash ^ BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(cleanText)), 0) & 0x00FF_00FF_00FF_00FFUL;
        return new ContentHashes(BodyKey(cleanText), simhash ?? far, minhash);
    }

    public static string BodyKey(string cleanText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cleanText.ToLowerInvariant())));
}
