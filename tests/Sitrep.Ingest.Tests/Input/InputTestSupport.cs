using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Sitrep.Core;

namespace Sitrep.Ingest.Tests.Input;

/// <summary>A stand-in for the HTML and text readers: records every input it is handed and returns a trivial document.</summary>
public sealed class RecordingReader(string name = "fake") : IDocumentReader
{
    public List<InputSource> Seen { get; } = [];

    /// <summary>When set and it returns an exception for an input, that exception is thrown instead of reading.</summary>
    public Func<InputSource, Exception?>? Fail { get; init; }

    public string Name => name;

    public IEnumerable<ReadOutcome> Read(InputSource source, ReaderOptions options, CancellationToken cancellationToken = default)
    {
        Seen.Add(source);
        if (Fail?.Invoke(source) is { } e) throw e;
        var text = Encoding.UTF8.GetString(source.Bytes);
        var raw = new SourceText(text, source.Bytes, "utf-8");
        var metadata = (source.KnownMetadata ?? new DocumentMetadata { Reader = name, Origin = source.Origin }) with { Origin = source.Origin };
        var doc = new Document(DocumentIds.For(source.Url, source.Origin, raw.Sha256()), raw, raw, OffsetMap.Identity(text.Length), metadata);
        return [ReadOutcome.Read(doc)];
    }
}

/// <summary>A temporary directory deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-h4-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class TestBytes
{
    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    /// <summary>Deterministic text that does not compress to nothing, so a cut gzip loses real data.</summary>
    public static string NoisyText(int length, int seed = 7)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            int word = rnd.Next(2, 10);
            for (int i = 0; i < word; i++) sb.Append((char)('a' + rnd.Next(26)));
            sb.Append(rnd.Next(12) == 0 ? ".\n" : " ");
        }
        return sb.ToString(0, length);
    }

    /// <summary>
    /// Locates tests/Sitrep.Ingest.Tests/Fixtures: the fixtures are not copied to the output, and the output may live
    /// outside the repository (--artifacts-path), so look up from this source file first, then from the binaries and
    /// the working directory.
    /// </summary>
    public static string Fixture(string name, [CallerFilePath] string callerPath = "")
    {
        var starts = new[] { System.IO.Path.GetDirectoryName(callerPath), AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start)) continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "tests", "Sitrep.Ingest.Tests", "Fixtures", name);
                if (File.Exists(candidate)) return candidate;
                candidate = System.IO.Path.Combine(dir.FullName, "Fixtures", name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException($"Fixture {name} not found above {callerPath} or {AppContext.BaseDirectory}.");
    }
}
