using Sitrep.Nlp.Encoders;
using Sitrep.Nlp.Ner.FineTuned;

namespace Sitrep.NerFineTune;

internal static class FineTunedWeights
{
    /// <summary>The trained tensors as a <see cref="FineTunedNerModel"/>: encoder tensors by ONNX name, the head apart.</summary>
    public static FineTunedNerModel ToModel(MiniLmTokenClassifier model, string[] labels, string encoderSha256, bool casing, float weight, string description)
    {
        var tensors = model.TrainedTensors().ToList();
        var head = tensors.Single(t => t.Name == MiniLmTokenClassifier.HeadWeight).Values;
        var bias = tensors.Single(t => t.Name == MiniLmTokenClassifier.HeadBias).Values;
        var encoder = tensors.Where(t => t.Name is not (MiniLmTokenClassifier.HeadWeight or MiniLmTokenClassifier.HeadBias))
            .Select(t => new MiniLmTensor(t.Name, t.Dims, t.Values)).ToList();
        return new FineTunedNerModel(encoderSha256, labels, casing, encoder, head, bias, weight, description);
    }
}
