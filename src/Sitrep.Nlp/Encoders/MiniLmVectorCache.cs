using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Nlp.Encoders;

/// <summary>
/// Encodes many sentences with a <see cref="MiniLmEncoder"/>, optionally through a cache folder: training runs the encoder over
/// ~250k words, which takes minutes on one core, so repeated runs (tuning folds, retraining) read the vectors back instead.
/// One append-only file per encoder version; each sentence is keyed by the sha256 of its word forms, so a vector is only
/// ever read back for the very same words. Vectors are stored as float16 (half the disk, far below the perceptron's resolution).
/// </summary>
public static class MiniLmVectorCache
{
    private const int KeyBytes = 16;

    public static List<float[]> Encode(MiniLmEncoder encoder, IReadOnlyList<IReadOnlyList<string>> sentences, string? cacheDir, Action<string>? log = null)
    {
        Dictionary<string, float[]> cached = new(StringComparer.Ordinal);
        string? path = null;
        if (cacheDir is not null)
        {
            Directory.CreateDirectory(cacheDir);
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(encoder.Version)))[..16];
            path = Path.Combine(cacheDir, $"minilm-{version}.vec");
            if (File.Exists(path)) cached = Read(path);
        }
        var result = new List<float[]>(sentences.Count);
        var fresh = new List<(string Key, float[] Vectors)>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long words = 0; int encoded = 0;
        foreach (var s in sentences)
        {
            var key = Key(s);
            if (!cached.TryGetValue(key, out var v))
            {
                v = encoder.Encode(s);
                cached[key] = v;
                fresh.Add((key, v));
                words += s.Count;
                if (log is not null && ++encoded % 2000 == 0)
                    log(string.Create(CultureInfo.InvariantCulture, $"MiniLM: {encoded} sentences encoded, {words / sw.Elapsed.TotalSeconds:0} words/s"));
            }
            result.Add(v);
        }
        if (path is not null && fresh.Count > 0) Append(path, fresh);
        return result;
    }

    private static string Key(IReadOnlyList<string> forms)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in forms) { h.AppendData(Encoding.UTF8.GetBytes(f)); h.AppendData("\u0001"u8); }
        return Convert.ToHexStringLower(h.GetHashAndReset().AsSpan(0, KeyBytes));
    }

    private static void Append(string path, List<(string Key, float[] Vectors)> items)
    {
        using var w = new BinaryWriter(new BufferedStream(new FileStream(path, FileMode.Append, FileAccess.Write), 1 << 20));
        foreach (var (key, v) in items)
        {
            w.Write(Convert.FromHexString(key));
            w.Write(v.Length);
            foreach (var x in v) w.Write((Half)x);
        }
    }

    private static Dictionary<string, float[]> Read(string path)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var r = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20));
        try
        {
            while (true)
            {
                var key = r.ReadBytes(KeyBytes);
                if (key.Length < KeyBytes) break;
                var v = new float[r.ReadInt32()];
                for (int j = 0; j < v.Length; j++) v[j] = (float)r.ReadHalf();
                result[Convert.ToHexStringLower(key)] = v;
            }
        }
        catch (EndOfStreamException)
        {
            // A run stopped while appending: its last record is incomplete and simply encoded again.
        }
        return result;
    }
}
