using System.Collections.Frozen;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Petrarch;
using Sitrep.Nlp.Tokenization;

namespace Sitrep.Actors.Linking;

/// <summary>What a lexicon entry names.</summary>
internal enum LexKind { Entity, Agent, PetrarchActor, PetrarchAgent }

/// <summary>One thing a token sequence may name: a KB entity through one of its aliases, an agent noun, or a PETRARCH entry.</summary>
internal sealed record LexEntry(LexKind Kind, KbEntity? Entity = null, KbAlias? Alias = null, string? AgentCode = null,
    PetrarchActor? Petrarch = null, PetrarchAgent? PetrarchAgent = null)
{
    public bool IsEntity => Kind == LexKind.Entity;
}

/// <summary>
/// The precompiled alias index: every alias, agent noun and PETRARCH phrase tokenized with Sitrep's own tokenizer and
/// keyed by its folded (or, for acronyms, exact) tokens joined by single spaces. A sentence is folded once into a
/// buffer laid out the same way, so an n-gram's key is a slice of that buffer and a look-up allocates nothing.
/// </summary>
public sealed class AliasIndex
{
    internal sealed class Table
    {
        public readonly FrozenDictionary<string, LexEntry[]> Map;
        public readonly FrozenDictionary<string, LexEntry[]>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public readonly FrozenSet<string> First;
        public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstLookup;
        public readonly int MaxTokens;
        /// <summary>Keys whose last word is a stem (PETRARCH patterns without a trailing underscore).</summary>
        public readonly bool HasStems;

        public Table(Dictionary<string, List<LexEntry>> map, HashSet<string> first, int max, bool stems)
        {
            Map = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
            Lookup = Map.GetAlternateLookup<ReadOnlySpan<char>>();
            First = first.ToFrozenSet(StringComparer.Ordinal);
            FirstLookup = First.GetAlternateLookup<ReadOnlySpan<char>>();
            MaxTokens = max;
            HasStems = stems;
        }
    }

    internal Table Folded { get; }
    internal Table Exact { get; }
    internal Table Agents { get; }
    internal Table? Stems { get; }

    public KnowledgeBase? Kb { get; }
    public int Keys => Folded.Map.Count + Exact.Map.Count + Agents.Map.Count + (Stems?.Map.Count ?? 0);

    private AliasIndex(KnowledgeBase? kb, Table folded, Table exact, Table agents, Table? stems) =>
        (Kb, Folded, Exact, Agents, Stems) = (kb, folded, exact, agents, stems);

    /// <summary>Builds the index from the KB (null: none, as when a PETRARCH dictionary is the only actor source) and PETRARCH dictionaries.</summary>
    public static AliasIndex Build(KnowledgeBase? kb, IEnumerable<PetrarchActorDictionary>? petrarchActors = null, IEnumerable<PetrarchAgentDictionary>? petrarchAgents = null)
    {
        var folded = new Builder();
        var exact = new Builder();
        var agents = new Builder();
        var stems = new Builder();
        if (kb is not null)
        {
            foreach (var e in kb.AllEntities())
                foreach (var a in e.Aliases)
                {
                    var entry = new LexEntry(LexKind.Entity, e, a);
                    var words = Words(AliasKeys.Trim(a.Text));
                    if (a.IsCaseSensitive) exact.Add(words, entry, fold: false);
                    else
                    {
                        folded.Add(words, entry, fold: true);
                        // "George W Bush", as forums and transcripts write him: a middle initial is also written without its period
                        if (WithoutInitialPeriods(words) is { } bare) folded.Add(bare, entry, fold: true);
                    }
                }
            foreach (var ag in kb.Agents) agents.Add(Words(ag.Term), new LexEntry(LexKind.Agent, AgentCode: ag.Code), fold: true);
        }
        foreach (var d in petrarchActors ?? [])
            foreach (var a in d.Actors)
                foreach (var p in a.Phrases)
                    (p.Stem ? stems : folded).Add(Words(string.Join(' ', p.Words)), new LexEntry(LexKind.PetrarchActor, Petrarch: a), fold: true);
        foreach (var d in petrarchAgents ?? [])
            foreach (var a in d.Agents)
                foreach (var p in a.Phrases)
                    agents.Add(Words(string.Join(' ', p.Words)), new LexEntry(LexKind.PetrarchAgent, PetrarchAgent: a), fold: true);
        return new AliasIndex(kb, folded.Build(false), exact.Build(false), agents.Build(false), stems.Count == 0 ? null : stems.Build(true));
    }

    /// <summary>The words with each middle initial ("W.") written without its period, or null when there is none.</summary>
    private static List<string>? WithoutInitialPeriods(List<string> words)
    {
        List<string>? result = null;
        for (var i = 1; i < words.Count - 1; i++)
            if (words[i].Length == 2 && char.IsAsciiLetterUpper(words[i][0]) && words[i][1] == '.')
                (result ??= [.. words])[i] = words[i][..1];
        return result;
    }

    /// <summary>The words of a phrase as Sitrep's tokenizer splits them, so that keys and text agree.</summary>
    private static List<string> Words(string phrase)
    {
        var result = new List<string>();
        foreach (var t in Tokenizer.Tokenize(phrase)) result.Add(phrase.Substring(t.Start, t.Length));
        return result;
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, List<LexEntry>> _map = new(StringComparer.Ordinal);
        private readonly HashSet<string> _first = new(StringComparer.Ordinal);
        private int _max;
        public int Count => _map.Count;

        public void Add(List<string> words, LexEntry entry, bool fold)
        {
            if (words.Count == 0) return;
            var keyWords = words.Select(w => fold ? TextFold.Fold(w) : TextFold.Exact(w)).ToList();
            var key = string.Join(' ', keyWords);
            if (!_map.TryGetValue(key, out var list)) _map[key] = list = [];
            if (!list.Contains(entry)) list.Add(entry);
            _first.Add(keyWords[0]);
            _max = Math.Max(_max, words.Count);
        }

        public Table Build(bool stems) => new(_map, _first, _max, stems);
    }
}

/// <summary>Token folding shared by keys and text: lowercase, Latin diacritics removed, curly quotes and dashes unified.</summary>
internal static class TextFold
{
    private const string Accented = "àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıľłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžșț";
    private const string Plain = "aaaaaaaaacccddeeeeeeeegiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzzst";

    public static char FoldChar(char c)
    {
        c = UnifyChar(c);
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        c = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }

    public static char UnifyChar(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02bc' => '\'',
        '\u2010' or '\u2011' or '\u2013' or '\u2014' => '-',
        '\u201c' or '\u201d' => '"',
        _ => c,
    };

    public static string Fold(string s) => string.Create(s.Length, s, static (dst, src) => { for (var i = 0; i < src.Length; i++) dst[i] = FoldChar(src[i]); });

    public static string Exact(string s) => string.Create(s.Length, s, static (dst, src) => { for (var i = 0; i < src.Length; i++) dst[i] = UnifyChar(src[i]); });
}
