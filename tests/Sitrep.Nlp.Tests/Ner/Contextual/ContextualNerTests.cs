using Sitrep.Nlp.Encoders;
using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Ner.Contextual;
using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;
using Sitrep.Nlp.Tests.Encoders;

namespace Sitrep.Nlp.Tests.Ner.Contextual;

public sealed class ContextualNerTests
{
    private static readonly Lazy<(PosModel Pos, ContextualNerModel Ner)> s_shipped = new(() =>
        (PosModel.Load(NlpTestData.Repo("data", "models", "pos", "en-ewt-pos.bin")),
         ContextualNerModel.Load(NlpTestData.Repo("data", "models", "ner", ContextualNerStage.DefaultModelFile))));

    [Fact]
    public void Seed_article_main_entities_are_found_by_the_minilm_variant()
    {
        var text = File.ReadAllText(NlpTestData.Shared("samples", "seed-article.txt"));
        var (sentences, tokens) = TokenizerStage.Run(text);
        new PosTaggerStage(s_shipped.Value.Pos, "pos", "-").Tag(text, sentences, tokens);
        var tagger = new ContextualNerTagger(s_shipped.Value.Ner, MiniLmEncoderTests.Shared.Value);
        var mentions = new List<EntityMention>();
        foreach (var s in sentences) tagger.Tag(text, tokens.AsSpan(s.FirstToken, s.TokenCount), s.FirstToken, mentions);
        var found = mentions.Select(m => (Text: text[m.Span.Start..m.Span.End], m.Type)).ToHashSet();

        foreach (var name in new[] { "Vladimir Putin", "Kim Jong Un", "John Kirby", "Sergei Shoigu" })
            Assert.Contains((name, "PER"), found);
        foreach (var org in new[] { "Wagner Group", "AP", "National Security Council" })
            Assert.Contains((org, "ORG"), found);
        Assert.True(found.Contains(("White House", "ORG")) || found.Contains(("White House", "LOC")), "White House");
        foreach (var place in new[] { "Russia", "North Korea", "Ukraine", "Pyongyang", "Moscow", "Iran", "South Korea" })
            Assert.True(found.Contains((place, "GPE")) || found.Contains((place, "LOC")), place);
        for (int i = 1; i < mentions.Count; i++)
            Assert.True(mentions[i - 1].FirstToken + mentions[i - 1].TokenCount <= mentions[i].FirstToken);
    }

    [Fact]
    public void Saved_model_loads_to_the_same_bytes()
    {
        var path = NlpTestData.Repo("data", "models", "ner", ContextualNerStage.DefaultModelFile);
        using var ms = new MemoryStream();
        ContextualNerModel.Load(path).Save(ms);
        Assert.Equal(File.ReadAllBytes(path), ms.ToArray());
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes_and_the_dense_part_learns()
    {
        // Tiny synthetic data with fixed pseudo-vectors: the trainer, not the encoder, is under test here.
        var sentences = new List<NerSentence>();
        var vectors = new List<float[]>();
        string[] people = ["Kirby", "Shoigu", "Putin", "Kim"], places = ["Moscow", "Pyongyang", "Kyiv", "Tehran"];
        for (int k = 0; k < 40; k++)
        {
            string who = people[k % 4], where = places[(k / 4) % 4];
            sentences.Add(new NerSentence([who, "went", "to", where, "."], [new NerSpan(0, 1, "PER"), new NerSpan(3, 1, "LOC")], ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"]));
            var v = new float[5 * MiniLmEncoder.Dimensions];
            for (int i = 0; i < v.Length; i++) v[i] = (float)Math.Sin(i * 0.37 + k * 0.11 + (i / MiniLmEncoder.Dimensions == 0 ? 1 : i / MiniLmEncoder.Dimensions == 3 ? -1 : 0));
            vectors.Add(v);
        }
        var options = new ContextualNerTrainingOptions { Epochs = 3, Seed = 7, MinFeatureCount = 1, EncoderVersion = "test" };
        byte[] Bytes()
        {
            var m = ContextualNerTrainer.Train(sentences, vectors, null, null, [], options);
            Assert.Contains(m.Dense, w => w != 0);
            using var ms = new MemoryStream();
            m.Save(ms);
            return ms.ToArray();
        }
        Assert.Equal(Bytes(), Bytes());
        var model = ContextualNerTrainer.Train(sentences, vectors, null, null, [], options);
        var spans = new ContextualNerTagger(model).Tag(sentences[0].Forms, sentences[0].Upos, vectors[0]);
        Assert.Equal(sentences[0].Spans, spans);
    }
}
