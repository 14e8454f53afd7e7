using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Nlp.Tagging;

/// <summary>
/// A trained POS tagger and lemmatizer. Classes are joint (UPOS, XPOS) pairs seen in training, so the two tag sets always agree.
/// Weights are sparse per feature (only the classes a feature ever voted for) and quantized to 16 bits on disk.
/// </summary>
public sealed class PosModel
{
    public const string Magic = "SITREP-POS";
    public const int FormatVersion = 1;

    internal PosModel(string[] upos, string[] xpos, int[] classUpos, int[] classXpos, Dictionary<ulong, ulong> ambiguity,
        LinearModel[] passes, Lemmatizer lemmatizer, string description)
    {
        Upos = upos; Xpos = xpos; ClassUpos = classUpos; ClassXpos = classXpos; Ambiguity = ambiguity;
        Passes = passes; Lemmatizer = lemmatizer; Description = description;
        AmbiguityMap = new UInt64Map<ulong>(ambiguity.Count);
        foreach (var (k, v) in ambiguity) AmbiguityMap.Set(k, v);
    }

    /// <summary>UPOS tag names, indexed by UPOS id.</summary>
    public IReadOnlyList<string> Upos { get; }
    /// <summary>XPOS tag names, indexed by XPOS id.</summary>
    public IReadOnlyList<string> Xpos { get; }
    internal int[] ClassUpos { get; }
    internal int[] ClassXpos { get; }
    public int ClassCount => ClassUpos.Length;
    internal Dictionary<ulong, ulong> Ambiguity { get; }
    /// <summary>One pass, or two: the second sees the first pass's tags on both sides (stacking).</summary>
    internal LinearModel[] Passes { get; }
    internal UInt64Map<ulong> AmbiguityMap { get; }
    public Lemmatizer Lemmatizer { get; }
    /// <summary>Free text stored in the header: training data and options.</summary>
    public string Description { get; }
    public int FeatureCount => Passes.Sum(p => p.Keys.Length);

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var fs = File.Create(path);
        Save(fs);
    }

    /// <summary>Little-endian binary; every table is written in a sorted order so that the same model gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Description);
        // Hashing parameters: the template set is versioned with the format; FNV-1a + splitmix64 over UTF-16 units.
        w.Write("fnv1a64+splitmix64/utf16");
        w.Write(PosFeatures.MaxFeatures);
        w.Write(Upos.Count); foreach (var t in Upos) w.Write(t);
        w.Write(Xpos.Count); foreach (var t in Xpos) w.Write(t);
        w.Write(ClassCount);
        for (int c = 0; c < ClassCount; c++) { w.Write((byte)ClassUpos[c]); w.Write((byte)ClassXpos[c]); }

        var amb = Ambiguity.OrderBy(p => p.Key).ToArray();
        w.Write(amb.Length);
        foreach (var (k, v) in amb) { w.Write(k); w.Write(v); }

        w.Write(Passes.Length);
        foreach (var p in Passes) p.Write(w);

        var lem = Lemmatizer;
        w.Write(lem.Scripts.Count);
        foreach (var s in lem.Scripts) { w.Write(s.Lower); w.Write(s.Strip); w.Write(s.Append); }
        var known = lem.Known.OrderBy(p => p.Key).ToArray();
        w.Write(known.Length);
        foreach (var (k, v) in known) { w.Write(k); w.Write(v); }
        foreach (var table in new[] { lem.KnownLower, lem.Suffix })
        {
            var rows = table.OrderBy(p => p.Key).ToArray();
            w.Write(rows.Length);
            foreach (var (k, v) in rows) { w.Write(k); w.Write(v); }
        }
        w.Write(lem.Casing.Length);
        w.Write(lem.Casing);
        w.Write("END");
    }

    public static PosModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    public static PosModel Load(Stream stream)
    {
        using var r = new BinaryReader(new BufferedStream(stream, 1 << 16), new UTF8Encoding(false), leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a Sitrep POS model.");
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"POS model format {version} is not supported (expected {FormatVersion}).");
        var description = r.ReadString();
        var hashing = r.ReadString();
        if (hashing != "fnv1a64+splitmix64/utf16") throw new InvalidDataException($"Unknown feature hashing '{hashing}'.");
        r.ReadInt32();
        var upos = new string[r.ReadInt32()]; for (int i = 0; i < upos.Length; i++) upos[i] = string.Intern(r.ReadString());
        var xpos = new string[r.ReadInt32()]; for (int i = 0; i < xpos.Length; i++) xpos[i] = string.Intern(r.ReadString());
        int nc = r.ReadInt32();
        var cu = new int[nc]; var cx = new int[nc];
        for (int c = 0; c < nc; c++) { cu[c] = r.ReadByte(); cx[c] = r.ReadByte(); }
        int na = r.ReadInt32();
        var amb = new Dictionary<ulong, ulong>(na);
        for (int i = 0; i < na; i++) amb[r.ReadUInt64()] = r.ReadUInt64();
        var passes = new LinearModel[r.ReadInt32()];
        if (passes.Length is < 1 or > 2) throw new InvalidDataException("POS model: bad pass count.");
        for (int i = 0; i < passes.Length; i++) passes[i] = LinearModel.Read(r);
        var scripts = new LemmaScript[r.ReadInt32()];
        for (int i = 0; i < scripts.Length; i++) scripts[i] = new LemmaScript(r.ReadBoolean(), r.ReadInt32(), r.ReadString());
        int nk = r.ReadInt32();
        var known = new Dictionary<ulong, string>(nk);
        for (int i = 0; i < nk; i++) known[r.ReadUInt64()] = string.Intern(r.ReadString());
        var tables = new Dictionary<ulong, int>[2];
        for (int t = 0; t < 2; t++)
        {
            int n = r.ReadInt32();
            tables[t] = new Dictionary<ulong, int>(n);
            for (int i = 0; i < n; i++) tables[t][r.ReadUInt64()] = r.ReadInt32();
        }
        var casing = r.ReadBytes(r.ReadInt32());
        if (r.ReadString() != "END") throw new InvalidDataException("POS model is truncated.");
        return new PosModel(upos, xpos, cu, cx, amb, passes, new Lemmatizer(known, tables[0], tables[1], scripts, casing), description);
    }

    public static string Sha256(string path) => Sitrep.Core.DataFileHash.Sha256(path);
}
