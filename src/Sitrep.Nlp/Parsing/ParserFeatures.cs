using static Sitrep.Nlp.Parsing.ParserHashing;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Feature templates, after Zhang and Nivre (2011) adapted to arc-hybrid (s0's candidate heads are s1 and b0, so the
/// "head of s0" templates use s1 and s2): words (lowercase), XPOS, UPOS, suffixes and shapes of the stack and buffer
/// items, distance, valency, leftmost/rightmost children and their labels, second children (third order) and label sets.
/// Each feature is a 64-bit hash written into a caller's buffer: no allocation per transition.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxActionFeatures = 128;
    public const int MaxLabelFeatures = 64;

    private static ulong Dist(int a, int b, int n)
    {
        if (a >= n || b >= n) return 15; // ROOT or nothing: its own value
        int d = Math.Abs(b - a);
        return d <= 4 ? (ulong)d : d <= 6 ? 5UL : d <= 9 ? 6UL : d <= 14 ? 7UL : 8UL;
    }

    public static int Action(ParserWorkspace w, Span<ulong> f)
    {
        var W = w.Word; var P = w.Pos; var U = w.Upos; var Lb = w.Label;
        int n = w.N;
        int s0 = w.S(0), s1 = w.S(1), s2 = w.S(2), n0 = w.Q(0), n1 = w.Q(1), n2 = w.Q(2);
        int s0l = w.L1[s0], s0r = w.R1[s0], s0l2 = w.L2[s0], s0r2 = w.R2[s0];
        int n0l = w.L1[n0], n0l2 = w.L2[n0];
        int s1l = w.L1[s1], s1r = w.R1[s1];
        ulong s0w = W[s0], s0p = P[s0], n0w = W[n0], n0p = P[n0], n1w = W[n1], n1p = P[n1], n2w = W[n2], n2p = P[n2];
        ulong s1w = W[s1], s1p = P[s1], s2p = P[s2];
        ulong d = Dist(s0, n0, n), d1 = Dist(s1, s0, n);
        ulong s0vl = (ulong)Math.Min(w.NLeft[s0], ParserWorkspace.MaxValency), s0vr = (ulong)Math.Min(w.NRight[s0], ParserWorkspace.MaxValency);
        ulong n0vl = (ulong)Math.Min(w.NLeft[n0], ParserWorkspace.MaxValency), s1vr = (ulong)Math.Min(w.NRight[s1], ParserWorkspace.MaxValency);
        int k = 0;
        f[k++] = F(0, 1);                      // bias
        // Single words.
        f[k++] = F(1, s0w, s0p); f[k++] = F(2, s0w); f[k++] = F(3, s0p);
        f[k++] = F(4, n0w, n0p); f[k++] = F(5, n0w); f[k++] = F(6, n0p);
        f[k++] = F(7, n1w, n1p); f[k++] = F(8, n1w); f[k++] = F(9, n1p);
        f[k++] = F(10, n2w, n2p); f[k++] = F(11, n2w); f[k++] = F(12, n2p);
        f[k++] = F(13, s1w, s1p); f[k++] = F(14, s1w); f[k++] = F(15, s1p);
        f[k++] = F(16, s2p); f[k++] = F(17, W[s2]);
        f[k++] = F(18, U[s0]); f[k++] = F(19, U[n0]); f[k++] = F(20, U[n1]); f[k++] = F(21, U[s1]);
        f[k++] = F(22, w.Suffix[s0]); f[k++] = F(23, w.Suffix[n0]); f[k++] = F(24, w.Shape[n0], n0p); f[k++] = F(25, w.Shape[s0], s0p);
        // Word pairs.
        f[k++] = F(30, s0w, s0p, n0w, n0p); f[k++] = F(31, s0w, s0p, n0w); f[k++] = F(32, s0w, n0w, n0p);
        f[k++] = F(33, s0w, s0p, n0p); f[k++] = F(34, s0p, n0w, n0p); f[k++] = F(35, s0w, n0w); f[k++] = F(36, s0p, n0p);
        f[k++] = F(37, n0p, n1p); f[k++] = F(38, n0w, n1w); f[k++] = F(39, n0w, n1p); f[k++] = F(40, n0p, n1w);
        f[k++] = F(41, s1w, s1p, s0w, s0p); f[k++] = F(42, s1w, s0w); f[k++] = F(43, s1p, s0p); f[k++] = F(44, s1w, s0p); f[k++] = F(45, s1p, s0w);
        f[k++] = F(46, s1p, n0p); f[k++] = F(47, s1w, n0w); f[k++] = F(48, U[s0], U[n0]); f[k++] = F(49, U[s1], U[s0]);
        // Three words.
        f[k++] = F(50, n0p, n1p, n2p); f[k++] = F(51, s0p, n0p, n1p); f[k++] = F(52, s1p, s0p, n0p);
        f[k++] = F(53, s0p, P[s0l], n0p); f[k++] = F(54, s0p, P[s0r], n0p); f[k++] = F(55, s0p, n0p, P[n0l]);
        f[k++] = F(56, s2p, s1p, s0p); f[k++] = F(57, s1p, P[s1r], s0p); f[k++] = F(58, s1p, P[s1l], s0p);
        f[k++] = F(59, U[s1], U[s0], U[n0]); f[k++] = F(60, U[n0], U[n1], U[n2]); f[k++] = F(61, s0w, n0p, n1p);
        f[k++] = F(62, s0p, n0w, n1p); f[k++] = F(63, s1p, s0w, n0p); f[k++] = F(64, s1p, s0p, n0w);
        // Distance.
        f[k++] = F(70, s0w, d); f[k++] = F(71, s0p, d); f[k++] = F(72, n0w, d); f[k++] = F(73, n0p, d);
        f[k++] = F(74, s0w, n0w, d); f[k++] = F(75, s0p, n0p, d);
        f[k++] = F(76, s1p, s0p, d1); f[k++] = F(77, s1w, s0w, d1); f[k++] = F(78, s1p, s0p, n0p, d1 * 16 + d);
        // Valency.
        f[k++] = F(80, s0w, s0vr); f[k++] = F(81, s0p, s0vr); f[k++] = F(82, s0w, s0vl); f[k++] = F(83, s0p, s0vl);
        f[k++] = F(84, n0w, n0vl); f[k++] = F(85, n0p, n0vl); f[k++] = F(86, s1p, s1vr); f[k++] = F(87, s1w, s1vr);
        // Children (second order).
        f[k++] = F(90, W[s0l]); f[k++] = F(91, P[s0l]); f[k++] = F(92, (ulong)Lb[s0l]);
        f[k++] = F(93, W[s0r]); f[k++] = F(94, P[s0r]); f[k++] = F(95, (ulong)Lb[s0r]);
        f[k++] = F(96, W[n0l]); f[k++] = F(97, P[n0l]); f[k++] = F(98, (ulong)Lb[n0l]);
        f[k++] = F(99, W[s1r]); f[k++] = F(100, P[s1r]); f[k++] = F(101, (ulong)Lb[s1r]);
        f[k++] = F(102, (ulong)Lb[s1l]); f[k++] = F(103, s1p, (ulong)Lb[s1r]);
        f[k++] = F(104, s0p, (ulong)Lb[s0l], (ulong)Lb[s0r]); f[k++] = F(105, n0p, (ulong)Lb[n0l]);
        // Third order.
        f[k++] = F(110, W[s0l2]); f[k++] = F(111, P[s0l2]); f[k++] = F(112, (ulong)Lb[s0l2]);
        f[k++] = F(113, W[s0r2]); f[k++] = F(114, P[s0r2]); f[k++] = F(115, (ulong)Lb[s0r2]);
        f[k++] = F(116, W[n0l2]); f[k++] = F(117, P[n0l2]); f[k++] = F(118, (ulong)Lb[n0l2]);
        f[k++] = F(119, s0p, P[s0l], P[s0l2]); f[k++] = F(120, s0p, P[s0r], P[s0r2]); f[k++] = F(121, n0p, P[n0l], P[n0l2]);
        f[k++] = F(122, s0p, s1p, s2p); f[k++] = F(123, (ulong)Lb[s1]);
        // Label sets.
        f[k++] = F(130, s0w, w.RightSet[s0]); f[k++] = F(131, s0p, w.RightSet[s0]); f[k++] = F(132, s0w, w.LeftSet[s0]);
        f[k++] = F(133, s0p, w.LeftSet[s0]); f[k++] = F(134, n0w, w.LeftSet[n0]); f[k++] = F(135, n0p, w.LeftSet[n0]);
        f[k++] = F(136, s1p, w.RightSet[s1]); f[k++] = F(137, s1p, w.LeftSet[s1]);
        // UPOS versions of the strongest pairs: predicted XPOS errors (VBD/VBN, NN/NNP) often leave UPOS right.
        f[k++] = F(140, s0w, U[n0]); f[k++] = F(141, U[s0], n0w); f[k++] = F(142, U[s0], U[n0], d); f[k++] = F(143, s1w, U[s0]);
        f[k++] = F(144, U[s1], s0w); f[k++] = F(145, U[s0], U[n0], U[n1]); f[k++] = F(146, U[s0], U[w.L1[s0]], U[n0]);
        f[k++] = F(147, U[s0], U[w.R1[s0]], U[n0]); f[k++] = F(148, s0w, n0w, n1w);
        return k;
    }

    /// <summary>Features for choosing the label of the arc head → dep (dep is s0 when this is called).</summary>
    public static int Label(ParserWorkspace w, int head, int dep, bool left, Span<ulong> f)
    {
        var W = w.Word; var P = w.Pos; var U = w.Upos; var Lb = w.Label;
        int n = w.N;
        ulong dir = left ? 1UL : 2UL;
        ulong hw = W[head], hp = P[head], dw = W[dep], dp = P[dep];
        ulong dist = Dist(head, dep, n);
        int dPrev = dep > 0 ? dep - 1 : w.None, dNext = dep + 1 < n ? dep + 1 : w.None;
        int hPrev = head > 0 && head < n ? head - 1 : w.None, hNext = head + 1 < n ? head + 1 : w.None;
        ulong hset = left ? w.LeftSet[head] : w.RightSet[head];
        int k = 0;
        f[k++] = F(200, dir);
        f[k++] = F(201, dir, hw); f[k++] = F(202, dir, hp); f[k++] = F(203, dir, hw, hp);
        f[k++] = F(204, dir, dw); f[k++] = F(205, dir, dp); f[k++] = F(206, dir, dw, dp);
        f[k++] = F(207, dir, hp, dp); f[k++] = F(208, dir, hw, dw); f[k++] = F(209, dir, hw, dp); f[k++] = F(210, dir, hp, dw);
        f[k++] = F(211, dir, U[head], U[dep]); f[k++] = F(212, dir, hp, dp, dist); f[k++] = F(213, dir, dw, dist);
        f[k++] = F(214, dir, hw, dp, dist);
        f[k++] = F(215, dir, dp, w.LeftSet[dep]); f[k++] = F(216, dir, dp, w.RightSet[dep]);
        f[k++] = F(217, dir, hp, hset); f[k++] = F(218, dir, hp, dp, hset);
        f[k++] = F(219, dir, dp, (ulong)Lb[w.L1[dep]], (ulong)Lb[w.R1[dep]]);
        f[k++] = F(220, dir, dp, W[w.L1[dep]]); f[k++] = F(221, dir, dp, W[w.R1[dep]]);
        f[k++] = F(222, dir, dp, P[w.L1[dep]], P[w.R1[dep]]);
        f[k++] = F(223, dir, w.Suffix[dep], dp); f[k++] = F(224, dir, w.Shape[dep], dp);
        f[k++] = F(225, dir, hp, dp, P[dPrev]); f[k++] = F(226, dir, hp, dp, P[dNext]);
        f[k++] = F(227, dir, hp, dp, P[hPrev]); f[k++] = F(228, dir, hp, dp, P[hNext]);
        f[k++] = F(229, dir, dp, P[dPrev], P[dNext]); f[k++] = F(230, dir, dw, P[dNext]); f[k++] = F(231, dir, dw, W[dPrev]);
        f[k++] = F(233, dir, hw, (ulong)(left ? w.NLeft[head] : w.NRight[head]));
        f[k++] = F(234, dir, hp, dp, (ulong)Math.Min(left ? w.NLeft[head] : w.NRight[head], ParserWorkspace.MaxValency));
        f[k++] = F(235, dir, w.Suffix[dep], hp); f[k++] = F(236, dir, dw, hw, dp);
        f[k++] = F(237, dir, dp, hp, (ulong)Lb[w.L1[dep]]);
        f[k++] = F(238, dir, dw, U[head]); f[k++] = F(239, dir, U[dep], hw); f[k++] = F(240, dir, U[head], U[dep], dist);
        f[k++] = F(241, dir, U[dep], w.LeftSet[dep]); f[k++] = F(242, dir, U[dep], w.RightSet[dep]); f[k++] = F(243, dir, U[head], hset);
        return k;
    }
}
