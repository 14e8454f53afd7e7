using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Tests.Ner;

public sealed class NerBeamTests
{
    private static readonly Lazy<NerModel> s_shipped = new(() => NerModel.Load(NlpTestData.Repo("data", "models", "ner", "en-ner.bin")));

    // UNER English-EWT dev (never the test split), gold tokens, no UPOS: enough real text for the decoder and a small training run.
    private static readonly Lazy<List<NerSentence>> s_dev = new(() => NerCorpus.Read(NlpTestData.Shared("data", "ner", "uner_en_ewt", "en_ewt-ud-dev.iob2")));

    [Fact]
    public void History_free_and_history_features_are_exactly_the_full_feature_set()
    {
        var model = s_shipped.Value;
        var full = new ulong[NerFeatures.MaxFeatures];
        var part = new ulong[NerFeatures.MaxFeatures];
        int checkedWords = 0;
        foreach (var s in s_dev.Value.Take(200))
        {
            var words = Prepare(model, s.Forms);
            for (int i = 0; i < words.Length; i++)
                foreach (var (p1, p2) in new[] { (-1, -1), (0, -1), (1, 0), (2, 1), (5, 6) })
                {
                    int n = NerFeatures.Extract(words, i, p1, p2, full);
                    int ns = NerFeatures.ExtractStatic(words, i, part);
                    int nh = NerFeatures.ExtractHistory(words, i, p1, p2, part.AsSpan(ns));
                    Assert.Equal(full.AsSpan(0, n).ToArray().Order(), part.AsSpan(0, ns + nh).ToArray().Order());
                    checkedWords++;
                }
        }
        Assert.True(checkedWords > 1000);
    }

    [Fact]
    public void Beam_of_width_one_gives_exactly_the_greedy_tagging()
    {
        var model = s_shipped.Value;
        var tagger = new NerTagger(model, documentPass: false, beam: 1);
        int mentions = 0;
        foreach (var s in s_dev.Value)
        {
            var expected = GreedyReference(model, s.Forms);
            var actual = tagger.Tag(s.Forms, null);
            Assert.Equal(expected, actual);
            mentions += actual.Count;
        }
        Assert.True(mentions > 500);
    }

    [Fact]
    public void Wider_beams_change_some_taggings_and_keep_mentions_inside_the_sentence()
    {
        var model = s_shipped.Value;
        var greedy = new NerTagger(model, documentPass: false, beam: 1);
        var beam = new NerTagger(model, documentPass: false, beam: 8);
        Assert.Equal(8, beam.Beam);
        int differ = 0;
        foreach (var s in s_dev.Value)
        {
            var b = beam.Tag(s.Forms, null);
            for (int i = 0; i < b.Count; i++)
            {
                Assert.True(b[i].Start >= 0 && b[i].Length >= 1 && b[i].Start + b[i].Length <= s.Forms.Length);
                if (i > 0) Assert.True(b[i - 1].Start + b[i - 1].Length <= b[i].Start);
            }
            if (!b.SequenceEqual(greedy.Tag(s.Forms, null))) differ++;
        }
        // A search that never disagrees with greedy decoding would be no search at all.
        Assert.InRange(differ, 1, s_dev.Value.Count / 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(64)]
    public void Beam_search_yields_only_valid_bio_sequences_and_a_wide_beam_is_exact(int width)
    {
        var allowed = NerModel.BuildTransitions(3);
        int nc = 7;
        var beam = new NerBeam(nc, allowed, width);
        var classes = new int[6];
        for (int seed = 1; seed <= 300; seed++)
        {
            int n = 1 + seed % 6;
            var scorer = new RandomScorer((ulong)seed, nc);
            beam.Search(ref scorer, n);
            beam.Trace(n - 1, 0, classes);
            int p1 = -1;
            for (int i = 0; i < n; i++)
            {
                Assert.True(allowed[(p1 + 1) * nc + classes[i]], $"seed {seed}: class {classes[i]} after {p1} at {i}");
                p1 = classes[i];
            }
            // Exhaustive search over every valid sequence: a beam wide enough for every (previous, class) state is exact,
            // and no beam returns a sequence that scores above the optimum, or one whose reported score is not its score.
            var (bestScore, best) = Exhaustive(scorer, allowed, nc, n);
            Assert.Equal(n, best.Length);
            double score = SequenceScore(scorer, classes.AsSpan(0, n));
            Assert.Equal(score, beam.Score(n - 1, 0), 9);
            Assert.True(score <= bestScore + 1e-9);
            if (width >= nc * (nc + 1)) Assert.Equal(bestScore, score, 9);
        }
    }

    [Fact]
    public void Beam_trained_models_are_byte_identical_across_trainings_and_keep_their_beam()
    {
        var train = s_dev.Value.Take(400).ToList();
        var options = new NerTrainingOptions { Epochs = 2, Seed = 3, MinFeatureCount = 1, TrainBeam = 4, DecodeBeam = 4 };
        byte[] Bytes(NerTrainingOptions o)
        {
            using var ms = new MemoryStream();
            NerTrainer.Train(train, null, [], o).Save(ms);
            return ms.ToArray();
        }
        var a = Bytes(options);
        Assert.Equal(a, Bytes(options));
        var early = Bytes(options with { Update = NerBeamUpdate.Early });
        Assert.NotEqual(a, early);
        Assert.NotEqual(a, Bytes(options with { TrainBeam = 0 }));

        var loaded = NerModel.Load(new MemoryStream(a));
        Assert.Equal(4, loaded.DecodeBeam);
        Assert.Equal(NerModel.BeamFormatVersion, loaded.FileFormatVersion);
        Assert.Equal(4, new NerTagger(loaded).Beam);
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(a, again.ToArray());

        // A greedy model stays in format 2, which older readers take.
        var greedy = loaded.WithDecodeBeam(1);
        using var g = new MemoryStream();
        greedy.Save(g);
        g.Position = 0;
        using var r = new BinaryReader(g);
        Assert.Equal(NerModel.Magic, r.ReadString());
        Assert.Equal(NerModel.FormatVersion, r.ReadInt32());
    }

    [Fact]
    public void Structured_training_learns_the_training_sentences()
    {
        var train = s_dev.Value.Take(400).ToList();
        var model = NerTrainer.Train(train, null, [], new NerTrainingOptions { Epochs = 4, Seed = 1, MinFeatureCount = 1, TrainBeam = 4, DecodeBeam = 4 });
        var scores = NerEvaluation.Score(new NerTagger(model, documentPass: false), train);
        Assert.True(scores.Overall.Gold > 100);
        Assert.True(scores.Overall.F1 > 80, $"F1 on the training sentences {scores.Overall.F1:0.00}");
    }

    private static NerWord[] Prepare(NerModel model, string[] forms)
    {
        var words = new NerWord[forms.Length];
        for (int i = 0; i < forms.Length; i++) NerFeatures.Compute(forms[i], 0, model.CaseStats, ref words[i]);
        model.Gazetteer.Mark(words);
        return words;
    }

    /// <summary>The greedy left-to-right decoder as it was before the beam: all features scored at once, best allowed class.</summary>
    private static List<NerSpan> GreedyReference(NerModel model, string[] forms)
    {
        var words = Prepare(model, forms);
        var classes = new int[words.Length];
        var features = new ulong[NerFeatures.MaxFeatures];
        var scores = new float[model.ClassCount];
        int p1 = -1, p2 = -1;
        for (int i = 0; i < words.Length; i++)
        {
            int nf = NerFeatures.Extract(words, i, p1, p2, features);
            model.Weights.Score(features.AsSpan(0, nf), scores);
            int row = (p1 + 1) * model.ClassCount, best = -1;
            for (int c = 0; c < model.ClassCount; c++)
                if (model.Allowed[row + c] && (best < 0 || scores[c] > scores[best])) best = c;
            classes[i] = best;
            p2 = p1; p1 = best;
        }
        var spans = new List<NerSpan>();
        NerMentionRules.Spans(model, words, classes, spans);
        return spans;
    }

    /// <summary>Scores that depend on the word, the class and both previous classes, from a seeded hash (ties are rare but possible).</summary>
    private struct RandomScorer(ulong seed, int nc) : INerScorer
    {
        private int _i;
        public void Begin(int i) => _i = i;
        public readonly void Local(int p1, int p2, Span<float> scores)
        {
            for (int c = 0; c < nc; c++) scores[c] = Value(_i, p1, p2, c);
        }
        public readonly float Value(int i, int p1, int p2, int c)
        {
            ulong h = seed * 0x9E3779B97F4A7C15UL ^ (ulong)(i * 512 + (p1 + 1) * 64 + (p2 + 1) * 8 + c) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31; h *= 0x94D049BB133111EBUL; h ^= h >> 29;
            return (h % 2001) / 100f - 10f;
        }
    }

    private static double SequenceScore(RandomScorer scorer, ReadOnlySpan<int> classes)
    {
        double s = 0;
        for (int i = 0; i < classes.Length; i++) s += scorer.Value(i, i >= 1 ? classes[i - 1] : -1, i >= 2 ? classes[i - 2] : -1, classes[i]);
        return s;
    }

    private static (double Score, int[] Classes) Exhaustive(RandomScorer scorer, bool[] allowed, int nc, int n)
    {
        double best = double.NegativeInfinity;
        int[] bestSeq = [];
        var seq = new int[n];
        void Walk(int i, double s)
        {
            if (i == n)
            {
                if (s > best) { best = s; bestSeq = [.. seq]; }
                return;
            }
            int p1 = i >= 1 ? seq[i - 1] : -1, p2 = i >= 2 ? seq[i - 2] : -1;
            for (int c = 0; c < nc; c++)
            {
                if (!allowed[(p1 + 1) * nc + c]) continue;
                seq[i] = c;
                Walk(i + 1, s + scorer.Value(i, p1, p2, c));
            }
        }
        Walk(0, 0);
        return (best, bestSeq);
    }
}
