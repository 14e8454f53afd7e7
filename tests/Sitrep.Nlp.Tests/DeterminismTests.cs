using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Tests;

/// <summary>Same data, same seed, same model bytes (NER; the POS and parser trainers have their own tests in Tagging/ and Parsing/).</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Training_ner_twice_gives_identical_bytes()
    {
        var train = NerCorpus.ReadGum(NlpTestData.Ud("en_gum-ud-dev.noNC.conllu")).Take(300).ToList();
        Assert.Contains(train, s => s.Spans.Length > 0);
        GazetteerEntry[] gazetteer = [new(["Russia"], GazetteerType.Gpe), new(["Russian"], GazetteerType.Norp), new(["NATO"], GazetteerType.Organization)];
        var options = new NerTrainingOptions { Epochs = 2, Seed = 7, Description = "determinism test" };
        byte[] Bytes()
        {
            using var ms = new MemoryStream();
            NerTrainer.Train(train, null, gazetteer, options).Save(ms);
            return ms.ToArray();
        }
        var a = Bytes();
        Assert.True(a.Length > 1000);
        Assert.Equal(a, Bytes());
    }

    [Fact]
    public void Bagged_ner_training_is_deterministic_and_averages_the_seeds()
    {
        var train = NerCorpus.ReadGum(NlpTestData.Ud("en_gum-ud-dev.noNC.conllu")).Take(200).ToList();
        var options = new NerTrainingOptions { Epochs = 2, Seed = 3, Description = "bagging test" };
        byte[] Bytes(NerModel m)
        {
            using var ms = new MemoryStream();
            m.Save(ms);
            return ms.ToArray();
        }
        var bagged = NerTrainer.TrainBagged(train, null, [], options, 2);
        Assert.Equal(Bytes(bagged), Bytes(NerTrainer.TrainBagged(train, null, [], options, 2)));
        // One bag is plain training; two bags hold the features of both seeds' models.
        Assert.Equal(Bytes(NerTrainer.Train(train, null, [], options)), Bytes(NerTrainer.TrainBagged(train, null, [], options, 1)));
        var seed3 = NerTrainer.Train(train, null, [], options);
        var seed4 = NerTrainer.Train(train, null, [], options with { Seed = 4 });
        Assert.NotEqual(Bytes(seed3), Bytes(bagged));
        Assert.True(bagged.FeatureCount >= Math.Max(seed3.FeatureCount, seed4.FeatureCount) * 9 / 10, $"{bagged.FeatureCount} vs {seed3.FeatureCount}, {seed4.FeatureCount}");
    }
}
