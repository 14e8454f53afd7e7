namespace Sitrep.NerFineTune;

/// <summary>
/// Best BIO tag sequence under per-token log-probabilities, with the scheme's one constraint: I-X only after B-X or I-X
/// (and not first). Labels are "O", "B-T" and "I-T". Ties go to the lower label index, so the result is deterministic.
/// </summary>
internal static class BioViterbi
{
    public static string[] Decode(float[,] scores, IReadOnlyList<string> labels)
    {
        int n = scores.GetLength(0), m = labels.Count;
        var result = new string[n];
        if (n == 0) return result;
        var allowed = new bool[m, m]; // [previous, current]
        var start = new bool[m];
        for (int c = 0; c < m; c++)
        {
            bool inside = labels[c].StartsWith("I-", StringComparison.Ordinal);
            start[c] = !inside;
            for (int p = 0; p < m; p++)
                allowed[p, c] = !inside || (labels[p].Length > 2 && string.Equals(labels[p].AsSpan(2).ToString(), labels[c][2..], StringComparison.Ordinal));
        }
        var best = new double[n, m];
        var back = new int[n, m];
        for (int c = 0; c < m; c++) best[0, c] = start[c] ? scores[0, c] : double.NegativeInfinity;
        for (int t = 1; t < n; t++)
            for (int c = 0; c < m; c++)
            {
                double top = double.NegativeInfinity; int arg = 0;
                for (int p = 0; p < m; p++)
                    if (allowed[p, c] && best[t - 1, p] > top) { top = best[t - 1, p]; arg = p; }
                best[t, c] = top + scores[t, c];
                back[t, c] = arg;
            }
        int last = 0;
        for (int c = 1; c < m; c++) if (best[n - 1, c] > best[n - 1, last]) last = c;
        for (int t = n - 1; t >= 0; t--) { result[t] = labels[last]; last = back[t, last]; }
        return result;
    }
}
