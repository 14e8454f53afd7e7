using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Events.Coding;

/// <summary>
/// A document's actor, place and TIMEX3 layers indexed by token and sentence, built once per document. Argument
/// finding asks "which mention is at this token" for every candidate word; answering by scanning the layer made
/// coding quadratic in the document's length (a 2.5 MB text took minutes).
/// </summary>
internal sealed class MentionIndex
{
    private readonly int[] _actorAt;
    private readonly int[] _placeAt;
    private readonly Dictionary<TextSpan, List<int>> _sharedSpans;
    private readonly List<int>[] _placesBySentence;
    private readonly List<int>[] _timexesBySentence;

    public MentionIndex(Token[] tokens, Sentence[] sentences, ActorMention[] actors, PlaceMention[] places, IReadOnlyList<Timex> timexes)
    {
        Actors = actors;
        Places = places;
        _actorAt = new int[tokens.Length];
        _placeAt = new int[tokens.Length];
        Array.Fill(_actorAt, -1);
        Array.Fill(_placeAt, -1);

        // A mention headed by the token wins (the first such); else the shortest mention containing it (the first of equals).
        var contains = new int[tokens.Length];
        Array.Fill(contains, -1);
        for (var i = 0; i < actors.Length; i++)
        {
            var a = actors[i];
            for (var k = Math.Max(0, a.FirstToken); k < Math.Min(tokens.Length, a.FirstToken + a.TokenCount); k++)
                if (contains[k] < 0 || a.TokenCount < actors[contains[k]].TokenCount) contains[k] = i;
        }
        for (var i = actors.Length - 1; i >= 0; i--)
            if ((uint)actors[i].HeadToken < (uint)tokens.Length) _actorAt[actors[i].HeadToken] = i;
        for (var k = 0; k < tokens.Length; k++) if (_actorAt[k] < 0) _actorAt[k] = contains[k];

        for (var i = places.Length - 1; i >= 0; i--)
        {
            if (places[i].Country is null) continue;
            for (var k = Math.Max(0, places[i].FirstToken); k < Math.Min(tokens.Length, places[i].FirstToken + places[i].TokenCount); k++)
                _placeAt[k] = i;
        }

        _sharedSpans = [];
        var firstAt = new Dictionary<TextSpan, int>();
        for (var i = 0; i < actors.Length; i++)
        {
            if (firstAt.TryAdd(actors[i].Span, i)) continue;
            if (!_sharedSpans.TryGetValue(actors[i].Span, out var group)) _sharedSpans[actors[i].Span] = group = [firstAt[actors[i].Span]];
            group.Add(i);
        }

        _placesBySentence = NewBuckets(sentences.Length);
        for (var i = 0; i < places.Length; i++)
        {
            var first = SentenceOfToken(sentences, places[i].FirstToken);
            var last = SentenceOfToken(sentences, places[i].FirstToken + places[i].TokenCount - 1);
            if (first < 0) first = last;
            if (last < 0) last = first;
            for (var s = first; s >= 0 && s <= last; s++) _placesBySentence[s].Add(i);
        }

        _timexesBySentence = NewBuckets(sentences.Length);
        for (var i = 0; i < timexes.Count; i++)
        {
            var s = SentenceAt(sentences, timexes[i].Span.Start);
            if (s >= 0 && sentences[s].Span.Contains(timexes[i].Span)) _timexesBySentence[s].Add(i);
        }
    }

    public ActorMention[] Actors { get; }

    public PlaceMention[] Places { get; }

    /// <summary>The actor mention whose head is the token, else the smallest mention containing it.</summary>
    public int? ActorAt(int token) => (uint)token < (uint)_actorAt.Length && _actorAt[token] >= 0 ? _actorAt[token] : null;

    /// <summary>The first place mention with a country that contains the token.</summary>
    public int? PlaceAt(int token) => (uint)token < (uint)_placeAt.Length && _placeAt[token] >= 0 ? _placeAt[token] : null;

    /// <summary>The other actor mentions over exactly the same characters as mention <paramref name="actor"/>, in layer order.</summary>
    public IReadOnlyList<int> SameSpan(int actor) =>
        _sharedSpans.TryGetValue(Actors[actor].Span, out var group) ? group : [];

    /// <summary>Place mentions with a token in the sentence, in layer order.</summary>
    public IReadOnlyList<int> PlacesIn(int sentence) => _placesBySentence[sentence];

    /// <summary>TIMEX3s inside the sentence, in layer order.</summary>
    public IReadOnlyList<int> TimexesIn(int sentence) => _timexesBySentence[sentence];

    private static List<int>[] NewBuckets(int n)
    {
        var buckets = new List<int>[n];
        for (var i = 0; i < n; i++) buckets[i] = [];
        return buckets;
    }

    private static int SentenceOfToken(Sentence[] sentences, int token)
    {
        int lo = 0, hi = sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].FirstToken <= token) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && token < sentences[found].FirstToken + sentences[found].TokenCount ? found : -1;
    }

    private static int SentenceAt(Sentence[] sentences, int offset)
    {
        int lo = 0, hi = sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
