using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Tests.Tagging;

/// <summary>
/// The tagger's fast path (word-score cache, inline weight slots) must tag exactly as the plain feature sum does:
/// speed work may never change a tag.
/// </summary>
public sealed class TaggerFastPathTests
{
    private static readonly Lazy<PosModel> s_shipped = new(() => PosModel.Load(NlpTestData.Repo("data", "models", "pos", "en-ewt-pos.bin")));
    private static readonly Lazy<List<List<string>>> s_test = new(() =>
        [.. ConlluReader.Read(NlpTestData.Ud("en_ewt-ud-test.conllu")).Take(400).Select(s => s.Tokens.Select(w => w.Form).ToList())]);

    [Fact]
    public void Word_and_context_features_are_exactly_the_full_feature_set()
    {
        var forms = s_test.Value.SelectMany(s => s).Take(60).ToArray();
        var words = forms.Select(f => PosFeatures.Compute(f, s_shipped.Value.AmbiguityMap)).ToArray();
        int[] firstPass = [.. Enumerable.Range(0, words.Length).Select(i => i * 7 % 50)];
        foreach (var stacked in new[] { false, true })
        {
            var fp = stacked ? firstPass : default(ReadOnlySpan<int>);
            for (int i = 0; i < words.Length; i++)
            {
                var full = new ulong[PosFeatures.MaxFeatures];
                var parts = new ulong[PosFeatures.MaxFeatures * 2];
                int n = PosFeatures.Extract(words, i, i % 5 - 1, i % 3 - 1, fp, full);
                int a = PosFeatures.ExtractWord(in words[i], parts);
                int b = PosFeatures.ExtractContext(words, i, i % 5 - 1, i % 3 - 1, fp, parts.AsSpan(a));
                Assert.Equal(full.AsSpan(0, n).ToArray().Order(), parts.AsSpan(0, a + b).ToArray().Order());
            }
        }
    }

    [Fact]
    public void Cached_tagging_equals_the_plain_feature_sum()
    {
        var m = s_shipped.Value;
        var tagger = new PosTagger(m);
        var fbuf = new ulong[PosFeatures.MaxFeatures];
        var scores = new int[m.ClassCount];
        int compared = 0;
        // Twice: the first round fills the per-word cache, the second reads it.
        for (int round = 0; round < 2; round++)
        {
            foreach (var sentence in s_test.Value)
            {
                var words = sentence.Select(f => PosFeatures.Compute(f, m.AmbiguityMap)).ToArray();
                var first = new int[words.Length];
                var plain = new int[words.Length];
                m.Passes[0].Decode(words, default, first, fbuf, scores);
                if (m.Passes.Length > 1) m.Passes[1].Decode(words, first, plain, fbuf, scores);
                else first.CopyTo(plain, 0);
                Assert.Equal(plain, tagger.Tag(sentence));
                compared += words.Length;
            }
        }
        Assert.True(compared > 10_000);
    }
}
