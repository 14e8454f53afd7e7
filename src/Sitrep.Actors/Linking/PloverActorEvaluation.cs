using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Actors.Kb;

namespace Sitrep.Actors.Linking;

/// <summary>How one gold actor text fared.</summary>
public enum ActorEvalOutcome { Correct, NotFound, WrongCountry, Ambiguous, NoCountry, TextNotInSentence }

/// <summary>One gold actor (source or target) of a PLOVER record and what the linker predicted for it.</summary>
public sealed record ActorEvalItem(string RecordId, string Role, string ActorText, string GoldCode, string GoldRoot, string? Predicted, ActorEvalOutcome Outcome, string Sentence);

/// <summary>
/// Scores actor linking on PLOVER gold records (plover_gsr_dev.json): for each source and target actor text, the
/// sentence is run through the pipeline and the country part (first three letters) of the code predicted for a
/// mention overlapping that text is compared with the gold code's. Gold codes are normalized through the KB's
/// legacy codes (ROM → ROU). The records' dates are all 2000-01-01 placeholders, so sentences are linked without a date.
/// </summary>
public sealed class PloverActorEvaluation
{
    public IReadOnlyList<ActorEvalItem> Items { get; }

    private PloverActorEvaluation(IReadOnlyList<ActorEvalItem> items) => Items = items;

    public int Total => Items.Count;
    public int Correct => Items.Count(i => i.Outcome == ActorEvalOutcome.Correct);
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <param name="link">Runs the pipeline on a sentence (no date) and returns its actor mentions.</param>
    public static PloverActorEvaluation Run(string goldPath, KnowledgeBase kb, Func<string, DateOnly?, ActorMention[]> link)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(goldPath));
        var items = new List<ActorEvalItem>();
        foreach (var rec in json.RootElement.EnumerateArray())
        {
            var text = rec.GetProperty("text").GetString() ?? "";
            var id = rec.TryGetProperty("id", out var idp) ? idp.GetString() ?? "" : "";
            var gold = new List<(string Role, string Text, string Code)>();
            foreach (var role in new[] { "source", "target" })
                if (rec.TryGetProperty(role, out var arr) && arr.ValueKind == JsonValueKind.Array)
                    foreach (var a in arr.EnumerateArray())
                        if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("actorText", out var at) && a.TryGetProperty("code", out var c))
                            gold.Add((role, at.GetString() ?? "", c.GetString() ?? ""));
            if (gold.Count == 0) continue;
            var mentions = link(text, null);
            foreach (var (role, actorText, code) in gold)
                items.Add(Score(id, role, actorText, code, text, mentions, kb));
        }
        return new PloverActorEvaluation(items);
    }

    private static string Root(string code, KnowledgeBase kb)
    {
        if (code.Length < 3) return code.ToUpperInvariant();
        var r = code[..3].ToUpperInvariant();
        return kb.Country(r)?.Cameo ?? r;
    }

    private static ActorEvalItem Score(string id, string role, string actorText, string goldCode, string text, ActorMention[] mentions, KnowledgeBase kb)
    {
        var goldRoot = Root(goldCode, kb);
        var (start, end) = Locate(text, actorText);
        if (start < 0) return new(id, role, actorText, goldCode, goldRoot, null, ActorEvalOutcome.TextNotInSentence, text);
        var candidates = mentions.Where(m => m.Span.Start < end && m.Span.End > start && m.Code.Length >= 3).ToList();
        if (candidates.Count == 0) return new(id, role, actorText, goldCode, goldRoot, null, ActorEvalOutcome.NotFound, text);
        var roots = candidates.Select(m => Root(m.Code, kb)).Distinct(StringComparer.Ordinal).ToList();
        if (roots.Count > 1)
        {
            // Several actors overlap the text ("Hungarian and Romanian officials"): keep those the gold text itself names.
            var named = NamedRoots(actorText, kb);
            var kept = roots.Where(named.Contains).ToList();
            if (kept.Count == 1) roots = kept;
            else
            {
                // Prefer mentions inside the gold text over larger phrases around it.
                var inside = candidates.Where(m => m.Span.Start >= start && m.Span.End <= end).Select(m => Root(m.Code, kb)).Distinct(StringComparer.Ordinal).ToList();
                if (inside.Count == 1) roots = inside;
            }
        }
        var predicted = string.Join('|', roots);
        if (roots.Count > 1) return new(id, role, actorText, goldCode, goldRoot, predicted, ActorEvalOutcome.Ambiguous, text);
        var root = roots[0];
        if (kb.Country(root) is null && !kb.InternationalTypes.Contains(root) && root != goldRoot)
            return new(id, role, actorText, goldCode, goldRoot, predicted, ActorEvalOutcome.NoCountry, text);
        return new(id, role, actorText, goldCode, goldRoot, predicted, root == goldRoot ? ActorEvalOutcome.Correct : ActorEvalOutcome.WrongCountry, text);
    }

    private static HashSet<string> NamedRoots(string actorText, KnowledgeBase kb)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var words = actorText.Split([' ', ',', '\''], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
            for (var j = i + 1; j <= Math.Min(words.Length, i + 4); j++)
                foreach (var m in kb.Lookup(string.Join(' ', words[i..j])))
                    if (m.Entity is KbCountry c) set.Add(c.Cameo);
        return set;
    }

    /// <summary>The gold text's span in the sentence: exact, else ignoring case and spacing, else its first part before "...".</summary>
    private static (int Start, int End) Locate(string text, string actorText)
    {
        var t = actorText.Trim();
        var i = text.IndexOf(t, StringComparison.Ordinal);
        if (i < 0) i = text.IndexOf(t, StringComparison.OrdinalIgnoreCase);
        if (i >= 0) return (i, i + t.Length);
        var collapsed = string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        i = text.IndexOf(collapsed, StringComparison.OrdinalIgnoreCase);
        if (i >= 0) return (i, i + collapsed.Length);
        var dots = t.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            var first = t[..dots].Trim();
            var last = t[(t.LastIndexOf("..", StringComparison.Ordinal) + 2)..].Trim('.', ' ');
            var a = text.IndexOf(first, StringComparison.OrdinalIgnoreCase);
            var b = a < 0 ? -1 : text.IndexOf(last, a, StringComparison.OrdinalIgnoreCase);
            if (a >= 0 && b >= 0) return (a, b + last.Length);
        }
        return (-1, -1);
    }

    public string Report(bool errors)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"actors: {Total}  country correct: {Correct}  accuracy: {Accuracy * 100:F1}%\n");
        foreach (var g in Items.GroupBy(i => i.Outcome).OrderBy(g => g.Key))
            sb.Append(CultureInfo.InvariantCulture, $"  {Name(g.Key),-20} {g.Count(),5}\n");
        if (errors)
            foreach (var i in Items.Where(i => i.Outcome != ActorEvalOutcome.Correct))
                sb.Append(CultureInfo.InvariantCulture, $"{Name(i.Outcome)}\t{i.RecordId}\t{i.Role}\t\"{i.ActorText}\"\tgold {i.GoldCode}\tpredicted {i.Predicted ?? "-"}\n");
        return sb.ToString();
    }

    public static string Name(ActorEvalOutcome o) => o switch
    {
        ActorEvalOutcome.Correct => "correct",
        ActorEvalOutcome.NotFound => "not-found",
        ActorEvalOutcome.WrongCountry => "wrong-country",
        ActorEvalOutcome.Ambiguous => "ambiguous",
        ActorEvalOutcome.NoCountry => "no-country",
        ActorEvalOutcome.TextNotInSentence => "text-not-in-sentence",
        _ => o.ToString(),
    };
}
