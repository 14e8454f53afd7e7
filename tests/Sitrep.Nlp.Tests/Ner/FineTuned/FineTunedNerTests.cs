using Sitrep.Nlp.Encoders;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Ner.FineTuned;
using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Tests.Ner.FineTuned;

public sealed class FineTunedNerTests
{
    private static readonly Lazy<FineTunedNerTagger> s_shipped = new(() => FineTunedNerStage.LoadTagger(
        NlpTestData.Repo("data", "models", "ner", FineTunedNerStage.DefaultModelFile), NlpTestData.Repo("data", "models", "ner", "en-ner.bin")));

    [Fact]
    public void Seed_article_main_entities_are_found_by_the_fine_tuned_variant() => SeedEntities.AssertFound(s_shipped.Value.Tag);

    [Fact]
    public void The_fine_tuned_encoder_differs_from_the_shipped_one_and_repeats_itself()
    {
        string[] forms = ["Kim", "Jong", "Un", "met", "Vladimir", "Putin", "in", "Vladivostok", "."];
        var tuned = s_shipped.Value.Encoder;
        var a = tuned.Encode(forms);
        Assert.Equal(a, tuned.Encode(forms));
        Assert.NotEqual(a, Tests.Encoders.MiniLmEncoderTests.Shared.Value.Encode(forms));
        Assert.Contains(FineTunedNerStage.DefaultModelFile.Replace(".bin", "", StringComparison.Ordinal), tuned.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variant_adds_to_the_default_model_and_changes_its_decisions()
    {
        // Weight 0 leaves the default model alone: its mentions, exactly.
        var shipped = s_shipped.Value;
        var alone = new NerTagger(shipped.Sparse, documentPass: false);
        var zero = new FineTunedNerTagger(shipped.Model, shipped.Encoder, shipped.Sparse, weight: 0f);
        string[] forms = ["Lisa", "sent", "her", "resume", "to", "Accenture", "in", "Houston", "on", "Monday", "."];
        Assert.Equal(alone.Tag(forms, null), zero.Tag(forms, null));
        var logp = shipped.WeightedLogProbs(forms);
        Assert.Equal(forms.Length * shipped.Sparse.ClassCount, logp.Length);
        Assert.All(logp, v => Assert.True(v <= 0 && float.IsFinite(v)));
    }

    [Fact]
    public void Casing_classes_show_what_the_uncased_pieces_lose()
    {
        Assert.Equal(0, MiniLmEncoder.CasingClass("shells", false));
        Assert.Equal(0, MiniLmEncoder.CasingClass("2023", false));
        Assert.Equal(1, MiniLmEncoder.CasingClass("Pyongyang", false));
        Assert.Equal(2, MiniLmEncoder.CasingClass("Pyongyang", true));
        Assert.Equal(3, MiniLmEncoder.CasingClass("NSC", false));
        Assert.Equal(1, MiniLmEncoder.CasingClass("A", false));
        Assert.Equal(4, MiniLmEncoder.CasingClass("McDonald", false));
        Assert.Equal(4, MiniLmEncoder.CasingClass("iPhone", false));
    }

    [Fact]
    public void Model_files_keep_differences_to_a_row_scale_and_new_tensors_exactly()
    {
        var original = new MiniLmTensor("w", [2, 4], [0.5f, -0.25f, 1f, 0f, 2f, 2f, 2f, 2f]);
        var graph = new Dictionary<string, MiniLmTensor>(StringComparer.Ordinal) { ["w"] = original };
        var tuned = new MiniLmTensor("w", [2, 4], [0.51f, -0.25f, 0.97f, 0.003f, 2f, 2f, 2f, 2f]);
        var fresh = new MiniLmTensor("types", [3, 2], [1f, 2f, 3f, 4f, 5f, 6f]);
        string[] labels = ["O", "B-PER", "I-PER"];
        var head = Enumerable.Range(0, MiniLmEncoder.Dimensions * labels.Length).Select(i => i * 0.001f).ToArray();
        var model = new FineTunedNerModel(new string('a', 64), labels, true, [tuned, fresh], head, [0.1f, 0.2f, 0.3f], 30f, "test");
        var path = Path.GetTempFileName();
        try
        {
            model.Save(path, graph);
            var back = FineTunedNerModel.Load(path, graph, new string('a', 64));
            Assert.Equal(labels, back.Labels);
            Assert.True(back.CasingTypes);
            Assert.Equal(30f, back.Weight);
            Assert.Equal(head, back.HeadWeightValues);
            Assert.Equal(fresh.Values, back.EncoderTensors.Single(t => t.Name == "types").Values);
            var w = back.EncoderTensors.Single(t => t.Name == "w").Values;
            // Row 0's largest difference is 0.03: each value within half a step (0.03 / 127 / 2); row 1 did not move.
            for (int k = 0; k < 4; k++) Assert.True(Math.Abs(w[k] - tuned.Values[k]) <= 0.03f / 254 + 1e-6f, $"value {k}");
            Assert.Equal(original.Values[4..], w[4..]);
            Assert.Throws<InvalidDataException>(() => FineTunedNerModel.Load(path, graph, new string('b', 64)));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_shipped_graph_has_the_weights_fine_tuning_replaces()
    {
        var graph = OnnxInitializers.Read(MiniLmResources.Load().Model);
        Assert.Equal([30522L, 384L], graph["embeddings.word_embeddings.weight"].Dims);
        Assert.Equal([2L, 384L], graph["embeddings.token_type_embeddings.weight"].Dims);
        var model = s_shipped.Value.Model;
        foreach (var t in model.EncoderTensors.Where(t => t.Name != "embeddings.token_type_embeddings.weight"))
            Assert.Equal(graph[t.Name].Dims, t.Dims);
        Assert.Equal([(long)MiniLmEncoder.CasingClasses, 384L], model.EncoderTensors.Single(t => t.Name == "embeddings.token_type_embeddings.weight").Dims);
    }
}
