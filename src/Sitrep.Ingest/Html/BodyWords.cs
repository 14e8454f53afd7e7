namespace Sitrep.Ingest.Html;

/// <summary>Word bags for comparing candidate bodies with each other and with JSON-LD articleBody.</summary>
internal static class BodyWords
{
    public static int Count(string s) => BodyFilter.CountWords(s);

    public static Dictionary<string, int> Bag(string s) => Bag([s]);

    public static Dictionary<string, int> Bag(IEnumerable<string> texts)
    {
        var bag = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = bag.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var s in texts)
        {
            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && !char.IsLetterOrDigit(s[i])) i++;
                int start = i;
                while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
                if (i > start)
                {
                    var w = s.AsSpan(start, i - start);
                    lookup[w] = lookup.TryGetValue(w, out int c) ? c + 1 : 1;
                }
            }
        }
        return bag;
    }

    private static int Total(Dictionary<string, int> bag)
    {
        int n = 0;
        foreach (var v in bag.Values) n += v;
        return n;
    }

    private static int Overlap(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int n = 0;
        foreach (var (w, c) in a) if (b.TryGetValue(w, out int d)) n += Math.Min(c, d);
        return n;
    }

    /// <summary>Share of <paramref name="a"/>'s words that also occur in <paramref name="b"/>.</summary>
    public static double Containment(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        int ta = Total(a);
        return ta == 0 ? 0 : (double)Overlap(a, b) / ta;
    }

    public static double F1(Dictionary<string, int> pred, Dictionary<string, int> truth)
    {
        int tp = Overlap(pred, truth), tpred = Total(pred), ttruth = Total(truth);
        if (tp == 0) return 0;
        double p = (double)tp / tpred, r = (double)tp / ttruth;
        return 2 * p * r / (p + r);
    }
}
