using Sitrep.Nlp.Encoders;

namespace Sitrep.Nlp.Tests.Encoders;

/// <summary>The MiniLM encoder as shipped (the model assembly is copied beside the tests by MiniLm.targets).</summary>
public sealed class MiniLmEncoderTests
{
    internal static readonly Lazy<MiniLmEncoder> Shared = new(() => MiniLmEncoder.Load());

    [Fact]
    public void The_package_resources_hold_the_onnx_graph_and_the_uncased_vocabulary()
    {
        var r = Shared.Value;
        Assert.True(r.ModelBytes > 80_000_000);
        var vocab = r.Vocabulary.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("[PAD]", vocab[0]);
        Assert.Contains("[CLS]", vocab);
        Assert.DoesNotContain("Moscow", vocab);
        Assert.Equal(64, Shared.Value.ModelSha256.Length);
    }

    [Fact]
    public void Same_sentence_gives_the_same_vectors_twice()
    {
        string[] forms = ["Kim", "Jong", "Un", "met", "Vladimir", "Putin", "in", "Vladivostok", "."];
        var a = Shared.Value.Encode(forms);
        var b = Shared.Value.Encode(forms);
        Assert.Equal(forms.Length * MiniLmEncoder.Dimensions, a.Length);
        Assert.Equal(a, b);
        Assert.Contains(a, v => v != 0);
    }

    [Fact]
    public void One_vector_per_token_whatever_the_pieces()
    {
        var enc = Shared.Value;
        Span<long> ids = stackalloc long[MiniLmEncoder.MaxPiecesPerToken];
        // Split into several pieces, cut to the cap, and a control character with no piece at all (it becomes [UNK]).
        Assert.True(enc.Pieces("Shoigu", ids) >= 2);
        Assert.Equal(MiniLmEncoder.MaxPiecesPerToken, enc.Pieces("https://www.example.com/a/very/long/path/with-many-words-in-it?q=1&r=2", ids));
        Assert.Equal(1, enc.Pieces("\u0001", ids));
        string[] forms = ["\u0001", "Shoigu", "https://www.example.com/a/very/long/path/with-many-words-in-it?q=1&r=2", "☃", "don't", "."];
        var v = enc.Encode(forms);
        Assert.Equal(forms.Length * MiniLmEncoder.Dimensions, v.Length);
        for (int i = 0; i < forms.Length; i++)
            Assert.Contains(v.AsSpan(i * MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions).ToArray(), x => x != 0);
        // A token's vector depends on its context: the same word in two sentences differs.
        var x1 = enc.Encode(["Washington", "said", "no", "."]).AsSpan(0, MiniLmEncoder.Dimensions).ToArray();
        var x2 = enc.Encode(["Washington", "state", "voted", "."]).AsSpan(0, MiniLmEncoder.Dimensions).ToArray();
        Assert.NotEqual(x1, x2);
    }

    [Fact]
    public void Long_sentences_run_in_windows_and_keep_one_vector_per_token()
    {
        var forms = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "Pyongyang" : "said").ToArray();
        var v = Shared.Value.Encode(forms);
        Assert.Equal(forms.Length * MiniLmEncoder.Dimensions, v.Length);
        Assert.Contains(v.AsSpan(399 * MiniLmEncoder.Dimensions, MiniLmEncoder.Dimensions).ToArray(), x => x != 0);
    }
}
