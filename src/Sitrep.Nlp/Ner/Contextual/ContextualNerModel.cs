using System.Text;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.Contextual;

/// <summary>
/// The MiniLM NER variant: the sparse model's hashed features (shape, affixes, capitalization, gazetteer, previous classes)
/// and, added to the same class scores, dense weights over the MiniLM vector of the word (and, with <see cref="Context"/> 1, the
/// vectors of its two neighbours), standardized per dimension. Both parts are trained together as one averaged perceptron.
/// The sparse part is stored as an embedded <see cref="NerModel"/> (types, case statistics, gazetteer, sparse weights).
/// </summary>
public sealed class ContextualNerModel
{
    public const string Magic = "SITREP-NER-MINILM";
    public const int FormatVersion = 1;
    /// <summary>2: format 1 whose embedded sparse model (format 3) carries a decoder beam wider than 1. Written only then, so a
    /// greedy model keeps format 1 and its bytes, and a reader that decodes only greedily refuses a beam model.</summary>
    public const int BeamFormatVersion = 2;

    /// <summary>The format this model is saved in: <see cref="FormatVersion"/>, or <see cref="BeamFormatVersion"/> for a beam wider than 1.</summary>
    public int FileFormatVersion => Sparse.DecodeBeam > 1 ? BeamFormatVersion : FormatVersion;

    internal ContextualNerModel(NerModel sparse, int context, float scale, float[] mean, float[] invStd, float[] dense,
        string encoderVersion, string description, ulong featureFingerprint)
    {
        Sparse = sparse; Context = context; Scale = scale; Mean = mean; InvStd = invStd; Dense = dense;
        EncoderVersion = encoderVersion; Description = description; FeatureFingerprint = featureFingerprint;
        DenseWidth = MiniLmEncoder.Dimensions * (1 + 2 * context);
        if (dense.Length != sparse.ClassCount * DenseWidth) throw new InvalidDataException("Dense weights do not match the classes and width.");
    }

    public NerModel Sparse { get; }
    /// <summary>0: the word's own vector; 1: also its left and right neighbours' vectors.</summary>
    public int Context { get; }
    /// <summary>Multiplies the standardized vector: the dense features' step size against the sparse features' 0/1.</summary>
    public float Scale { get; }
    public string EncoderVersion { get; }
    public string Description { get; }
    internal float[] Mean { get; }
    internal float[] InvStd { get; }
    /// <summary>Dense[c * DenseWidth + j]: weight of dense input j for class c.</summary>
    internal float[] Dense { get; }
    internal int DenseWidth { get; }
    public int DenseWeightCount => Dense.Length;
    internal ulong FeatureFingerprint { get; }

    /// <summary>
    /// Hash of the sparse feature templates' output on a fixed sentence: the dense and sparse weights were trained together, so
    /// a model whose sparse templates have changed since (NerFeatures is shared with the default model) must be retrained, not run.
    /// </summary>
    internal static ulong CurrentFeatureFingerprint()
    {
        string[] probe = ["SEOUL", "(", "Reuters", ")", "-", "Mr.", "Kim", "Jong", "Un", "met", "U.S.", "officials", "in", "2024", "'s", "talks", "."];
        var empty = new UInt64Table([]);
        var words = new NerWord[probe.Length];
        for (int i = 0; i < probe.Length; i++) NerFeatures.Compute(probe[i], (ulong)(i % 18), empty, ref words[i]);
        words[6].Gaz = 0b1001; words[10].Gaz = 0b10;
        Span<ulong> f = stackalloc ulong[NerFeatures.MaxFeatures];
        ulong h = (ulong)NerModel.FormatVersion;
        for (int i = 0; i < probe.Length; i++)
        {
            int n = NerFeatures.Extract(words, i, i % 3 - 1, i % 2 - 1, f);
            for (int k = 0; k < n; k++) h = NerHash.Extend(h, f[k]);
        }
        return h;
    }

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var fs = File.Create(path);
        Save(fs);
    }

    /// <summary>Little-endian binary: header, standardization, dense float32 weights, then the sparse model's own bytes.</summary>
    public void Save(Stream stream)
    {
        using (var w = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FileFormatVersion);
            w.Write(Description);
            w.Write(EncoderVersion);
            w.Write(FeatureFingerprint);
            w.Write(Context);
            w.Write(Scale);
            w.Write(Mean.Length);
            foreach (var v in Mean) w.Write(v);
            foreach (var v in InvStd) w.Write(v);
            w.Write(Dense.Length);
            foreach (var v in Dense) w.Write(v);
        }
        Sparse.Save(stream);
    }

    public static ContextualNerModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    public static ContextualNerModel Load(Stream stream)
    {
        string description, encoder; ulong fingerprint; int version; int context; float scale; float[] mean, invStd, dense;
        using (var r = new BinaryReader(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            if (r.ReadString() != Magic) throw new InvalidDataException("Not a Sitrep MiniLM NER model.");
            version = r.ReadInt32();
            if (version is not (FormatVersion or BeamFormatVersion))
                throw new InvalidDataException($"MiniLM NER model format {version} is not supported (expected {FormatVersion} or {BeamFormatVersion}).");
            description = r.ReadString();
            encoder = r.ReadString();
            fingerprint = r.ReadUInt64();
            context = r.ReadInt32();
            scale = r.ReadSingle();
            int d = r.ReadInt32();
            if (d != MiniLmEncoder.Dimensions) throw new InvalidDataException($"MiniLM NER model expects {d}-dimensional vectors.");
            mean = new float[d]; invStd = new float[d];
            for (int i = 0; i < d; i++) mean[i] = r.ReadSingle();
            for (int i = 0; i < d; i++) invStd[i] = r.ReadSingle();
            dense = new float[r.ReadInt32()];
            for (int i = 0; i < dense.Length; i++) dense[i] = r.ReadSingle();
        }
        if (fingerprint != CurrentFeatureFingerprint())
            throw new InvalidDataException("The sparse NER feature templates have changed since this MiniLM NER model was trained; retrain it with 'sitrep train ner --variant minilm'.");
        var sparse = NerModel.Load(stream);
        if ((sparse.DecodeBeam > 1) != (version == BeamFormatVersion))
            throw new InvalidDataException($"MiniLM NER model format {version} does not match its decoder beam width {sparse.DecodeBeam}.");
        return new ContextualNerModel(sparse, context, scale, mean, invStd, dense, encoder, description, fingerprint);
    }

    public static string Sha256(string path) => Sitrep.Core.DataFileHash.Sha256(path);
}
