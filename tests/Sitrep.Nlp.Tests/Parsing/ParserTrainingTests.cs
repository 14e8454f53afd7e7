using Sitrep.Nlp.Parsing;

namespace Sitrep.Nlp.Tests.Parsing;

public sealed class ParserTrainingTests
{
    private static ParserTrainingOptions Tiny(int seed) => new() { Epochs = 2, Seed = seed, ActionBits = 16, LabelBits = 14, Description = "test" };

    [Fact]
    public void Same_data_and_seed_give_identical_model_bytes()
    {
        var train = ParsingTestData.EwtTrain.Take(200).ToList();
        var a = ParserTrainer.Train(train, null, Tiny(7)).ToBytes();
        var b = ParserTrainer.Train(train, null, Tiny(7)).ToBytes();
        Assert.Equal(ParserModel.Sha256(a), ParserModel.Sha256(b));
        Assert.Equal(a, b);
        // Another seed shuffles and explores differently.
        var c = ParserTrainer.Train(train, null, Tiny(8)).ToBytes();
        Assert.NotEqual(ParserModel.Sha256(a), ParserModel.Sha256(c));
    }

    [Fact]
    public void Saved_model_loads_and_parses_the_same()
    {
        var train = ParsingTestData.EwtTrain.Take(200).ToList();
        var dev = ParsingTestData.EwtDev.Take(100).ToList();
        var model = ParserTrainer.Train(train, null, Tiny(1));
        var loaded = ParserModel.Load(new MemoryStream(model.ToBytes()));
        Assert.Equal(model.LabelNames, loaded.LabelNames);
        Assert.Equal(model.Description, loaded.Description);
        var s1 = ParserTrainer.Evaluate(new DependencyParser(model), dev);
        var s2 = ParserTrainer.Evaluate(new DependencyParser(loaded), dev);
        Assert.Equal(s1.HeadCorrect, s2.HeadCorrect);
        Assert.Equal(s1.LabelledCorrect, s2.LabelledCorrect);
        // 200 sentences already learn something: far above attaching every word to its neighbour.
        Assert.True(s1.Uas > 55, $"UAS {s1.Uas:0.00}");
    }

    [Fact]
    public void An_average_of_one_model_parses_as_the_model_and_an_average_of_several_is_an_ensemble()
    {
        var train = ParsingTestData.EwtTrain.Take(300).ToList();
        var dev = ParsingTestData.EwtDev.Take(300).ToList();
        var a = ParserTrainer.Train(train, null, Tiny(1));
        var b = ParserTrainer.Train(train, null, Tiny(2));
        var c = ParserTrainer.Train(train, null, Tiny(3));
        var sa = ParserTrainer.Evaluate(new DependencyParser(a), dev);
        // The same model twice: the same scores up to the rounding of the int16 tables, so the same parses.
        var self = ParserTrainer.Evaluate(new DependencyParser(ParserModel.Average([a, a], "a twice")), dev);
        Assert.Equal(sa.HeadCorrect, self.HeadCorrect);
        Assert.Equal(sa.LabelledCorrect, self.LabelledCorrect);
        // Three models by seed: the ensemble is a different parser, at least as good as its average member.
        var members = new[] { a, b, c }.Select(m => ParserTrainer.Evaluate(new DependencyParser(m), dev).Las).ToArray();
        var ensemble = ParserModel.Average([a, b, c], "three");
        Assert.Equal("three", ensemble.Description);
        var se = ParserTrainer.Evaluate(new DependencyParser(ensemble), dev);
        Assert.True(se.Las >= members.Average(), $"ensemble LAS {se.Las:0.00}, members {string.Join(", ", members.Select(x => x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        // Models with other tables cannot be averaged.
        var small = ParserTrainer.Train(train, null, Tiny(1) with { ActionBits = 15 });
        Assert.Throws<ArgumentException>(() => ParserModel.Average([a, small], "mixed"));
    }

    [Fact]
    public void Parses_are_single_rooted_trees()
    {
        var model = ParserTrainer.Train(ParsingTestData.EwtTrain.Take(100).ToList(), null, Tiny(3));
        var parser = new DependencyParser(model);
        foreach (var s in ParsingTestData.EwtDev.Take(200))
        {
            var heads = new int[s.Count];
            var rels = new string[s.Count];
            parser.Parse(s.Forms, s.Upos, s.Xpos, heads, rels);
            Assert.Equal(1, heads.Count(h => h == -1));
            for (int i = 0; i < s.Count; i++)
            {
                Assert.Equal(heads[i] == -1, rels[i] == "root");
                // Following heads from any word reaches the root without a cycle.
                int j = i, steps = 0;
                while (j != -1) { j = heads[j]; Assert.True(++steps <= s.Count, "cycle"); }
            }
        }
    }

    [Fact]
    public void Corrupt_model_files_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(new MemoryStream("not a model at all"u8.ToArray())));
    }
}
