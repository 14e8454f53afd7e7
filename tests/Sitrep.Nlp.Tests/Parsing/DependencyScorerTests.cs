using Sitrep.Nlp.Parsing;

namespace Sitrep.Nlp.Tests.Parsing;

public sealed class DependencyScorerTests
{
    [Fact]
    public void Perfect_parse_scores_100()
    {
        var s = new DependencyScorer();
        s.Add([1, -1, 1], ["nsubj", "root", "obj"], [1, -1, 1], ["nsubj", "root", "obj"]);
        Assert.Equal(100, s.Uas);
        Assert.Equal(100, s.Las);
    }

    [Fact]
    public void Punctuation_counts_and_wrong_heads_cost_both_scores()
    {
        var s = new DependencyScorer();
        // 4 words; word 3 (punct) has the wrong head, word 0 the right head with a wrong label.
        s.Add([1, -1, 1, 1], ["nsubj", "root", "obj", "punct"], [1, -1, 1, 2], ["obj", "root", "obj", "punct"]);
        Assert.Equal(4, s.Words);
        Assert.Equal(75, s.Uas);
        Assert.Equal(50, s.Las);
    }

    [Fact]
    public void Las_compares_the_universal_part_of_the_relation()
    {
        var s = new DependencyScorer();
        s.Add([1, -1, 1], ["nmod:poss", "root", "obl:tmod"], [1, -1, 1], ["nmod", "root", "obl:npmod"]);
        Assert.Equal(100, s.Las);
        s.Add([-1], ["root"], [-1], ["dep"]);
        Assert.Equal(75, s.Las);
        Assert.Equal(100, s.Uas);
    }

    [Fact]
    public void Sentences_accumulate_over_words_not_sentences()
    {
        var s = new DependencyScorer();
        s.Add([-1], ["root"], [-1], ["root"]);
        s.Add([1, -1, 1], ["a", "root", "b"], [-1, 0, 1], ["a", "root", "b"]);
        Assert.Equal(4, s.Words);
        Assert.Equal(50, s.Uas);
    }

    [Fact]
    public void Different_lengths_are_an_error()
    {
        var s = new DependencyScorer();
        Assert.Throws<ArgumentException>(() => s.Add([-1], ["root"], [-1, 0], ["root", "dep"]));
    }
}
