using Sitrep.Nlp.Parsing;

namespace Sitrep.Nlp.Tests.Parsing;

public sealed class ArcHybridTests
{
    private static ParserSentence Tree(string words, int[] heads, string[] rels)
    {
        var forms = words.Split(' ');
        return new ParserSentence(forms, new string?[forms.Length], new string?[forms.Length], heads, rels);
    }

    /// <summary>Follows zero-cost transitions only (the first in a fixed order) and returns the tree it builds.</summary>
    private static (int[] Heads, int[] Labels, int Steps) FollowOracle(ParserSentence s, int preference)
    {
        var labels = s.Deprels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var w = new ParserWorkspace();
        ParserTrainer.Load(w, s, labels);
        w.Reset();
        int steps = 0;
        while (!w.IsTerminal)
        {
            int chosen = -1;
            for (int j = 0; j < 3; j++)
            {
                int a = (j + preference) % 3;
                if (w.IsValid(a) && ArcHybridOracle.Cost(w, a) == 0) { chosen = a; break; }
            }
            Assert.True(chosen >= 0, "no zero-cost transition in a projective tree");
            int label = chosen == ParserWorkspace.Shift ? 0 : w.GoldLabel[w.Stack[w.Sp - 1]] + 1;
            w.Apply(chosen, label);
            steps++;
        }
        var heads = new int[s.Count];
        var ls = new int[s.Count];
        for (int i = 0; i < s.Count; i++) { heads[i] = DependencyParser.HeadOf(w, i); ls[i] = w.Label[i] - 1; }
        return (heads, ls, steps);
    }

    [Fact]
    public void Oracle_reproduces_a_hand_made_tree()
    {
        // "The cat sat on the mat ." — sat is the root.
        var s = Tree("The cat sat on the mat .", [1, 2, -1, 5, 5, 2, 2], ["det", "nsubj", "root", "case", "det", "obl", "punct"]);
        for (int pref = 0; pref < 3; pref++)
        {
            var (heads, _, steps) = FollowOracle(s, pref);
            Assert.Equal(s.Heads, heads);
            Assert.Equal(2 * s.Count, steps);
        }
    }

    [Fact]
    public void Oracle_reproduces_every_projective_dev_tree_with_labels()
    {
        int checkedTrees = 0;
        foreach (var s in ParsingTestData.EwtDev)
        {
            if (!IsProjective(s.Heads)) continue;
            var (heads, labels, _) = FollowOracle(s, checkedTrees % 3);
            Assert.Equal(s.Heads, heads);
            var names = s.Deprels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(s.Deprels, labels.Select(l => names[l]).ToArray());
            checkedTrees++;
        }
        Assert.True(checkedTrees > 1800, $"only {checkedTrees} projective trees");
    }

    [Fact]
    public void Single_word_attaches_to_root()
    {
        var s = Tree("Hello", [-1], ["root"]);
        var (heads, _, steps) = FollowOracle(s, 0);
        Assert.Equal([-1], heads);
        Assert.Equal(2, steps);
    }

    [Fact]
    public void Root_takes_a_single_dependent()
    {
        var w = new ParserWorkspace();
        w.Begin(2);
        w.SetWord(0, "a", null, null);
        w.SetWord(1, "b", null, null);
        w.Reset();
        w.Apply(ParserWorkspace.Shift, 0);
        w.Apply(ParserWorkspace.Shift, 0);
        // Buffer holds only ROOT and the stack two words: the only way on is RIGHT.
        Assert.False(w.IsValid(ParserWorkspace.Left));
        Assert.False(w.IsValid(ParserWorkspace.Shift));
        Assert.True(w.IsValid(ParserWorkspace.Right));
    }

    [Fact]
    public void Costs_count_lost_gold_arcs()
    {
        // a <- b -> c, root b. After SHIFT a: LEFT (a <- b) costs 0, RIGHT impossible, SHIFT b would lose a <- b.
        var s = Tree("a b c", [1, -1, 1], ["x", "root", "y"]);
        var w = new ParserWorkspace();
        ParserTrainer.Load(w, s, new Dictionary<string, int>(StringComparer.Ordinal) { ["root"] = 0, ["x"] = 1, ["y"] = 2 });
        w.Reset();
        w.Apply(ParserWorkspace.Shift, 0);
        Assert.Equal(0, ArcHybridOracle.Cost(w, ParserWorkspace.Left));
        Assert.Equal(1, ArcHybridOracle.Cost(w, ParserWorkspace.Shift));
    }

    internal static bool IsProjective(int[] heads)
    {
        int n = heads.Length;
        for (int i = 0; i < n; i++)
        {
            int hi = heads[i] < 0 ? n : heads[i];
            int lo1 = Math.Min(i, hi), hi1 = Math.Max(i, hi);
            for (int j = 0; j < n; j++)
            {
                int hj = heads[j] < 0 ? n : heads[j];
                int lo2 = Math.Min(j, hj), hi2 = Math.Max(j, hj);
                if (lo1 < lo2 && lo2 < hi1 && hi1 < hi2) return false;
                if (lo2 < lo1 && lo1 < hi2 && hi2 < hi1) return false;
            }
        }
        return true;
    }
}
