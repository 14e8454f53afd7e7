using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Sitrep.Bench;

/// <summary>The benchmark inputs, read from ../shared at run time (never copied into the repository).</summary>
public static class Corpora
{
    public static string RepoRoot => RepoPaths.Root;

    public static string SharedPath(params string[] parts) => Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));

    /// <summary>The 80 fundus news pages, decompressed, as (name, bytes).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> FundusPages()
    {
        var dir = SharedPath("data", "extraction", "fundus", "html");
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Benchmark pages not found at {dir}.");
        return Directory.GetFiles(dir, "*.html.gz").Order(StringComparer.Ordinal).Select(f =>
        {
            using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return (Path.GetFileName(f), ms.ToArray());
        }).ToList();
    }

    /// <summary>
    /// A plain-text corpus of running English: the sentences of the UD English treebanks (EWT, GUM) grouped
    /// into articles of about 25 sentences, with blank lines between paragraphs of five.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> TextArticles()
    {
        var dir = SharedPath("data", "ud");
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Treebanks not found at {dir}.");
        var articles = new List<(string, byte[])>();
        var sb = new StringBuilder();
        int sentences = 0;
        foreach (var file in Directory.GetFiles(dir, "*.conllu").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (!line.StartsWith("# text = ", StringComparison.Ordinal)) continue;
                sb.Append(line, 9, line.Length - 9);
                sentences++;
                sb.Append(sentences % 5 == 0 ? "\n\n" : " ");
                if (sentences % 25 == 0)
                {
                    articles.Add(($"ud-{articles.Count:D5}.txt", Encoding.UTF8.GetBytes(sb.ToString())));
                    sb.Clear();
                }
            }
        }
        return articles;
    }
}
