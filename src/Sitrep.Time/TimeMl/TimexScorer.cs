namespace Sitrep.Time.TimeMl;

/// <summary>Precision, recall and F1 of one measure.</summary>
public readonly record struct Prf(double P, double R, double F1)
{
    public static Prf Of(int correct, int nSys, int nGold)
    {
        double p = nSys > 0 ? (double)correct / nSys : 0, r = nGold > 0 ? (double)correct / nGold : 0;
        return new Prf(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>Totals over a corpus, as score_timex.js counts them.</summary>
/// <remarks>
/// <see cref="ValueNotationNeutral"/> and <see cref="ValueWhereKnown"/> are diagnostics beyond the reference scorer: values
/// equal up to notation, and values that agree with the gold wherever they are known (<see cref="TimexValueNotation"/>).
/// </remarks>
public sealed record TimexScore(int Docs, int Gold, int Sys, int Strict, int Relaxed, int Value, int Type, int MissingSystemFiles, int TextMismatch, int ValueNotationNeutral, int ValueWhereKnown)
{
    public Prf ValueNotationNeutralPrf => Prf.Of(ValueNotationNeutral, Sys, Gold);
    public Prf ValueWhereKnownPrf => Prf.Of(ValueWhereKnown, Sys, Gold);
    public Prf StrictPrf => Prf.Of(Strict, Sys, Gold);
    public Prf RelaxedPrf => Prf.Of(Relaxed, Sys, Gold);
    public Prf ValuePrf => Prf.Of(Value, Sys, Gold);
    public Prf TypePrf => Prf.Of(Type, Sys, Gold);
}

/// <summary>One scoring error, for tuning: missed, spurious, partial (overlap but different extent) or attr (wrong value/type).</summary>
public sealed record TimexError(string Doc, string Kind, string? Gold, string? System);

/// <summary>
/// C# port of the reference scorer ../shared/tools/timex/score_timex.js (TempEval-3 Task A semantics): spans
/// compared over the text with whitespace removed; strict = same extent, relaxed = one-to-one overlap paired in
/// text order; value and type = attribute equality over relaxed pairs.
/// </summary>
public static class TimexScorer
{
    public static TimexScore Score(IEnumerable<(string Name, TimeMlDocument Gold, TimeMlDocument? System)> docs, List<TimexError>? errors = null)
    {
        int nDocs = 0, gold = 0, sys = 0, strict = 0, relaxed = 0, value = 0, type = 0, missing = 0, mismatch = 0, valueNeutral = 0, valueKnown = 0;
        foreach (var (name, g, s) in docs)
        {
            var (gs, gmap) = Squeeze(g.Text);
            var goldT = g.Timexes.Select(t => (T: t, S: gmap[t.Start], E: gmap[t.End])).ToList();
            var sysT = new List<(TimeMlTimex T, int S, int E)>();
            if (s is null)
            {
                missing++;
                errors?.Add(new TimexError(name, "missing-system-file", null, null));
            }
            else
            {
                var (ss, smap) = Squeeze(s.Text);
                if (!string.Equals(ss, gs, StringComparison.Ordinal))
                {
                    mismatch++;
                    errors?.Add(new TimexError(name, "text-mismatch", null, null));
                }
                else sysT = s.Timexes.Select(t => (T: t, S: smap[t.Start], E: smap[t.End])).ToList();
            }
            var (gp, sp) = Match(goldT.Select(t => (t.S, t.E)).ToList(), sysT.Select(t => (t.S, t.E)).ToList());
            for (int gi = 0; gi < goldT.Count; gi++)
            {
                var gt = goldT[gi];
                int si = gp[gi];
                if (si < 0) { errors?.Add(new TimexError(name, "missed", Describe(gt.T), null)); continue; }
                var st = sysT[si];
                relaxed++;
                bool isStrict = st.S == gt.S && st.E == gt.E;
                if (isStrict) strict++;
                bool v = string.Equals(gt.T.Value, st.T.Value, StringComparison.Ordinal), ty = string.Equals(gt.T.Type, st.T.Type, StringComparison.Ordinal);
                if (v) value++;
                if (v || TimexValueNotation.Equivalent(gt.T.Value, st.T.Value)) valueNeutral++;
                if (v || TimexValueNotation.AgreesWhereKnown(gt.T.Value, st.T.Value)) valueKnown++;
                if (ty) type++;
                if (!isStrict || !v || !ty) errors?.Add(new TimexError(name, isStrict ? "attr" : "partial", Describe(gt.T), Describe(st.T)));
            }
            for (int si = 0; si < sysT.Count; si++)
                if (sp[si] < 0) errors?.Add(new TimexError(name, "spurious", null, Describe(sysT[si].T)));
            gold += goldT.Count;
            sys += sysT.Count;
            nDocs++;
        }
        return new TimexScore(nDocs, gold, sys, strict, relaxed, value, type, missing, mismatch, valueNeutral, valueKnown);
    }

    /// <summary>Scores the system folder against the gold folder, files matched by relative path as the reference scorer does.</summary>
    public static TimexScore ScoreFolders(string goldDir, string sysDir, List<TimexError>? errors = null)
    {
        var items = ListTml(goldDir).Select(gf =>
        {
            var sf = Path.Combine(sysDir, Path.GetRelativePath(goldDir, gf));
            return (Path.GetFileName(gf), TimeMlDocument.Load(gf), File.Exists(sf) ? TimeMlDocument.Load(sf) : null);
        });
        return Score(items, errors);
    }

    /// <summary>.tml files under a folder, recursively, in the scorer's order (names sorted by UTF-16 code unit at each level).</summary>
    public static List<string> ListTml(string dir)
    {
        var result = new List<string>();
        foreach (var full in Directory.EnumerateFileSystemEntries(dir).OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(full);
            if (Directory.Exists(full)) result.AddRange(ListTml(full));
            else if (name.EndsWith(".tml", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("._", StringComparison.Ordinal)) result.Add(full);
        }
        return result;
    }

    private static string Describe(TimeMlTimex t) => $"{t.Text} [{t.Type} {t.Value}]";

    // The text without whitespace (JavaScript's \s) and a map from original offsets into it.
    private static (string S, int[] Map) Squeeze(string text)
    {
        var map = new int[text.Length + 1];
        var sb = new System.Text.StringBuilder(text.Length);
        int k = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = k;
            if (!IsJsSpace(text[i])) { sb.Append(text[i]); k++; }
        }
        map[text.Length] = k;
        return (sb.ToString(), map);
    }

    private static bool IsJsSpace(char c) =>
        c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF'
        || (c >= '\u2000' && c <= '\u200A');

    // The TE3 Normalizer sweep: in text order (gold before system at equal starts), a timex pairs with the
    // last-started timex of the other side if that one is still open at this start and both are unpaired.
    private static (int[] Gold, int[] Sys) Match(List<(int S, int E)> gold, List<(int S, int E)> sys)
    {
        var ev = new List<(int Side, int I, int S, int E)>(gold.Count + sys.Count);
        for (int i = 0; i < gold.Count; i++) ev.Add((0, i, gold[i].S, gold[i].E));
        for (int i = 0; i < sys.Count; i++) ev.Add((1, i, sys[i].S, sys[i].E));
        var sorted = ev.OrderBy(e => e.S).ThenBy(e => e.Side).ToList();
        var partner = new[] { Enumerable.Repeat(-1, gold.Count).ToArray(), Enumerable.Repeat(-1, sys.Count).ToArray() };
        var open = new (int Side, int I, int S, int E)?[2];
        foreach (var e in sorted)
        {
            open[e.Side] = e;
            if (open[1 - e.Side] is { } o && o.E > e.S && partner[o.Side][o.I] < 0 && partner[e.Side][e.I] < 0)
            {
                partner[e.Side][e.I] = o.I;
                partner[o.Side][o.I] = e.I;
            }
        }
        return (partner[0], partner[1]);
    }
}
