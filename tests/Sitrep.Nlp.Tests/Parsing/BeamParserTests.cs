using Sitrep.Nlp.Parsing;

namespace Sitrep.Nlp.Tests.Parsing;

public sealed class BeamParserTests
{
    private static ParserTrainingOptions Tiny(int seed, int beam = 1) => new() { Epochs = 2, Seed = seed, ActionBits = 16, LabelBits = 14, Description = "test", BeamWidth = beam };

    private static (int[] Heads, string[] Labels) ParseBeam(DependencyParser parser, ParserSentence s, int width)
    {
        var w = new ParserWorkspace();
        w.Begin(s.Count);
        for (int i = 0; i < s.Count; i++) w.SetWord(i, s.Forms[i], s.Upos[i], s.Xpos[i]);
        parser.ParseBeam(w, width);
        return (Enumerable.Range(0, s.Count).Select(i => DependencyParser.HeadOf(w, i)).ToArray(),
            Enumerable.Range(0, s.Count).Select(i => parser.LabelOf(w, i)).ToArray());
    }

    [Fact]
    public void A_beam_of_one_parses_as_the_greedy_decoder()
    {
        var model = ParserTrainer.Train(ParsingTestData.EwtTrain.Take(300).ToList(), null, Tiny(1));
        var parser = new DependencyParser(model);
        foreach (var s in ParsingTestData.EwtDev.Take(300))
        {
            var heads = new int[s.Count]; var rels = new string[s.Count];
            parser.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            var (bh, bl) = ParseBeam(parser, s, 1);
            Assert.Equal(heads, bh);
            Assert.Equal(rels, bl);
        }
    }

    [Fact]
    public void Beam_training_is_deterministic_and_the_model_keeps_its_beam()
    {
        var train = ParsingTestData.EwtTrain.Take(200).ToList();
        var a = ParserTrainer.Train(train, null, Tiny(7, beam: 4)).ToBytes();
        var b = ParserTrainer.Train(train, null, Tiny(7, beam: 4)).ToBytes();
        Assert.Equal(a, b);
        var loaded = ParserModel.Load(new MemoryStream(a));
        Assert.Equal(4, loaded.BeamWidth);
        Assert.Contains("beam 4, max-violation", loaded.Description, StringComparison.Ordinal);
        Assert.Equal("beam4/1", new DependencyParser(loaded).Decoder);
        Assert.Equal("greedy/3", new DependencyParser(loaded, beamWidth: 1).Decoder);
        // A beam model is written in format 2; a greedy one stays in format 1, so the shipped model's bytes do not change.
        Assert.Equal(2, BitConverter.ToInt32(a, 8));
        var greedy = ParserTrainer.Train(train, null, Tiny(7)).ToBytes();
        Assert.Equal(1, BitConverter.ToInt32(greedy, 8));
        Assert.Equal(1, ParserModel.Load(new MemoryStream(greedy)).BeamWidth);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DependencyParser(loaded, beamWidth: 0));
    }

    /// <summary>
    /// Global training scores whole sequences: the model is made for its beam, and decoding it greedily throws away what
    /// it learned (trained on 1,500 sentences for 3 epochs, on 400 dev sentences with gold tags: LAS 76.79 with the beam of 8, 70.01 greedily).
    /// </summary>
    [Fact]
    public void A_globally_trained_model_parses_better_with_its_beam_than_greedily()
    {
        var model = ParserTrainer.Train(ParsingTestData.EwtTrain.Take(1500).ToList(), null, Tiny(1, beam: 8) with { Epochs = 3 });
        var dev = ParsingTestData.EwtDev.Take(400).ToList();
        var beam = ParserTrainer.Evaluate(new DependencyParser(model), dev);
        var greedy = ParserTrainer.Evaluate(new DependencyParser(model, beamWidth: 1), dev);
        Assert.True(beam.Las > greedy.Las + 2, $"beam LAS {beam.Las:0.00}, greedy {greedy.Las:0.00}");
    }

    /// <summary>Random tag sequences, as for the greedy decoder: every beam parse is one tree, whatever the rules forbid.</summary>
    [Fact]
    public void Every_tag_sequence_parses_into_a_single_rooted_tree_with_a_beam()
    {
        var model = ParserTrainer.Train(ParsingTestData.EwtTrain.Take(300).ToList(), null, Tiny(2, beam: 4));
        ParsingTestData.AssertEveryTagSequenceParsesIntoOneTree(new DependencyParser(model), 1000);
    }
}
