using System.Collections.Immutable;
using Sitrep.Actors.Petrarch;

namespace Sitrep.Events.Petrarch;

/// <summary>
/// A dictionary phrase found in a sentence: tokens [Start, End), and either an actor (its codes on the sentence's
/// date; "ELR/GAL" gives two; none for the null code) or an agent.
/// </summary>
internal sealed record PetrarchHit(int Start, int End, ImmutableArray<string> Codes, PetrarchAgent? Agent)
{
    public bool IsActor => Agent is null;
}

/// <summary>
/// PETRARCH actor and agent phrases indexed by their first word, matched exactly (PETRARCH matches whole words;
/// TABARI's stems are not used) against a sentence's upper-case tokens, longest phrase first. A phrase word may
/// span several tokens written without spaces ("BARAD-DUR" over "Barad", "-", "dur").
/// </summary>
internal sealed class PetrarchActorIndex
{
    private readonly Dictionary<string, List<(ImmutableArray<string> Words, PetrarchActor? Actor, PetrarchAgent? Agent)>> _byFirst = new(StringComparer.Ordinal);

    public PetrarchActorIndex(IEnumerable<PetrarchActorDictionary> actors, IEnumerable<PetrarchAgentDictionary> agents)
    {
        foreach (var d in actors)
            foreach (var a in d.Actors)
                foreach (var p in a.Phrases) Add([.. p.Words.Select(w => w.ToUpperInvariant())], a, null);
        foreach (var d in agents)
            foreach (var g in d.Agents)
                foreach (var p in g.Phrases) Add([.. p.Words.Select(w => w.ToUpperInvariant())], null, g);
        // Longest phrases first so the first match at a position is the longest.
        foreach (var list in _byFirst.Values) list.Sort((x, y) => y.Words.Length.CompareTo(x.Words.Length));
    }

    public int Count => _byFirst.Values.Sum(l => l.Count);

    private void Add(ImmutableArray<string> words, PetrarchActor? actor, PetrarchAgent? agent)
    {
        if (words.IsEmpty) return;
        foreach (var key in Keys(words[0]))
        {
            if (!_byFirst.TryGetValue(key, out var list)) _byFirst[key] = list = [];
            list.Add((words, actor, agent));
        }
    }

    private static IEnumerable<string> Keys(string word)
    {
        yield return word;
        var lead = LeadingLetters(word);
        if (lead.Length > 0 && lead != word) yield return lead;
    }

    private static string LeadingLetters(string w)
    {
        var i = 0;
        while (i < w.Length && char.IsLetterOrDigit(w[i])) i++;
        return w[..i];
    }

    /// <summary>Non-overlapping hits over tokens [from, to), left to right, longest at each position.</summary>
    public List<PetrarchHit> Find(PetrarchSentence s, DateOnly? date)
    {
        var hits = new List<PetrarchHit>();
        var p = s.From;
        while (p < s.To)
        {
            var best = (End: -1, Actor: (PetrarchActor?)null, Agent: (PetrarchAgent?)null);
            foreach (var key in Keys(s.Upper(p)).Distinct(StringComparer.Ordinal))
            {
                if (!_byFirst.TryGetValue(key, out var list)) continue;
                foreach (var (words, actor, agent) in list)
                {
                    var end = s.MatchWords(words, p);
                    if (end > best.End) best = (end, actor, agent);
                }
            }
            if (best.End > p)
            {
                var codes = best.Actor is { } a ? Codes(a, date) : [];
                hits.Add(new PetrarchHit(p, best.End, codes, best.Agent));
                p = best.End;
            }
            else p++;
        }
        return hits;
    }

    private static ImmutableArray<string> Codes(PetrarchActor a, DateOnly? date)
    {
        var c = a.CodeAt(date);
        if (c is null) return [];
        return [.. c.ToUpperInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries).Where(x => x.Any(char.IsLetterOrDigit))];
    }
}
