using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Sitrep.Nlp.Encoders;

/// <summary>
/// Contextual token vectors from the MiniLM encoder (all-MiniLM-L6-v2 run with ONNX Runtime): each Sitrep token of a sentence
/// is cut into uncased WordPiece pieces on its own, so pieces never straddle two tokens, the sentence runs through the encoder
/// once, and each token gets the 384-float hidden state of its first piece. Sentences longer than <see cref="MaxPieces"/>
/// pieces run as consecutive windows cut at token boundaries. One intra-op thread and sequential execution: the same
/// sentence gives the same floats on every run.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;
    /// <summary>Pieces per encoder run, [CLS] and [SEP] included (the model allows 512; attention grows with the square).</summary>
    public const int MaxPieces = 256;
    /// <summary>Pieces kept per token: a 300-character URL needs no more than its first few to be told apart.</summary>
    public const int MaxPiecesPerToken = 16;

    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly BertTokenizer _wordPiece = new();
    private readonly long _cls, _sep, _unk;
    private readonly List<OrtValue> _overrides = [];

    public MiniLmEncoder(MiniLmResources resources, int threads = 1, MiniLmWeights? weights = null)
    {
        Weights = weights;
        AssemblyPath = resources.AssemblyPath;
        ModelBytes = resources.Model.Length;
        Vocabulary = resources.Vocabulary;
        using (var reader = new StringReader(resources.Vocabulary))
            _wordPiece.LoadVocabulary(reader, convertInputToLowercase: true);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var reader = new StringReader(resources.Vocabulary))
        {
            long i = 0;
            for (string? line; (line = reader.ReadLine()) is not null; i++) ids.TryAdd(line.TrimEnd('\r'), i);
        }
        _cls = ids["[CLS]"]; _sep = ids["[SEP]"]; _unk = ids["[UNK]"];
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Fine-tuned tensors replace the graph's initializers of the same name; ONNX Runtime keeps using the OrtValues, so
        // they live as long as the session.
        if (weights is not null)
            foreach (var t in weights.Tensors)
            {
                var value = OrtValue.CreateTensorValueFromMemory(t.Values, t.Dims);
                _overrides.Add(value);
                options.AddInitializer(t.Name, value);
            }
        _session = new InferenceSession(resources.Model, options);
        ModelSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(resources.Model));
    }

    public static MiniLmEncoder Load(string? assemblyPath = null, int threads = 1) => new(MiniLmResources.Load(assemblyPath), threads);

    /// <summary>Where the model came from (the resources themselves are not kept: ONNX Runtime holds its own copy of the graph).</summary>
    public string AssemblyPath { get; }
    public long ModelBytes { get; }
    public string Vocabulary { get; }

    /// <summary>sha256 of the ONNX graph's bytes.</summary>
    public string ModelSha256 { get; }

    /// <summary>Identifies the encoder and how its vectors are taken, for model files and output versions.</summary>
    public string Version => $"{MiniLmResources.PackageName} all-MiniLM-L6-v2 last_hidden_state first-piece window{MaxPieces}@sha256:{ModelSha256}"
        + (Weights is null ? "" : $" with {Weights.Name}@sha256:{Weights.Sha256}");

    /// <summary>Fine-tuned tensors that replace the graph's own (null: the encoder as shipped).</summary>
    public MiniLmWeights? Weights { get; }

    /// <summary>
    /// The casing class of a token, fed to the fine-tuned encoder as its token type (the uncased WordPiece pieces cannot show
    /// it): 0 no capitals, 1 capitalized word, 2 capitalized first word of the sentence, 3 all capitals, 4 other mixed case.
    /// </summary>
    public static int CasingClass(string form, bool sentenceInitial)
    {
        int upper = 0, lower = 0;
        foreach (char c in form)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }
        if (upper == 0) return 0;
        if (lower == 0) return upper > 1 ? 3 : sentenceInitial ? 2 : 1;
        return char.IsUpper(form[0]) && upper == 1 ? (sentenceInitial ? 2 : 1) : 4;
    }

    public const int CasingClasses = 5;

    /// <summary>WordPiece ids of one token (no [CLS]/[SEP]); a token with no pieces (control characters) becomes [UNK].</summary>
    public int Pieces(string form, Span<long> ids)
    {
        Span<long> buffer = stackalloc long[MaxPiecesPerToken + 2];
        Span<long> mask = stackalloc long[MaxPiecesPerToken + 2];
        _wordPiece.Encode(form, buffer, mask, MaxPiecesPerToken + 2);
        // The tokenizer pads its output to the length asked for: the attention mask tells the real pieces.
        int n = 0;
        while (n < mask.Length && mask[n] != 0) n++;
        int start = n > 0 && buffer[0] == _cls ? 1 : 0;
        int end = n > start && buffer[n - 1] == _sep ? n - 1 : n;
        int count = Math.Min(end - start, Math.Min(MaxPiecesPerToken, ids.Length));
        if (count <= 0) { ids[0] = _unk; return 1; }
        buffer.Slice(start, count).CopyTo(ids);
        return count;
    }

    /// <summary>One vector per token, row-major: <c>forms.Count * Dimensions</c> floats.</summary>
    public float[] Encode(IReadOnlyList<string> forms)
    {
        var output = new float[forms.Count * Dimensions];
        Encode(forms, output);
        return output;
    }

    /// <summary>Writes one vector per token into <paramref name="output"/> (<c>forms.Count * Dimensions</c> floats).</summary>
    public void Encode(IReadOnlyList<string> forms, Span<float> output)
    {
        if (output.Length < forms.Count * Dimensions) throw new ArgumentException("Output too short.", nameof(output));
        if (forms.Count == 0) return;
        var pieces = new List<long>(forms.Count * 2);
        var first = new int[forms.Count];
        var count = new int[forms.Count];
        Span<long> buf = stackalloc long[MaxPiecesPerToken];
        for (int i = 0; i < forms.Count; i++)
        {
            int n = Pieces(forms[i], buf);
            first[i] = pieces.Count; count[i] = n;
            for (int k = 0; k < n; k++) pieces.Add(buf[k]);
        }
        // Windows of whole tokens, each at most MaxPieces - 2 pieces.
        int t = 0;
        while (t < forms.Count)
        {
            int end = t, used = 0;
            while (end < forms.Count && (used + count[end] <= MaxPieces - 2 || end == t)) { used += count[end]; end++; }
            Run(forms, pieces, first, t, end, output);
            t = end;
        }
    }

    private void Run(IReadOnlyList<string> forms, List<long> pieces, int[] first, int from, int to, Span<float> output)
    {
        int p0 = first[from], p1 = to < first.Length ? first[to] : pieces.Count;
        int n = p1 - p0 + 2;
        var ids = new long[n];
        ids[0] = _cls; ids[n - 1] = _sep;
        for (int k = p0; k < p1; k++) ids[k - p0 + 1] = pieces[k];
        var mask = new long[n]; Array.Fill(mask, 1L);
        var types = new long[n];
        if (Weights?.CasingTypes == true)
            for (int i = from; i < to; i++)
            {
                long c = CasingClass(forms[i], i == 0);
                int end = (i + 1 < first.Length ? first[i + 1] : p1) - p0 + 1;
                for (int k = first[i] - p0 + 1; k < end; k++) types[k] = c;
            }
        long[] shape = [1, n];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal)
        {
            ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue,
        };
        using var results = _session.Run(_run, inputs, ["last_hidden_state"]);
        var hidden = results[0].GetTensorDataAsSpan<float>();
        for (int i = from; i < to; i++)
        {
            int row = first[i] - p0 + 1;
            hidden.Slice(row * Dimensions, Dimensions).CopyTo(output.Slice(i * Dimensions, Dimensions));
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        foreach (var v in _overrides) v.Dispose();
        _run.Dispose();
    }
}
