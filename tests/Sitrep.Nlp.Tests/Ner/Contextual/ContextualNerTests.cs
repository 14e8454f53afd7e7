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
    public void Seed_article_main_entities_are_found_by_the_minilm_variant() =>
        SeedEntities.AssertFound(new ContextualNerTagger(s_shipped.Value.Ner, MiniLmEncoderTests.Shared.Value).Tag);

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
        var (sentences, vectors) = Synthetic();
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

    // UNER English-EWT dev (never the test split), gold tokens, no UPOS: real sentences for the decoder.
    // The first 400 sentences with their MiniLM vectors (about 6k words: a few seconds of encoding).
    private static readonly Lazy<List<(NerSentence Sentence, float[] Vectors)>> s_dev = new(() =>
        [.. NerCorpus.Read(NlpTestData.Shared("data", "ner", "uner_en_ewt", "en_ewt-ud-dev.iob2")).Where(s => s.Forms.Length > 0).Take(400)
            .Select(s => (s, MiniLmEncoderTests.Shared.Value.Encode(s.Forms)))]);

    [Fact]
    public void Beam_of_width_one_gives_exactly_the_greedy_tagging()
    {
        var model = s_shipped.Value.Ner;
        var tagger = new ContextualNerTagger(model, beam: 1);
        Assert.Equal(1, tagger.Beam);
        int mentions = 0;
        foreach (var (s, v) in s_dev.Value)
        {
            var actual = tagger.Tag(s.Forms, null, v);
            Assert.Equal(GreedyReference(model, s.Forms, v), actual);
            mentions += actual.Count;
        }
        Assert.True(mentions > 100, $"{mentions} mentions");
    }

    [Fact]
    public void Wider_beams_change_some_taggings_and_keep_mentions_inside_the_sentence()
    {
        var model = s_shipped.Value.Ner;
        var greedy = new ContextualNerTagger(model, beam: 1);
        var wide = new ContextualNerTagger(model, beam: 8);
        Assert.Equal(8, wide.Beam);
        int differ = 0, n = 0;
        foreach (var (s, v) in s_dev.Value)
        {
            var b = wide.Tag(s.Forms, null, v);
            for (int i = 0; i < b.Count; i++)
            {
                Assert.True(b[i].Start >= 0 && b[i].Length >= 1 && b[i].Start + b[i].Length <= s.Forms.Length);
                if (i > 0) Assert.True(b[i - 1].Start + b[i - 1].Length <= b[i].Start);
            }
            if (!b.SequenceEqual(greedy.Tag(s.Forms, null, v))) differ++;
            n++;
        }
        Assert.InRange(differ, 1, n / 5);
    }

    [Fact]
    public void Document_tagging_without_the_pass_is_sentence_tagging_and_the_pass_keeps_mentions_in_their_sentences()
    {
        var model = s_shipped.Value.Ner;
        var sentences = s_dev.Value.Select(p => p.Sentence).ToList();
        var vectors = s_dev.Value.Select(p => p.Vectors).ToList();
        var plain = new ContextualNerTagger(model).TagDocument(sentences, vectors);
        var tagger = new ContextualNerTagger(model);
        for (int i = 0; i < sentences.Count; i++) Assert.Equal(tagger.Tag(sentences[i].Forms, null, vectors[i]), plain[i]);
        var pass = new ContextualNerTagger(model, documentPass: true).TagDocument(sentences, vectors);
        Assert.Equal(sentences.Count, pass.Length);
        for (int i = 0; i < sentences.Count; i++)
            foreach (var m in pass[i]) Assert.True(m.Start >= 0 && m.Start + m.Length <= sentences[i].Forms.Length);
        Assert.True(plain.Sum(p => p.Count) > 50);
    }

    [Fact]
    public void Beam_trained_and_bagged_models_are_byte_identical_across_trainings_and_keep_their_beam()
    {
        var (sentences, vectors) = Synthetic();
        var options = new ContextualNerTrainingOptions { Epochs = 3, Seed = 7, MinFeatureCount = 1, EncoderVersion = "test", TrainBeam = 4, DecodeBeam = 4 };
        byte[] Bytes(ContextualNerModel m)
        {
            using var ms = new MemoryStream();
            m.Save(ms);
            return ms.ToArray();
        }
        var single = ContextualNerTrainer.Train(sentences, vectors, null, null, [], options);
        Assert.Contains(single.Dense, w => w != 0);
        var a = Bytes(single);
        Assert.Equal(a, Bytes(ContextualNerTrainer.Train(sentences, vectors, null, null, [], options)));
        Assert.NotEqual(a, Bytes(ContextualNerTrainer.Train(sentences, vectors, null, null, [], options with { TrainBeam = 0 })));

        var loaded = ContextualNerModel.Load(new MemoryStream(a));
        Assert.Equal(4, loaded.Sparse.DecodeBeam);
        Assert.Equal(ContextualNerModel.BeamFormatVersion, loaded.FileFormatVersion);
        Assert.Equal(4, new ContextualNerTagger(loaded).Beam);
        Assert.Equal(a, Bytes(loaded));
        Assert.Equal(sentences[0].Spans, new ContextualNerTagger(loaded).Tag(sentences[0].Forms, sentences[0].Upos, vectors[0]));

        // Bagging averages the dense weights of the seeds' models too, and is deterministic.
        var bagged = ContextualNerTrainer.TrainBagged(sentences, vectors, null, null, [], options, 2);
        Assert.Equal(Bytes(bagged), Bytes(ContextualNerTrainer.TrainBagged(sentences, vectors, null, null, [], options, 2)));
        var second = ContextualNerTrainer.Train(sentences, vectors, null, null, [], options with { Seed = 8 });
        Assert.False(single.Dense.AsSpan().SequenceEqual(second.Dense));
        for (int j = 0; j < bagged.Dense.Length; j++) Assert.Equal((single.Dense[j] + second.Dense[j]) / 2, bagged.Dense[j], 5);
        Assert.Equal(4, bagged.Sparse.DecodeBeam);
    }

    /// <summary>Tiny synthetic data with fixed pseudo-vectors: the trainer, not the encoder, is under test.</summary>
    private static (List<NerSentence> Sentences, List<float[]> Vectors) Synthetic()
    {
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
        return (sentences, vectors);
    }

    /// <summary>The MiniLM variant's greedy decoder as it was before the beam: all sparse features at once plus the dense scores.</summary>
    private static List<NerSpan> GreedyReference(ContextualNerModel model, string[] forms, float[] vectors)
    {
        var m = model.Sparse;
        var words = new NerWord[forms.Length];
        for (int i = 0; i < forms.Length; i++) NerFeatures.Compute(forms[i], 0, m.CaseStats, ref words[i]);
        m.Gazetteer.Mark(words);
        int n = forms.Length, nc = m.ClassCount;
        var z = new float[n * MiniLmEncoder.Dimensions];
        ContextualNerTagger.Standardize(model, vectors, n, z);
        var dense = new float[n * nc];
        ContextualNerTagger.DenseScores(model, z, n, new float[model.DenseWidth], dense);
        var classes = new int[n];
        var features = new ulong[NerFeatures.MaxFeatures];
        var scores = new float[nc];
        int p1 = -1, p2 = -1;
        for (int i = 0; i < n; i++)
        {
            int nf = NerFeatures.Extract(words, i, p1, p2, features);
            m.Weights.Score(features.AsSpan(0, nf), scores);
            int row = (p1 + 1) * nc, best = -1;
            for (int c = 0; c < nc; c++)
            {
                scores[c] += dense[i * nc + c];
                if (m.Allowed[row + c] && (best < 0 || scores[c] > scores[best])) best = c;
            }
            classes[i] = best;
            p2 = p1; p1 = best;
        }
        var spans = new List<NerSpan>();
        NerMentionRules.Spans(m, words, classes, spans);
        return spans;
    }
}
