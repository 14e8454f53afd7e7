namespace Sitrep.Nlp.Parsing;

/// <summary>
/// One sentence of global training for the beam decoder: a structured perceptron with max-violation updates (Huang,
/// Fayong and Guo 2012). The beam runs as <see cref="DependencyParser.ParseBeam"/> does, decoder rules included, on the
/// weights being trained; beside it runs the gold sequence. The dynamic oracle (<see cref="ArcHybridOracle"/>) defines
/// gold from any configuration: the allowed transition of least cost, the best-scoring one among ties, so a non-projective
/// tree or a decoder rule that contradicts the treebank still has a best reachable sequence. Where the gold sequence has
/// fallen out of the beam, the step at which the beam's best item outscores it most is the violation; the update adds the
/// gold sequence's features up to that step and subtracts the best item's. Labels stay with the local label perceptron,
/// trained on the gold sequence's arcs.
/// </summary>
internal sealed class ParserBeamTrainer
{
    private readonly int _width;
    private readonly HashedPerceptron _actions, _labeller;
    private readonly int _root, _possessor;
    private ParserWorkspace[] _cur, _next;
    private readonly ParserWorkspace _gold = new();
    private double[] _scores, _nextScores;
    private bool[] _isGold, _nextIsGold;
    private readonly ulong[] _f = new ulong[Math.Max(ParserFeatures.MaxActionFeatures, ParserFeatures.MaxLabelFeatures)];
    private readonly int[] _labelRows = new int[ParserFeatures.MaxLabelFeatures];
    private readonly float[] _labelScores;
    // Per step t: the rows of each item's features (item i at t), the parent and transition of each item at t + 1, and
    // the gold sequence's rows and transition.
    private int[] _rows = [], _k = [], _parent = [], _action = [], _goldRows = [], _goldK = [], _goldAction = [];
    private long _decisions, _correct;

    public ParserBeamTrainer(int width, HashedPerceptron actions, HashedPerceptron labeller, int root, int possessor)
    {
        _width = width; _actions = actions; _labeller = labeller; _root = root; _possessor = possessor;
        _cur = [.. Enumerable.Range(0, width).Select(_ => new ParserWorkspace())];
        _next = [.. Enumerable.Range(0, width).Select(_ => new ParserWorkspace())];
        _scores = new double[width]; _nextScores = new double[width];
        _isGold = new bool[width]; _nextIsGold = new bool[width];
        _labelScores = new float[labeller.Classes];
    }

    /// <summary>Gold transitions among all the gold sequence's steps, and how many of them were the beam's best item's.</summary>
    public (long Decisions, long Correct) TakeCounts()
    {
        var r = (_decisions, _correct);
        _decisions = 0; _correct = 0;
        return r;
    }

    private const int F = ParserFeatures.MaxActionFeatures;

    /// <summary>Trains on the sentence loaded in <paramref name="w"/> (words and gold tree).</summary>
    public void Train(ParserWorkspace w)
    {
        w.Reset();
        int steps = 2 * w.N;
        Ensure(steps);
        _gold.CopyFrom(w, words: true);
        for (int i = 0; i < _width; i++) { _cur[i].CopyFrom(w, words: true); _next[i].CopyFrom(w, words: true); }
        _scores[0] = 0; _isGold[0] = true;
        int live = 1;
        double goldScore = 0, maxViolation = double.NegativeInfinity;
        int violationStep = -1;
        Span<float> s = stackalloc float[ParserModel.ActionStride];
        // A candidate is (item * 3 + transition) * 2, plus 1 when it continues a gold sequence.
        Span<int> candidates = stackalloc int[3 * _width];
        Span<double> candidateScores = stackalloc double[3 * _width];
        bool rule = _possessor >= 0;
        for (int t = 0; t < steps; t++)
        {
            // The gold sequence.
            int gk = ParserFeatures.Action(_gold, _f);
            var grows = _goldRows.AsSpan(t * F, gk);
            _actions.Rows(_f.AsSpan(0, gk), grows);
            _actions.Score(grows, s);
            int gallowed = DependencyParser.AllowedActions(_gold, rule);
            int ga = BestByCost(_gold, gallowed, s, out _);
            _goldK[t] = gk; _goldAction[t] = ga;
            goldScore += s[ga];
            // The beam's candidates.
            int nc = 0;
            for (int i = 0; i < live; i++)
            {
                var item = _cur[i];
                int k = ParserFeatures.Action(item, _f);
                var rows = _rows.AsSpan((t * _width + i) * F, k);
                _actions.Rows(_f.AsSpan(0, k), rows);
                _actions.Score(rows, s);
                _k[t * _width + i] = k;
                int allowed = DependencyParser.AllowedActions(item, rule);
                int minCost = int.MaxValue;
                if (_isGold[i]) BestByCost(item, allowed, s, out minCost);
                for (int a = 0; a < ParserModel.ActionClasses; a++)
                {
                    if ((allowed & (1 << a)) == 0) continue;
                    bool gold = _isGold[i] && ArcHybridOracle.Cost(item, a) == minCost;
                    nc = DependencyParser.InsertCandidate(candidates, candidateScores, nc, _width, (i * 3 + a) * 2 + (gold ? 1 : 0), _scores[i] + s[a]);
                }
            }
            bool goldInBeam = false;
            for (int c = 0; c < nc; c++)
            {
                int parent = candidates[c] / 6, a = candidates[c] / 2 % 3;
                bool gold = (candidates[c] & 1) != 0;
                _next[c].CopyFrom(_cur[parent], words: false);
                _next[c].Apply(a, LabelFor(_cur[parent], a, train: false));
                _nextScores[c] = candidateScores[c];
                _nextIsGold[c] = gold;
                goldInBeam |= gold;
                _parent[t * _width + c] = parent;
                _action[t * _width + c] = a;
            }
            _gold.Apply(ga, LabelFor(_gold, ga, train: true));
            (_cur, _next) = (_next, _cur);
            (_scores, _nextScores) = (_nextScores, _scores);
            (_isGold, _nextIsGold) = (_nextIsGold, _isGold);
            live = nc;
            // A violation: the beam's best outscores the gold sequence, which is no longer in the beam.
            double violation = _scores[0] - goldScore;
            if (!goldInBeam && violation >= 0 && violation > maxViolation) { maxViolation = violation; violationStep = t; }
        }
        // The gold sequence stayed in the beam but did not finish first: the whole sequence is the violation.
        if (violationStep < 0 && steps > 0 && !_isGold[0] && _scores[0] >= goldScore) violationStep = steps - 1;
        _decisions += steps;
        if (violationStep < 0) { _correct += steps; _actions.Tick(); return; }
        Update(violationStep);
        _actions.Tick();
    }

    /// <summary>Adds the gold sequence's features up to step <paramref name="last"/> and subtracts those of the beam's best item there.</summary>
    private void Update(int last)
    {
        // Walk the best item at last + 1 back to the start, recording its parent at each step.
        Span<int> path = last + 1 <= 512 ? stackalloc int[last + 1] : new int[last + 1];
        int j = 0;
        for (int t = last; t >= 0; t--) { path[t] = j; j = _parent[t * _width + j]; }
        // path[t] is the item index at t + 1; its parent at t is _parent[t * width + path[t]].
        int diverge = last + 1;
        for (int t = 0; t <= last; t++)
            if (_action[t * _width + path[t]] != _goldAction[t]) { diverge = t; break; }
        _correct += diverge;
        for (int t = diverge; t <= last; t++)
        {
            int parent = _parent[t * _width + path[t]];
            var rows = _rows.AsSpan((t * _width + parent) * F, _k[t * _width + parent]);
            _actions.Add(_goldRows.AsSpan(t * F, _goldK[t]), _goldAction[t], 1f);
            _actions.Add(rows, _action[t * _width + path[t]], -1f);
        }
    }

    /// <summary>The allowed transition of least cost, the best-scoring among ties (the earlier on equal scores).</summary>
    private static int BestByCost(ParserWorkspace w, int allowed, ReadOnlySpan<float> scores, out int minCost)
    {
        int best = -1;
        minCost = int.MaxValue;
        for (int a = 0; a < ParserModel.ActionClasses; a++)
        {
            if ((allowed & (1 << a)) == 0) continue;
            int cost = ArcHybridOracle.Cost(w, a);
            if (cost < minCost || (cost == minCost && scores[a] > scores[best])) { best = a; minCost = cost; }
        }
        return best;
    }

    /// <summary>
    /// The 1-based label for the arc of <paramref name="action"/>: the gold label on a right arc, otherwise the label
    /// perceptron's (the possessor's under its rule). With <paramref name="train"/> the label perceptron learns from the arc.
    /// </summary>
    private int LabelFor(ParserWorkspace w, int action, bool train)
    {
        if (action == ParserWorkspace.Shift) return 0;
        int head = ArcHybridOracle.ArcHead(w, action), dep = w.Stack[w.Sp - 1];
        if (head == w.N) return _root + 1;
        bool right = w.GoldHead[dep] == head;
        if (right && !train) return w.GoldLabel[dep] + 1;
        if (!right && _possessor >= 0 && DependencyParser.MustAttachPossessor(w)) return _possessor + 1;
        int lk = ParserFeatures.Label(w, head, dep, action == ParserWorkspace.Left, _f);
        var lr = _labelRows.AsSpan(0, lk);
        _labeller.Rows(_f.AsSpan(0, lk), lr);
        _labeller.Score(lr, _labelScores);
        int lp = -1;
        for (int c = 0; c < _labelScores.Length; c++)
            if (c != _root && (lp < 0 || _labelScores[c] > _labelScores[lp])) lp = c;
        if (!right) return lp + 1;
        _labeller.Update(lr, w.GoldLabel[dep], lp);
        _labeller.Tick();
        return w.GoldLabel[dep] + 1;
    }

    private void Ensure(int steps)
    {
        if (_k.Length >= steps * _width) return;
        int cap = Math.Max(steps, 128);
        _rows = new int[cap * _width * F]; _k = new int[cap * _width];
        _parent = new int[cap * _width]; _action = new int[cap * _width];
        _goldRows = new int[cap * F]; _goldK = new int[cap]; _goldAction = new int[cap];
    }
}
