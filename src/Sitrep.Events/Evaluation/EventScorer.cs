using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Events.Evaluation;

/// <summary>A predicted event as the scorer sees it: PLOVER type, CAMEO code, and each side's code and text span.</summary>
public sealed record PredictedEvent(string? Type, string Cameo, string? SourceCode, string? SourceCountry, TextSpan? SourceSpan,
    string? TargetCode, string? TargetCountry, TextSpan? TargetSpan, string Rule);

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Prf(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Prf operator +(Prf a, Prf b) => new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>One record's outcome: what was predicted, what matched, and the kind of error if any.</summary>
public sealed record RecordScore(GoldRecord Gold, ImmutableArray<PredictedEvent> Predicted, string? TopType, bool TypeCorrect, bool TypeFound,
    bool RootCorrect, bool CodeCorrect, Prf Triples, bool Pass, string Error);

/// <summary>
/// Scores coded events against gold records. Event type: the type of the top predicted event (the first with a
/// source, else the first) against the gold type; also whether any predicted event has it. CAMEO root and full
/// code likewise where the gold gives CAMEO. Triples: (source, event, target) with source and target matched by
/// code (the gold code equals the predicted country or is a prefix of the predicted code) or, when the gold gives
/// actor text, by the predicted actor's span overlapping that text in the sentence; an absent side matches only
/// an absent side. PETRARCH pass: the predicted (source, target, code) set equals the expected set.
/// </summary>
public static class EventScorer
{
    public static RecordScore Score(GoldRecord gold, IReadOnlyList<PredictedEvent> predicted)
    {
        var preds = predicted.ToImmutableArray();
        var top = preds.FirstOrDefault(p => p.SourceCode is not null) ?? preds.FirstOrDefault();
        var goldTypes = gold.Events.Select(e => e.Type).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var goldCodes = gold.Events.Select(e => e.Cameo).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var typeCorrect = top?.Type is { } tt && goldTypes.Contains(tt);
        var typeFound = preds.Any(p => p.Type is { } t && goldTypes.Contains(t));
        var rootCorrect = top is not null && goldCodes.Any(c => c.Length >= 2 && top.Cameo.StartsWith(c[..2], StringComparison.Ordinal));
        var codeCorrect = top is not null && goldCodes.Contains(top.Cameo);

        var goldTriples = new List<(GoldActor? S, GoldEvent E, GoldActor? T)>();
        foreach (var e in gold.Events)
        {
            if (e.Reciprocal && e.Targets.IsEmpty && e.Sources.Length >= 2)
            {
                foreach (var a in e.Sources) foreach (var b in e.Sources) if (!ReferenceEquals(a, b)) goldTriples.Add((a, e, b));
                continue;
            }
            var sources = e.Sources.IsEmpty ? [null] : e.Sources.Select(x => (GoldActor?)x).ToArray();
            var targets = e.Targets.IsEmpty ? [null] : e.Targets.Select(x => (GoldActor?)x).ToArray();
            foreach (var s in sources) foreach (var t in targets) goldTriples.Add((s, e, t));
        }
        var usedGold = new bool[goldTriples.Count];
        var tp = 0;
        foreach (var p in preds)
        {
            for (var i = 0; i < goldTriples.Count; i++)
            {
                if (usedGold[i]) continue;
                var (s, e, t) = goldTriples[i];
                if (!EventMatches(e, p)) continue;
                if (!SideMatches(gold.Text, s, p.SourceCode, p.SourceCountry, p.SourceSpan)) continue;
                if (!SideMatches(gold.Text, t, p.TargetCode, p.TargetCountry, p.TargetSpan)) continue;
                usedGold[i] = true;
                tp++;
                break;
            }
        }
        var triples = new Prf(tp, preds.Length, goldTriples.Count);

        bool pass;
        if (gold.Events.IsEmpty) pass = preds.IsEmpty;
        else
        {
            var want = gold.Events.Select(e => $"{e.Sources.FirstOrDefault()?.Code}|{e.Targets.FirstOrDefault()?.Code}|{e.Cameo}").ToHashSet(StringComparer.Ordinal);
            var got = preds.Select(p => $"{p.SourceCode}|{p.TargetCode}|{p.Cameo}").ToHashSet(StringComparer.Ordinal);
            pass = want.SetEquals(got);
        }

        string error;
        if (preds.IsEmpty) error = gold.Events.IsEmpty ? "" : "no event";
        else if (gold.Events.IsEmpty) error = "event where none";
        else if (goldTypes.Count > 0 && !typeCorrect) error = typeFound ? "type not top" : "wrong type";
        else if (goldCodes.Count > 0 && !rootCorrect) error = "wrong root";
        else if (tp == goldTriples.Count && tp == preds.Length) error = "";
        else if (tp == 0) error = preds.Any(p => p.SourceCode is null) ? "source missed" : "actors wrong";
        else error = tp < goldTriples.Count ? "triple missed" : "extra events";
        return new RecordScore(gold, preds, top?.Type, typeCorrect, typeFound, rootCorrect, codeCorrect, triples, pass, error);
    }

    private static bool EventMatches(GoldEvent e, PredictedEvent p) =>
        (e.Type is null || p.Type == e.Type) && (e.Cameo is null || e.Cameo == p.Cameo);

    private static bool SideMatches(string text, GoldActor? g, string? code, string? country, TextSpan? span)
    {
        if (g is null) return code is null;
        if (code is null) return false;
        if (g.Code is { Length: > 0 } gc && (gc == country || code.StartsWith(gc, StringComparison.Ordinal))) return true;
        if (g.Text.Length == 0 || span is not { } sp) return false;
        foreach (var part in g.Text.Split("...", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
                if (new TextSpan(at, at + part.Length).Overlaps(sp)) return true;
        }
        return false;
    }
}
