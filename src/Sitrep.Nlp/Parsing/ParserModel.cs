using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// The frozen weights of the dependency parser: two hashed tables (transition and label) quantized to 16-bit integers,
/// and the label set. Scores are summed as integers; one scale per table leaves every argmax unchanged.
/// </summary>
/// <remarks>
/// File format (little-endian), version 1:
/// "SITREPDP" magic, int format version, int feature-set version, int transition-table bits, int label-table bits,
/// float transition scale, float label scale, int label count, the labels (length-prefixed UTF-8), int root label id,
/// a length-prefixed UTF-8 description (version 2: then an int beam width); then each table as int row count and, per non-empty row, a varint row delta,
/// a byte entry count and (byte class, int16 weight) pairs. Zero weights (after quantization) are not stored.
/// </remarks>
public sealed class ParserModel
{
    /// <summary>The format written for a beam-trained model; a greedy one is written as version 1, so its bytes do not change.</summary>
    public const int FormatVersion = 2;
    /// <summary>The widest beam a model may ask for.</summary>
    public const int MaxBeamWidth = 64;
    internal const int ActionClasses = 3, ActionStride = 4;
    private static readonly byte[] Magic = "SITREPDP"u8.ToArray();

    internal ParserModel(int actionBits, short[] actions, float actionScale, int labelBits, short[] labels, float labelScale,
        string[] labelNames, int rootLabel, string description, int beamWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(beamWidth, MaxBeamWidth);
        BeamWidth = beamWidth;
        ActionBits = actionBits; Actions = actions; ActionScale = actionScale;
        LabelBits = labelBits; Labels = labels; LabelScale = labelScale;
        LabelNames = labelNames; RootLabel = rootLabel; Description = description;
        ActionShift = 64 - actionBits; LabelShift = 64 - labelBits;
    }

    /// <summary>log2 of the transition table's rows.</summary>
    public int ActionBits { get; }
    /// <summary>log2 of the label table's rows.</summary>
    public int LabelBits { get; }
    internal int ActionShift { get; }
    internal int LabelShift { get; }
    internal short[] Actions { get; }
    internal short[] Labels { get; }
    internal float ActionScale { get; }
    internal float LabelScale { get; }
    /// <summary>The dependency relations the parser produces (full UD labels with subtypes), by id.</summary>
    public IReadOnlyList<string> LabelNames { get; }
    internal int RootLabel { get; }
    /// <summary>Free text recorded at training (corpus, epochs, seed).</summary>
    public string Description { get; }
    /// <summary>The beam the model was trained for and decodes with by default (1: greedy).</summary>
    public int BeamWidth { get; }

    /// <summary>The same weights, decoded with another beam by default.</summary>
    public ParserModel WithBeamWidth(int beamWidth) =>
        new(ActionBits, Actions, ActionScale, LabelBits, Labels, LabelScale, [.. LabelNames], RootLabel, Description, beamWidth);

    /// <summary>Quantizes trained float weights; weights that round to zero are pruned.</summary>
    internal static ParserModel Freeze(int actionBits, float[] actions, int labelBits, float[] labels, string[] labelNames, int rootLabel, string description,
        int beamWidth = 1)
    {
        var (qa, sa) = Quantize(actions);
        var (ql, sl) = Quantize(labels, TablePadding);
        return new ParserModel(actionBits, qa, sa, labelBits, ql, sl, labelNames, rootLabel, description, beamWidth);
    }

    /// <summary>
    /// The average of parser models: ones trained on the same data with different seeds, or a new one and the shipped
    /// one. Scores are linear in the weights, so the averaged model scores each transition and label as the mean of the
    /// members' scores: greedy decoding with an ensemble, at the cost of one model. The members must share table sizes
    /// and relation labels. The average decodes with the first member's beam.
    /// </summary>
    public static ParserModel Average(IReadOnlyList<ParserModel> members, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1);
        var first = members[0];
        foreach (var m in members)
            if (m.ActionBits != first.ActionBits || m.LabelBits != first.LabelBits || m.RootLabel != first.RootLabel
                || !m.LabelNames.SequenceEqual(first.LabelNames, StringComparer.Ordinal))
                throw new ArgumentException("Parser models to average must have the same table sizes and relation labels.", nameof(members));
        var actions = new float[first.Actions.Length];
        var labels = new float[first.Labels.Length - TablePadding];
        foreach (var m in members)
        {
            float a = 1f / (m.ActionScale * members.Count), l = 1f / (m.LabelScale * members.Count);
            for (int i = 0; i < actions.Length; i++) actions[i] += m.Actions[i] * a;
            for (int i = 0; i < labels.Length; i++) labels[i] += m.Labels[i] * l;
        }
        return Freeze(first.ActionBits, actions, first.LabelBits, labels, [.. first.LabelNames], first.RootLabel, description, first.BeamWidth);
    }

    /// <summary>Spare weights after the label table, so vectorized scoring may read a whole vector past the last row.</summary>
    internal const int TablePadding = 64;

    private static (short[] Q, float Scale) Quantize(float[] w, int padding = 0)
    {
        float max = 0;
        foreach (var v in w) max = Math.Max(max, Math.Abs(v));
        float scale = max == 0 ? 1f : 32000f / max;
        var q = new short[w.Length + padding];
        for (int i = 0; i < w.Length; i++) q[i] = (short)MathF.Round(w[i] * scale, MidpointRounding.AwayFromZero);
        return (q, scale);
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        Save(fs);
    }

    public void Save(Stream stream)
    {
        using var bw = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        bw.Write(Magic);
        bw.Write(BeamWidth == 1 ? 1 : FormatVersion);
        bw.Write(ParserHashing.FeatureSetVersion);
        bw.Write(ActionBits);
        bw.Write(LabelBits);
        bw.Write(ActionScale);
        bw.Write(LabelScale);
        bw.Write(LabelNames.Count);
        foreach (var l in LabelNames) bw.Write(l);
        bw.Write(RootLabel);
        bw.Write(Description);
        if (BeamWidth != 1) bw.Write(BeamWidth);
        WriteTable(bw, Actions, ActionStride, ActionClasses, Actions.Length);
        WriteTable(bw, Labels, LabelNames.Count, LabelNames.Count, (1 << LabelBits) * LabelNames.Count);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        Save(ms);
        return ms.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteTable(BinaryWriter bw, short[] t, int stride, int classes, int length)
    {
        int rows = length / stride, used = 0;
        for (int r = 0; r < rows; r++) if (RowCount(t, r * stride, classes) > 0) used++;
        bw.Write(used);
        int prev = -1;
        for (int r = 0; r < rows; r++)
        {
            int o = r * stride, count = RowCount(t, o, classes);
            if (count == 0) continue;
            bw.Write7BitEncodedInt(r - prev);
            prev = r;
            bw.Write((byte)count);
            for (int c = 0; c < classes; c++)
                if (t[o + c] != 0) { bw.Write((byte)c); bw.Write(t[o + c]); }
        }
    }

    private static int RowCount(short[] t, int o, int classes)
    {
        int n = 0;
        for (int c = 0; c < classes; c++) if (t[o + c] != 0) n++;
        return n;
    }

    public static ParserModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        try { return Load(fs); }
        catch (EndOfStreamException) { throw new InvalidDataException($"Parser model '{path}' is truncated."); }
    }

    public static ParserModel Load(Stream stream)
    {
        using var br = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = br.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a Sitrep parser model (bad magic).");
        int version = br.ReadInt32();
        if (version is < 1 or > FormatVersion) throw new InvalidDataException($"Parser model format {version}; this build reads 1 to {FormatVersion}.");
        int features = br.ReadInt32();
        if (features != ParserHashing.FeatureSetVersion)
            throw new InvalidDataException($"Parser model uses feature set {features}; this build computes {ParserHashing.FeatureSetVersion}. Retrain the model.");
        int actionBits = br.ReadInt32(), labelBits = br.ReadInt32();
        if (actionBits is < 8 or > 26 || labelBits is < 8 or > 26) throw new InvalidDataException("Parser model: bad table size.");
        float actionScale = br.ReadSingle(), labelScale = br.ReadSingle();
        int nLabels = br.ReadInt32();
        if (nLabels is < 1 or > 255) throw new InvalidDataException("Parser model: bad label count.");
        var names = new string[nLabels];
        for (int i = 0; i < nLabels; i++) names[i] = br.ReadString();
        int root = br.ReadInt32();
        string description = br.ReadString();
        int beamWidth = version >= 2 ? br.ReadInt32() : 1;
        if (beamWidth is < 1 or > MaxBeamWidth) throw new InvalidDataException("Parser model: bad beam width.");
        var actions = ReadTable(br, 1 << actionBits, ActionStride, ActionClasses);
        var labels = ReadTable(br, 1 << labelBits, nLabels, nLabels, TablePadding);
        return new ParserModel(actionBits, actions, actionScale, labelBits, labels, labelScale, names, root, description, beamWidth);
    }

    private static short[] ReadTable(BinaryReader br, int rows, int stride, int classes, int padding = 0)
    {
        var t = Tagging.LargeArrays.Allocate<short>(rows * stride + padding);
        int used = br.ReadInt32(), r = -1;
        for (int i = 0; i < used; i++)
        {
            r += br.Read7BitEncodedInt();
            if ((uint)r >= (uint)rows) throw new InvalidDataException("Parser model: row out of range.");
            int count = br.ReadByte();
            for (int j = 0; j < count; j++)
            {
                int c = br.ReadByte();
                if (c >= classes) throw new InvalidDataException("Parser model: class out of range.");
                t[r * stride + c] = br.ReadInt16();
            }
        }
        Tagging.LargeArrays.Settle(t);
        return t;
    }
}
