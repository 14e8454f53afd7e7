using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events.Coding;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Events.Tests.Coding;

/// <summary>The per-token index the coder asks "which mention is here" must answer as a scan of the layers would.</summary>
public sealed class MentionIndexTests
{
    // "Defence Minister Sergei Shoigu met Kim Jong Un in Pyongyang . North Korea denied it ."
    private static readonly string[] Words = ["Defence", "Minister", "Sergei", "Shoigu", "met", "Kim", "Jong", "Un", "in", "Pyongyang", ".", "North", "Korea", "denied", "it", "."];

    private static (Token[] Tokens, Sentence[] Sentences) Layout(string[] words, int secondSentenceAt)
    {
        var tokens = new Token[words.Length];
        var at = 0;
        for (var i = 0; i < words.Length; i++)
        {
            tokens[i] = new Token(TextSpan.FromLength(at, words[i].Length), i < secondSentenceAt ? 0 : 1);
            at += words[i].Length + 1;
        }
        var end0 = tokens[secondSentenceAt - 1].Span.End;
        return (tokens, [new Sentence(new TextSpan(0, end0), 0, secondSentenceAt),
            new Sentence(new TextSpan(tokens[secondSentenceAt].Span.Start, tokens[^1].Span.End), secondSentenceAt, words.Length - secondSentenceAt)]);
    }

    private static ActorMention Actor(Token[] tokens, int first, int count, int head, string code) =>
        new(new TextSpan(tokens[first].Span.Start, tokens[first + count - 1].Span.End), first, count, head, null, code, code, code[..3], null, null, ActorKind.Person, 0, "kb");

    [Fact]
    public void Head_wins_then_the_smallest_mention_containing_the_token()
    {
        var (tokens, sentences) = Layout(Words, 11);
        ActorMention[] actors =
        [
            Actor(tokens, 0, 4, 3, "RUSGOV"),   // Defence Minister Sergei Shoigu, headed by Shoigu
            Actor(tokens, 2, 2, 3, "RUSGOV"),   // Sergei Shoigu, same head: the first mention keeps it
            Actor(tokens, 0, 2, 1, "RUSMIL"),   // Defence Minister
            Actor(tokens, 5, 3, 5, "PRKGOV"),
        ];
        var index = new MentionIndex(tokens, sentences, actors, [], []);
        Assert.Equal(0, index.ActorAt(3));
        Assert.Equal(1, index.ActorAt(2));      // not a head: Sergei Shoigu (2 tokens) is smaller than the whole title (4)
        Assert.Equal(2, index.ActorAt(1));
        Assert.Equal(2, index.ActorAt(0));
        Assert.Equal(3, index.ActorAt(7));
        Assert.Null(index.ActorAt(4));
        Assert.Null(index.ActorAt(-1));
        Assert.Null(index.ActorAt(tokens.Length));
    }

    [Fact]
    public void Matches_a_scan_of_the_layer_on_random_layouts()
    {
        var (tokens, sentences) = Layout(Words, 11);
        var random = new Random(17);
        for (var round = 0; round < 200; round++)
        {
            var actors = new ActorMention[random.Next(0, 8)];
            for (var i = 0; i < actors.Length; i++)
            {
                var first = random.Next(0, tokens.Length);
                var count = random.Next(1, Math.Min(4, tokens.Length - first) + 1);
                actors[i] = Actor(tokens, first, count, first + random.Next(0, count), "USA");
            }
            var index = new MentionIndex(tokens, sentences, actors, [], []);
            for (var t = 0; t < tokens.Length; t++) Assert.Equal(Scan(actors, t), index.ActorAt(t));
        }
    }

    private static int? Scan(ActorMention[] actors, int token)
    {
        for (var i = 0; i < actors.Length; i++) if (actors[i].HeadToken == token) return i;
        int? best = null;
        for (var i = 0; i < actors.Length; i++)
            if (token >= actors[i].FirstToken && token < actors[i].FirstToken + actors[i].TokenCount
                && (best is null || actors[i].TokenCount < actors[best.Value].TokenCount)) best = i;
        return best;
    }

    [Fact]
    public void Places_need_a_country_and_are_found_by_sentence()
    {
        var (tokens, sentences) = Layout(Words, 11);
        PlaceMention[] places =
        [
            new(tokens[9].Span, 9, 1, null, "Unknown place", null, null, null, "city"),
            new(tokens[9].Span, 9, 1, "pyongyang", "Pyongyang", "PRK", 39.0, 125.7, "city"),
            new(new TextSpan(tokens[11].Span.Start, tokens[12].Span.End), 11, 2, "PRK", "North Korea", "PRK", null, null, "country"),
        ];
        var index = new MentionIndex(tokens, sentences, [], places, []);
        Assert.Equal(1, index.PlaceAt(9));
        Assert.Equal(2, index.PlaceAt(12));
        Assert.Null(index.PlaceAt(4));
        Assert.Equal([0, 1], index.PlacesIn(0));
        Assert.Equal([2], index.PlacesIn(1));
    }

    [Fact]
    public void Mentions_over_the_same_words_are_grouped_in_layer_order()
    {
        var (tokens, sentences) = Layout(Words, 11);
        ActorMention[] actors = [Actor(tokens, 11, 2, 12, "PRK"), Actor(tokens, 5, 3, 5, "PRKGOV"), Actor(tokens, 11, 2, 12, "PRKGOV")];
        var index = new MentionIndex(tokens, sentences, actors, [], []);
        Assert.Equal([0, 2], index.SameSpan(2));
        Assert.Empty(index.SameSpan(1));
    }

    [Fact]
    public void Timexes_are_bucketed_by_the_sentence_that_holds_them()
    {
        var (tokens, sentences) = Layout(Words, 11);
        Timex[] timexes =
        [
            new(tokens[4].Span, TimexType.Date, "2023-08-30", null, "dct"),
            new(new TextSpan(tokens[9].Span.Start, tokens[11].Span.End), TimexType.Date, "2023", null, "dct"), // crosses the boundary: in neither
            new(tokens[13].Span, TimexType.Date, "2023-08-31", null, "dct"),
        ];
        var index = new MentionIndex(tokens, sentences, [], [], timexes);
        Assert.Equal([0], index.TimexesIn(0));
        Assert.Equal([2], index.TimexesIn(1));
    }
}
