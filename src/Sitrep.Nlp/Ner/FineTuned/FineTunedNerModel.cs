using System.Security.Cryptography;
using System.Text;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.FineTuned;

/// <summary>
/// The fine-tuned MiniLM NER variant's weights: the encoder tensors fine-tuning changed (as int8 differences from the shipped
/// graph's, one float scale per row, deflated, so the file is under a quarter of float32 and needs the graph it was tuned
/// from), new tensors in float32 (the casing token-type table), the BIO token-classification head over the last hidden state
/// of each token's first piece, and the weight its log-probabilities get when added to the default model's scores
/// (<see cref="FineTunedNerTagger"/>). The format is in data/models/ner/FORMAT.md.
/// </summary>
public sealed class FineTunedNerModel
{
    public const string Magic = "SITREP-NER-FT";
    public const int FormatVersion = 1;
    public const string HeadWeight = "ner.head.weight", HeadBias = "ner.head.bias";

    private enum Encoding : byte { Float32 = 0, Int8Delta = 1 }

    public FineTunedNerModel(string encoderSha256, IReadOnlyList<string> labels, bool casingTypes, IReadOnlyList<MiniLmTensor> encoderTensors, float[] headWeight, float[] headBias, float weight, string description)
    {
        Weight = weight;
        if (headWeight.Length != MiniLmEncoder.Dimensions * labels.Count || headBias.Length != labels.Count)
            throw new ArgumentException("The head must be [384, labels] weights and [labels] biases.");
        EncoderSha256 = encoderSha256; Labels = labels; CasingTypes = casingTypes; EncoderTensors = encoderTensors;
        HeadWeightValues = headWeight; HeadBiasValues = headBias; Description = description;
    }

    /// <summary>sha256 of the ONNX graph the differences are relative to.</summary>
    public string EncoderSha256 { get; }
    /// <summary>BIO labels: "O", "B-PER", "I-PER", …</summary>
    public IReadOnlyList<string> Labels { get; }
    public bool CasingTypes { get; }
    /// <summary>Replacements for the graph's initializers, full float32 values by ONNX name.</summary>
    public IReadOnlyList<MiniLmTensor> EncoderTensors { get; }
    /// <summary>[384, labels], row-major.</summary>
    public float[] HeadWeightValues { get; }
    public float[] HeadBiasValues { get; }
    public string Description { get; }
    /// <summary>What the head's log-probabilities are multiplied by before they are added to the default model's class scores.</summary>
    public float Weight { get; }

    /// <summary>The encoder weights for <see cref="MiniLmEncoder"/>, named after the model file.</summary>
    public MiniLmWeights EncoderWeights(string name, string sha256) => new(name, sha256, EncoderTensors, CasingTypes);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// Writes the model; tensors the graph has (<paramref name="graph"/>, same shape) are stored as int8 differences, the
    /// others as float32. Rows are the last dimension.
    /// </summary>
    public void Save(string path, IReadOnlyDictionary<string, MiniLmTensor> graph)
    {
        using var file = File.Create(path);
        using (var header = new BinaryWriter(file, Encoding8, leaveOpen: true)) { header.Write(Magic); header.Write(FormatVersion); }
        using var w = new BinaryWriter(new System.IO.Compression.ZLibStream(file, System.IO.Compression.CompressionLevel.SmallestSize), Encoding8);
        w.Write(EncoderSha256); w.Write(Description); w.Write(Weight);
        w.Write(Labels.Count); foreach (var l in Labels) w.Write(l);
        w.Write(CasingTypes);
        w.Write(EncoderTensors.Count);
        foreach (var t in EncoderTensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            w.Write(t.Name); w.Write(t.Dims.Length); foreach (var d in t.Dims) w.Write(d);
            if (graph.TryGetValue(t.Name, out var original) && original.Dims.SequenceEqual(t.Dims))
            {
                w.Write((byte)Encoding.Int8Delta);
                int row = (int)t.Dims[^1];
                for (int r = 0; r < t.Values.Length; r += row)
                {
                    float max = 0;
                    for (int k = r; k < r + row; k++) max = Math.Max(max, Math.Abs(t.Values[k] - original.Values[k]));
                    float scale = max / 127f;
                    w.Write(scale);
                    for (int k = r; k < r + row; k++)
                        w.Write(scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round((t.Values[k] - original.Values[k]) / scale), -127, 127));
                }
            }
            else
            {
                w.Write((byte)Encoding.Float32);
                foreach (var v in t.Values) w.Write(v);
            }
        }
        foreach (var v in HeadWeightValues) w.Write(v);
        foreach (var v in HeadBiasValues) w.Write(v);
    }

    /// <summary>Reads a model; <paramref name="graph"/> supplies the original values the int8 differences apply to.</summary>
    public static FineTunedNerModel Load(string path, IReadOnlyDictionary<string, MiniLmTensor> graph, string graphSha256)
    {
        using var file = File.OpenRead(path);
        using (var header = new BinaryReader(file, Encoding8, leaveOpen: true))
        {
            if (header.ReadString() != Magic) throw new InvalidDataException($"{path} is not a fine-tuned NER model.");
            int version = header.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path}: format version {version}, this build reads {FormatVersion}.");
        }
        using var r = new BinaryReader(new System.IO.Compression.ZLibStream(file, System.IO.Compression.CompressionMode.Decompress), Encoding8);
        var encoderSha = r.ReadString();
        if (!string.Equals(encoderSha, graphSha256, StringComparison.Ordinal))
            throw new InvalidDataException($"{path} was fine-tuned from the MiniLM graph sha256 {encoderSha}; the encoder here is {graphSha256}.");
        var description = r.ReadString();
        float weight = r.ReadSingle();
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        bool casing = r.ReadBoolean();
        var tensors = new MiniLmTensor[r.ReadInt32()];
        for (int i = 0; i < tensors.Length; i++)
        {
            var name = r.ReadString();
            var dims = new long[r.ReadInt32()];
            for (int d = 0; d < dims.Length; d++) dims[d] = r.ReadInt64();
            long count = dims.Aggregate(1L, (a, b) => a * b);
            var values = new float[count];
            var encoding = (Encoding)r.ReadByte();
            if (encoding == Encoding.Int8Delta)
            {
                if (!graph.TryGetValue(name, out var original) || !original.Dims.SequenceEqual(dims))
                    throw new InvalidDataException($"{path}: the graph has no [{string.Join(",", dims)}] tensor {name} to apply the differences to.");
                int row = (int)dims[^1];
                for (int k = 0; k < count; k += row)
                {
                    float scale = r.ReadSingle();
                    for (int j = k; j < k + row; j++) values[j] = original.Values[j] + r.ReadSByte() * scale;
                }
            }
            else if (encoding == Encoding.Float32)
                for (int k = 0; k < count; k++) values[k] = r.ReadSingle();
            else throw new InvalidDataException($"{path}: unknown tensor encoding {(byte)encoding} for {name}.");
            tensors[i] = new MiniLmTensor(name, dims, values);
        }
        var head = new float[MiniLmEncoder.Dimensions * labels.Length];
        for (int k = 0; k < head.Length; k++) head[k] = r.ReadSingle();
        var bias = new float[labels.Length];
        for (int k = 0; k < bias.Length; k++) bias[k] = r.ReadSingle();
        return new FineTunedNerModel(encoderSha, labels, casing, tensors, head, bias, weight, description);
    }

    private static readonly UTF8Encoding Encoding8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
