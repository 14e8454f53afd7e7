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
}
