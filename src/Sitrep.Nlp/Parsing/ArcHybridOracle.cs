namespace Sitrep.Nlp.Parsing;

/// <summary>
/// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013): the number of gold arcs a transition makes
/// unreachable from the current configuration. It works from any configuration, so training can follow the model's
/// own (wrong) predictions and learn to recover. On non-projective gold the costs are an approximation; no sentence
/// needs to be skipped or projectivized.
/// </summary>
internal static class ArcHybridOracle
{
    /// <summary>Unlabelled cost of <paramref name="action"/>; the caller checks validity.</summary>
    public static int Cost(ParserWorkspace w, int action)
    {
        int n = w.N, b = w.B;
        switch (action)
        {
            case ParserWorkspace.Shift:
            {
                // b moves to the stack: it can no longer take a head below s0, nor dependents that are on the stack.
                int cost = 0, gh = w.GoldHead[b];
                for (int k = 0; k < w.Sp; k++)
                {
                    int s = w.Stack[k];
                    if (w.GoldHead[s] == b) cost++;
                    if (k < w.Sp - 1 && gh == s) cost++;
                }
                return cost;
            }
            case ParserWorkspace.Left:
            {
                // s0 takes b as head: its head (if s1 or later in the buffer) and its dependents in the buffer are lost.
                int s0 = w.Stack[w.Sp - 1], gh = w.GoldHead[s0], cost = 0;
                if (w.Sp > 1 && gh == w.Stack[w.Sp - 2]) cost++;
                else if (gh > b) cost++; // buffer after b, ROOT (= n) included
                for (int d = b; d < n; d++) if (w.GoldHead[d] == s0) cost++;
                return cost;
            }
            case ParserWorkspace.Right:
            {
                // s0 takes s1 as head: a head anywhere in the buffer (ROOT included) and its buffer dependents are lost.
                int s0 = w.Stack[w.Sp - 1], gh = w.GoldHead[s0], cost = 0;
                if (gh >= b) cost++;
                for (int d = b; d < n; d++) if (w.GoldHead[d] == s0) cost++;
                return cost;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    /// <summary>The head the arc of <paramref name="action"/> would give s0.</summary>
    public static int ArcHead(ParserWorkspace w, int action) => action == ParserWorkspace.Left ? w.B : w.Stack[w.Sp - 2];
}
