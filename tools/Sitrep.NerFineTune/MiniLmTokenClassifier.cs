using Sitrep.Nlp.Encoders;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sitrep.NerFineTune;

/// <summary>
/// all-MiniLM-L6-v2 (BERT: 6 layers, 384 dimensions, 12 heads, GELU, LayerNorm eps 1e-12) rebuilt in TorchSharp from the
/// ONNX graph's own initializers, with a linear token-classification head. Weights keep the ONNX names and layouts
/// (MatMul weights are [in, out]), so the fine-tuned tensors can be handed back to ONNX Runtime as initializer overrides.
/// The word and position embeddings and the layers below the top <c>trainedLayers</c> stay frozen; those layers, the head and
/// (with casing classes) the token-type table learn.
/// </summary>
public sealed class MiniLmTokenClassifier : IDisposable
{
    public const int Hidden = 384, Heads = 12, HeadSize = 32, Layers = 6;
    private const double LayerNormEps = 1e-12;

    private readonly Dictionary<string, Tensor> _weights = new(StringComparer.Ordinal);
    private readonly List<Parameter> _trainable = [];
    private readonly Dictionary<string, Parameter> _trainableByName = new(StringComparer.Ordinal);

    /// <summary>ONNX initializer names of each layer's six weight matrices, in graph order: query, key, value, attention output, intermediate, output.</summary>
    public static string[] MatrixNames(IReadOnlyDictionary<string, MiniLmTensor> onnx, int layer)
    {
        // The exporter numbered the [in, out] matrices in graph order, 13 initializers per layer starting at "927".
        // Checked against the shapes below rather than trusted.
        int b = 927 + 13 * layer;
        string[] names = [$"{b}", $"{b + 1}", $"{b + 4}", $"{b + 10}", $"{b + 11}", $"{b + 12}"];
        long[][] shapes = [[Hidden, Hidden], [Hidden, Hidden], [Hidden, Hidden], [Hidden, Hidden], [Hidden, 4 * Hidden], [4 * Hidden, Hidden]];
        for (int i = 0; i < names.Length; i++)
            if (!onnx.TryGetValue(names[i], out var t) || !t.Dims.SequenceEqual(shapes[i]))
                throw new InvalidDataException($"ONNX initializer {names[i]} is not the expected [{string.Join(",", shapes[i])}] matrix of layer {layer}.");
        return names;
    }

    public const string TokenTypes = "embeddings.token_type_embeddings.weight";

    public MiniLmTokenClassifier(IReadOnlyDictionary<string, MiniLmTensor> onnx, int labels, int trainedLayers, long seed, int typeRows)
    {
        LabelCount = labels;
        TrainedLayers = trainedLayers;
        torch.manual_seed(seed);
        foreach (var name in new[] { "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias" })
            Add(onnx[name], trainable: false);
        // Casing classes as token types: every row starts as the pretrained type 0, so the untrained network is the original.
        var types = onnx[TokenTypes];
        if (typeRows <= 2) Add(types, trainable: false);
        else
        {
            var rows = new float[typeRows * Hidden];
            for (int r = 0; r < typeRows; r++) Array.Copy(types.Values, 0, rows, r * Hidden, Hidden);
            Add(new MiniLmTensor(TokenTypes, [typeRows, Hidden], rows), trainable: true);
        }
        for (int l = 0; l < Layers; l++)
        {
            bool train = l >= Layers - trainedLayers;
            foreach (var m in MatrixNames(onnx, l)) Add(onnx[m], train);
            foreach (var suffix in new[] { "attention.self.query.bias", "attention.self.key.bias", "attention.self.value.bias", "attention.output.dense.bias", "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias", "intermediate.dense.bias", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias" })
                Add(onnx[$"encoder.layer.{l}.{suffix}"], train);
            LayerMatrices[l] = MatrixNames(onnx, l);
        }
        // Head: small random weights (fixed seed), zero bias.
        var w = new Parameter(torch.randn(Hidden, labels) * 0.02f, requires_grad: true);
        var bias = new Parameter(torch.zeros(labels), requires_grad: true);
        _weights[HeadWeight] = w; _weights[HeadBias] = bias;
        _trainable.Add(w); _trainable.Add(bias);
        _trainableByName[HeadWeight] = w; _trainableByName[HeadBias] = bias;
    }

    public const string HeadWeight = "ner.head.weight", HeadBias = "ner.head.bias";

    public int LabelCount { get; }
    public int TrainedLayers { get; }
    public string[][] LayerMatrices { get; } = new string[Layers][];
    public IReadOnlyList<Parameter> Trainable => _trainable;
    public IReadOnlyDictionary<string, Parameter> TrainableByName => _trainableByName;

    private void Add(MiniLmTensor t, bool trainable)
    {
        var tensor = torch.tensor(t.Values, t.Dims);
        if (trainable)
        {
            var p = new Parameter(tensor, requires_grad: true);
            _weights[t.Name] = p;
            _trainable.Add(p);
            _trainableByName[t.Name] = p;
        }
        else _weights[t.Name] = tensor;
    }

    /// <summary>Scores [batch, pieces, labels] for piece ids [batch, pieces] with attention mask [batch, pieces] (1 = real piece).</summary>
    public Tensor Forward(Tensor ids, Tensor types, Tensor mask, bool training, double dropout)
    {
        long n = ids.shape[1];
        var x = Embed(ids, types);
        // Padding pieces get -10000 before the softmax, as BERT's extended attention mask does.
        var additive = ((1.0f - mask.to_type(ScalarType.Float32)) * -10000.0f).view(ids.shape[0], 1, 1, n);
        for (int l = 0; l < Layers; l++)
        {
            bool train = training && l >= Layers - TrainedLayers;
            if (l == Layers - TrainedLayers && training) x = x.detach();
            x = Layer(x, l, additive, train, dropout);
        }
        x = nn.functional.dropout(x, dropout, training);
        return x.matmul(_weights[HeadWeight]) + _weights[HeadBias];
    }

    /// <summary>Hidden states of the last layer, without the head (for checking the rebuild against ONNX Runtime).</summary>
    public Tensor Encode(Tensor ids, Tensor types, Tensor mask)
    {
        long n = ids.shape[1];
        var x = Embed(ids, types);
        var additive = ((1.0f - mask.to_type(ScalarType.Float32)) * -10000.0f).view(ids.shape[0], 1, 1, n);
        for (int l = 0; l < Layers; l++) x = Layer(x, l, additive, false, 0);
        return x;
    }

    private Tensor Embed(Tensor ids, Tensor types)
    {
        long b = ids.shape[0], n = ids.shape[1];
        var positions = torch.arange(n, dtype: ScalarType.Int64);
        var x = _weights["embeddings.word_embeddings.weight"].index_select(0, ids.flatten()).view(b, n, Hidden)
            + _weights["embeddings.position_embeddings.weight"].index_select(0, positions).unsqueeze(0)
            + _weights[TokenTypes].index_select(0, types.flatten()).view(b, n, Hidden);
        return nn.functional.layer_norm(x, [Hidden], _weights["embeddings.LayerNorm.weight"], _weights["embeddings.LayerNorm.bias"], LayerNormEps);
    }

    private Tensor Layer(Tensor x, int l, Tensor additive, bool training, double dropout)
    {
        var m = LayerMatrices[l];
        string p = $"encoder.layer.{l}.";
        long b = x.shape[0], n = x.shape[1];
        Tensor Heads4(Tensor t) => t.view(b, n, Heads, HeadSize).transpose(1, 2);
        var q = Heads4(x.matmul(_weights[m[0]]) + _weights[p + "attention.self.query.bias"]);
        var k = Heads4(x.matmul(_weights[m[1]]) + _weights[p + "attention.self.key.bias"]);
        var v = Heads4(x.matmul(_weights[m[2]]) + _weights[p + "attention.self.value.bias"]);
        var scores = q.matmul(k.transpose(2, 3)) / Math.Sqrt(HeadSize) + additive;
        var probs = nn.functional.dropout(nn.functional.softmax(scores, -1), dropout, training);
        var context = probs.matmul(v).transpose(1, 2).contiguous().view(b, n, Hidden);
        var attn = nn.functional.dropout(context.matmul(_weights[m[3]]) + _weights[p + "attention.output.dense.bias"], dropout, training);
        x = nn.functional.layer_norm(attn + x, [Hidden], _weights[p + "attention.output.LayerNorm.weight"], _weights[p + "attention.output.LayerNorm.bias"], LayerNormEps);
        var inter = nn.functional.gelu(x.matmul(_weights[m[4]]) + _weights[p + "intermediate.dense.bias"]);
        var output = nn.functional.dropout(inter.matmul(_weights[m[5]]) + _weights[p + "output.dense.bias"], dropout, training);
        return nn.functional.layer_norm(output + x, [Hidden], _weights[p + "output.LayerNorm.weight"], _weights[p + "output.LayerNorm.bias"], LayerNormEps);
    }

    /// <summary>Current values of the trainable tensors, by ONNX name (the head under <see cref="HeadWeight"/>/<see cref="HeadBias"/>).</summary>
    public IEnumerable<(string Name, long[] Dims, float[] Values)> TrainedTensors()
    {
        foreach (var (name, p) in _trainableByName.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            yield return (name, p.shape, p.detach().contiguous().data<float>().ToArray());
    }

    public void Dispose()
    {
        foreach (var t in _weights.Values) t.Dispose();
    }
}
