using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// A trained NER model: a BIO tagger (averaged perceptron, hashed features; decoded greedily or with a beam, see
/// <see cref="DecodeBeam"/>), the word-case statistics and the gazetteer it was trained with. Classes: 0 = O, then B, I for
/// each type in <see cref="Types"/>. (BIO rather than BILOU: a greedy tagger cannot see where a mention ends, and BILOU's
/// forced continuations after a wrong I glued words onto names.)
/// </summary>
public sealed class NerModel
{
    public const string Magic = "SITREP-NER";
    /// <summary>2: the feature templates of NER model 1.2 (prefixes, sentence case profile, more context); a format-1 model
    /// would be read with features it was not trained on, so it is refused.</summary>
    public const int FormatVersion = 2;
    /// <summary>3: format 2 plus the decoder's beam width after the description. Written only for a beam wider than 1, so a
    /// greedy model keeps format 2 and its bytes.</summary>
    public const int BeamFormatVersion = 3;

    internal NerModel(string[] types, IReadOnlyList<KeyValuePair<ulong, ulong>> caseStats, IReadOnlyList<GazetteerEntry> gazetteer,
        NerLinear weights, string description, int decodeBeam = 1)
    {
        if (decodeBeam < 1) throw new ArgumentOutOfRangeException(nameof(decodeBeam), "The beam width is at least 1.");
        Types = types; CaseStatsList = caseStats; Weights = weights; Description = description; DecodeBeam = decodeBeam;
        CaseStats = new UInt64Table(caseStats);
        Gazetteer = new NerGazetteer(gazetteer);
        ClassCount = 1 + 2 * types.Length;
        Allowed = BuildTransitions(types.Length);
    }

    /// <summary>Entity types the tagger predicts (PER, ORG, LOC).</summary>
    public IReadOnlyList<string> Types { get; }
    public int ClassCount { get; }
    public string Description { get; }
    /// <summary>Beam width the tagger decodes with by default (1 = greedy).</summary>
    public int DecodeBeam { get; }
    /// <summary>The format this model is saved in: <see cref="FormatVersion"/>, or <see cref="BeamFormatVersion"/> for a beam wider than 1.</summary>
    public int FileFormatVersion => DecodeBeam > 1 ? BeamFormatVersion : FormatVersion;
    internal IReadOnlyList<KeyValuePair<ulong, ulong>> CaseStatsList { get; }
    internal UInt64Table CaseStats { get; }
    internal NerGazetteer Gazetteer { get; }
    internal NerLinear Weights { get; }
    /// <summary>Allowed[(prev + 1) * ClassCount + c]: BIO transitions (prev = -1 at the sentence start).</summary>
    internal bool[] Allowed { get; }
    public int FeatureCount => Weights.FeatureCount;

    internal static bool[] BuildTransitions(int types)
    {
        int nc = 1 + 2 * types;
        var allowed = new bool[(nc + 1) * nc];
        for (int prev = -1; prev < nc; prev++)
            for (int c = 0; c < nc; c++)
            {
                // I-X only continues a mention of type X.
                bool inside = c > 0 && (c - 1) % 2 == 1;
                allowed[(prev + 1) * nc + c] = !inside || prev > 0 && (prev - 1) / 2 == (c - 1) / 2;
            }
        return allowed;
    }

    /// <summary>Class id of a position: 0 = O, else 1 + 2 * type + (0 B, 1 I).</summary>
    internal static int ClassOf(int type, int position) => 1 + 2 * type + position;

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var fs = File.Create(path);
        Save(fs);
    }

    /// <summary>Little-endian binary; every table in a sorted order so that the same model gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        w.Write(Magic);
        w.Write(FileFormatVersion);
        w.Write(Description);
        if (DecodeBeam > 1) w.Write(DecodeBeam);
        w.Write("fnv1a64+splitmix64/utf16");
        w.Write(Types.Count); foreach (var t in Types) w.Write(t);
        var cs = CaseStatsList.OrderBy(p => p.Key).ToArray();
        w.Write(cs.Length);
        foreach (var (k, v) in cs) { w.Write(k); w.Write((byte)v); }
        var gaz = Gazetteer.Entries.OrderBy(e => e.Type).ThenBy(e => e.Key, StringComparer.Ordinal).ToArray();
        w.Write(gaz.Length);
        foreach (var e in gaz) { w.Write((byte)e.Type); w.Write(e.Tokens.Length); foreach (var t in e.Tokens) w.Write(t); }
        Weights.Write(w);
        w.Write("END");
    }

    public static NerModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    public static NerModel Load(Stream stream)
    {
        using var r = new BinaryReader(new BufferedStream(stream, 1 << 16), new UTF8Encoding(false), leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("Not a Sitrep NER model.");
        int version = r.ReadInt32();
        if (version is not (FormatVersion or BeamFormatVersion))
            throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion} or {BeamFormatVersion}).");
        var description = r.ReadString();
        int beam = version == BeamFormatVersion ? r.ReadInt32() : 1;
        if (beam < 1) throw new InvalidDataException($"NER model beam width {beam} is not valid.");
        if (r.ReadString() != "fnv1a64+splitmix64/utf16") throw new InvalidDataException("Unknown feature hashing in the NER model.");
        var types = new string[r.ReadInt32()];
        for (int i = 0; i < types.Length; i++) types[i] = string.Intern(r.ReadString());
        var cs = new KeyValuePair<ulong, ulong>[r.ReadInt32()];
        for (int i = 0; i < cs.Length; i++) cs[i] = new(r.ReadUInt64(), r.ReadByte());
        var gaz = new GazetteerEntry[r.ReadInt32()];
        for (int i = 0; i < gaz.Length; i++)
        {
            var type = (GazetteerType)r.ReadByte();
            var toks = new string[r.ReadInt32()];
            for (int j = 0; j < toks.Length; j++) toks[j] = r.ReadString();
            gaz[i] = new GazetteerEntry(toks, type);
        }
        var weights = NerLinear.Read(r);
        if (r.ReadString() != "END") throw new InvalidDataException("NER model is truncated.");
        return new NerModel(types, cs, gaz, weights, description, beam);
    }

    /// <summary>The same model decoded with another beam width.</summary>
    public NerModel WithDecodeBeam(int beam) => beam == DecodeBeam ? this : new NerModel([.. Types], CaseStatsList, Gazetteer.Entries, Weights, Description, beam);

    public static string Sha256(string path) => Sitrep.Core.DataFileHash.Sha256(path);
}

/// <summary>Sparse multiclass linear scorer: each kept feature hash owns a short row of (class, float32 weight) pairs.</summary>
internal sealed class NerLinear
{
    private readonly struct Slot(uint check, int startCount)
    {
        public readonly uint Check = check;
        public readonly int StartCount = startCount; // start << 8 | count; 0 = empty
    }

    private readonly struct Pair(float weight, int cls)
    {
        public readonly float Weight = weight;
        public readonly int Class = cls;
    }

    private readonly ulong[] _keys;
    private readonly int[] _rowStart;
    private readonly byte[] _classes;
    private readonly float[] _weights;
    private readonly Slot[] _slots;
    private readonly Pair[] _pairs;
    private readonly int _mask;

    /// <summary>Rows sorted by key. Weights stay float32: the model is small, and int16 with one global scale lost the many small weights.</summary>
    public NerLinear(ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        _keys = keys; _rowStart = rowStart; _classes = classes; _weights = weights;
        if (classes.Length >= 1 << 23) throw new InvalidOperationException("Too many weights for the slot layout.");
        int size = 16;
        while (size < keys.Length + keys.Length / 2) size <<= 1;
        _slots = new Slot[size];
        _mask = size - 1;
        _pairs = new Pair[classes.Length];
        for (int j = 0; j < classes.Length; j++) _pairs[j] = new Pair(weights[j], classes[j]);
        for (int i = 0; i < keys.Length; i++)
        {
            int count = rowStart[i + 1] - rowStart[i];
            if (count is 0 or > 255) continue;
            int h = (int)keys[i] & _mask;
            while (_slots[h].StartCount != 0) h = (h + 1) & _mask;
            _slots[h] = new Slot((uint)(keys[i] >> 32), rowStart[i] << 8 | count);
        }
    }

    public int FeatureCount => _keys.Length;

    /// <summary>
    /// The mean of several models' weights over the union of their features (weights below <paramref name="prune"/> in
    /// absolute value dropped): one model as accurate as the vote of perceptrons trained in different orders, as fast as one.
    /// </summary>
    internal static NerLinear Average(IReadOnlyList<NerLinear> models, float prune)
    {
        var sums = new SortedDictionary<ulong, float[]>();
        int nc = models.Max(m => m._classes.Length == 0 ? 0 : m._classes.Max()) + 1;
        foreach (var m in models)
            for (int i = 0; i < m._keys.Length; i++)
            {
                if (!sums.TryGetValue(m._keys[i], out var row)) sums[m._keys[i]] = row = new float[nc];
                for (int j = m._rowStart[i]; j < m._rowStart[i + 1]; j++) row[m._classes[j]] += m._weights[j];
            }
        var keys = new List<ulong>(); var rowStart = new List<int>(); var cls = new List<byte>(); var wts = new List<float>();
        foreach (var (key, row) in sums)
        {
            int before = cls.Count;
            for (int c = 0; c < row.Length; c++)
            {
                float w = row[c] / models.Count;
                if (Math.Abs(w) < prune) continue;
                cls.Add((byte)c); wts.Add(w);
            }
            if (cls.Count == before) continue;
            keys.Add(key); rowStart.Add(before);
        }
        rowStart.Add(cls.Count);
        return new NerLinear([.. keys], [.. rowStart], [.. cls], [.. wts]);
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var slots = _slots; var pairs = _pairs; int mask = _mask;
        // One pass: probe, then add the row straight away (rows are short, 1–7 pairs).
        foreach (var key in features)
        {
            int h = (int)key & mask;
            uint check = (uint)(key >> 32);
            while (true)
            {
                ref readonly var slot = ref slots[h];
                if (slot.StartCount == 0) break;
                if (slot.Check == check)
                {
                    int start = slot.StartCount >> 8, end = start + (slot.StartCount & 0xFF);
                    for (int j = start; j < end; j++) scores[pairs[j].Class] += pairs[j].Weight;
                    break;
                }
                h = (h + 1) & mask;
            }
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_keys.Length);
        for (int i = 0; i < _keys.Length; i++)
        {
            int s = _rowStart[i], e = _rowStart[i + 1];
            w.Write(_keys[i]);
            w.Write((byte)(e - s));
            for (int j = s; j < e; j++) { w.Write(_classes[j]); w.Write(_weights[j]); }
        }
    }

    public static NerLinear Read(BinaryReader r)
    {
        int nf = r.ReadInt32();
        var keys = new ulong[nf]; var start = new int[nf + 1];
        var cls = new List<byte>(nf * 3); var wts = new List<float>(nf * 3);
        for (int i = 0; i < nf; i++)
        {
            keys[i] = r.ReadUInt64();
            int n = r.ReadByte();
            start[i] = cls.Count;
            for (int j = 0; j < n; j++) { cls.Add(r.ReadByte()); wts.Add(r.ReadSingle()); }
        }
        start[nf] = cls.Count;
        return new NerLinear(keys, start, [.. cls], [.. wts]);
    }
}
