using Sitrep.Core;
using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Ner.FineTuned;

/// <summary>
/// The fine-tuned MiniLM variant: the default model's beam search over its own class scores plus <see cref="Weight"/> times
/// the fine-tuned encoder's log-probabilities of each token's BIO classes (each token's first-piece hidden state through the
/// linear head), then the default model's mention rules. Two taggers with different errors: the sparse model knows the
/// gazetteers and word shapes, the encoder reads the sentence. Sentence by sentence, like the other MiniLM variant.
/// </summary>
public sealed class FineTunedNerTagger
{
    private const int D = MiniLmEncoder.Dimensions;
    private readonly int[] _classOfLabel;
    private readonly NerTagger _sparse;

    /// <param name="weight">Overrides the model's <see cref="FineTunedNerModel.Weight"/> (for measuring other weights).</param>
    public FineTunedNerTagger(FineTunedNerModel model, MiniLmEncoder encoder, NerModel sparse, float? weight = null)
    {
        if (encoder.Weights is null) throw new ArgumentException("The encoder must run with the model's fine-tuned weights.", nameof(encoder));
        Model = model; Encoder = encoder; Sparse = sparse; Weight = weight ?? model.Weight;
        _sparse = new NerTagger(sparse, documentPass: false);
        _classOfLabel = new int[model.Labels.Count];
        for (int l = 0; l < model.Labels.Count; l++)
        {
            var label = model.Labels[l];
            if (label == "O") continue;
            int type = label.Length > 2 && label[1] == '-' ? IndexOf(sparse.Types, label[2..]) : -1;
            if (type < 0 || label[0] is not ('B' or 'I')) throw new InvalidDataException($"Label {label} has no type in the default model ({string.Join(", ", sparse.Types)}).");
            _classOfLabel[l] = NerModel.ClassOf(type, label[0] == 'B' ? 0 : 1);
        }
    }

    public FineTunedNerModel Model { get; }
    public MiniLmEncoder Encoder { get; }
    public NerModel Sparse { get; }
    public float Weight { get; }

    private static int IndexOf(IReadOnlyList<string> types, string type)
    {
        for (int i = 0; i < types.Count; i++) if (string.Equals(types[i], type, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Tags one sentence of word forms (UPOS, when given, feeds the default model's features).</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos) =>
        forms.Count == 0 ? [] : _sparse.Tag(forms, upos, WeightedLogProbs(forms));

    /// <summary>Tags the tokens of one sentence of <paramref name="text"/>; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output)
    {
        var forms = new string[tokens.Length];
        var upos = new string?[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) { forms[i] = text.Substring(tokens[i].Span.Start, tokens[i].Span.Length); upos[i] = tokens[i].Upos; }
        foreach (var m in Tag(forms, upos))
        {
            var a = tokens[m.Start].Span; var b = tokens[m.Start + m.Length - 1].Span;
            output.Add(new EntityMention(new TextSpan(a.Start, b.End), m.Type, firstToken + m.Start, m.Length));
        }
    }

    /// <summary>
    /// <see cref="Weight"/> times the log-probabilities of each token's BIO classes, in the default model's class numbering
    /// (<c>[i * ClassCount + c]</c>); classes the head lacks get the log-probability -30.
    /// </summary>
    public float[] WeightedLogProbs(IReadOnlyList<string> forms)
    {
        int n = forms.Count, nc = Sparse.ClassCount, labels = Model.Labels.Count;
        var result = new float[n * nc];
        Array.Fill(result, -30f * Weight);
        if (n == 0) return result;
        var vectors = Encoder.Encode(forms);
        var head = Model.HeadWeightValues; var bias = Model.HeadBiasValues;
        var logits = new double[labels];
        for (int i = 0; i < n; i++)
        {
            var v = vectors.AsSpan(i * D, D);
            double max = double.NegativeInfinity;
            for (int c = 0; c < labels; c++)
            {
                double z = bias[c];
                for (int k = 0; k < D; k++) z += v[k] * head[k * labels + c];
                logits[c] = z; max = Math.Max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < labels; c++) sum += Math.Exp(logits[c] - max);
            double log = max + Math.Log(sum);
            for (int c = 0; c < labels; c++) result[i * nc + _classOfLabel[c]] = (float)((logits[c] - log) * Weight);
        }
        return result;
    }
}
