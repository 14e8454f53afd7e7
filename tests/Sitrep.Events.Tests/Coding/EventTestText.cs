using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events.Patterns;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;
using Sitrep.Time;

namespace Sitrep.Events.Tests.Coding;

/// <summary>
/// Real text through the shipped tokenizer, tagger, parser and TIMEX3 tagger, with actor (and place) mentions made
/// by hand from phrases, so the coder is tested on real parses whatever the actor linker does.
/// </summary>
internal static class EventTestText
{
    private static readonly Lazy<Pipeline> s_pipeline = new(() => Pipeline.Build(
    [
        new TokenizerStage(),
        PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin")),
        DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin")),
        new TimexStage(),
    ]), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<PatternSet> s_patterns = new(() => PatternSet.Load(RepoPaths.Repo("data", "lexicons", "events")));

    public static PatternSet Patterns => s_patterns.Value;

    public static Document Parse(string text, DateOnly? published = null)
    {
        var raw = new SourceText(text);
        var doc = new Document("t-" + text.Length, raw, raw, OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "test", Published = published is { } p ? new DocumentDate(p) : null });
        doc = s_pipeline.Value.Run(doc);
        Assert.Empty(doc.Errors);
        return doc;
    }

    /// <summary>An actor: the n-th whole-word occurrence of a phrase, with its code and coreference chain.</summary>
    public readonly record struct A(string Phrase, string Code, int Occurrence = 1, int Chain = -1, ActorKind Kind = ActorKind.State, string? ActorId = null, string? Sector = null,
        string Resolution = "test");

    /// <summary>Parses the text and adds the actors (and places: phrase → country) by hand.</summary>
    public static Document With(string text, A[] actors, (string Phrase, string Country)[]? places = null, DateOnly? published = null) =>
        With(Parse(text, published), actors, places);

    /// <summary>Adds the actors (and places) by hand to a parsed document, e.g. one whose parse a test has set.</summary>
    public static Document With(Document doc, A[] actors, (string Phrase, string Country)[]? places = null)
    {
        var text = doc.Text.Text;
        var tokens = doc.Get(NlpLayers.Tokens);
        var mentions = new List<ActorMention>();
        var chain = 0;
        foreach (var a in actors)
        {
            var (first, last, head, span) = Locate(doc, a.Phrase, a.Occurrence);
            mentions.Add(new ActorMention(span, first, last - first + 1, head, a.ActorId, text[span.Start..span.End], a.Code,
                // as the linker has it: an international organization (IGO…) has no country
                a.Code.StartsWith("IGO", StringComparison.Ordinal) ? null : a.Code.Length >= 3 ? a.Code[..3] : a.Code, a.Sector, null, a.Kind, a.Chain >= 0 ? a.Chain : chain++, a.Resolution));
        }
        doc = doc.With(ActorLayers.Actors, [.. mentions.OrderBy(m => m.FirstToken)]);
        var placeList = new List<PlaceMention>();
        foreach (var (phrase, country) in places ?? [])
        {
            var (first, last, _, span) = Locate(doc, phrase, 1);
            placeList.Add(new PlaceMention(span, first, last - first + 1, null, phrase, country, null, null, "city"));
        }
        return doc.With(ActorLayers.Places, [.. placeList.OrderBy(p => p.FirstToken)]);
    }

    private static (int First, int Last, int Head, TextSpan Span) Locate(Document doc, string phrase, int occurrence)
    {
        var text = doc.Text.Text;
        var tokens = doc.Get(NlpLayers.Tokens);
        var at = -1;
        for (var n = 0; n < occurrence; n++)
        {
            at++;
            while ((at = text.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0
                   && ((at > 0 && char.IsLetter(text[at - 1])) || (at + phrase.Length < text.Length && char.IsLetter(text[at + phrase.Length]))))
                at++;
            Assert.True(at >= 0, $"'{phrase}' #{occurrence} is not in the text");
        }
        var first = Array.FindIndex(tokens, t => t.Span.Start >= at);
        var last = Array.FindLastIndex(tokens, t => t.Span.End <= at + phrase.Length);
        Assert.True(first >= 0 && last >= first, $"no tokens for '{phrase}'");
        var head = last;
        for (var t = first; t <= last; t++)
            if (tokens[t].Head < first || tokens[t].Head > last) { head = t; break; }
        return (first, last, head, new TextSpan(tokens[first].Span.Start, tokens[last].Span.End));
    }

    private static readonly Lazy<Sitrep.Events.Attribution.ClaimAnalyzer> s_claims = new(() =>
        new(Sitrep.Events.Attribution.AttributionLexicon.Load(RepoPaths.Repo("data", "lexicons", "attribution"))));

    /// <summary>The attribution analyser with the repository's lexicon.</summary>
    public static IClaimAnalyzer Claims => s_claims.Value;

    public static System.Collections.Immutable.ImmutableArray<CodedEvent> Code(Document doc) =>
        new Sitrep.Events.Coding.EventCoder(Patterns, Claims).Code(doc);

    /// <summary>"RUS 0232 PRK" for each event: source code, CAMEO code, target code.</summary>
    public static string Dyad(CodedEvent e) => $"{e.Source?.Code ?? "-"} {e.Cameo} {e.Target?.Code ?? "-"}";

    /// <summary>The parse, one token a line, for messages when a test fails.</summary>
    public static string Dump(Document doc)
    {
        var text = doc.Text.Text;
        var tokens = doc.Get(NlpLayers.Tokens);
        return string.Join("\n", tokens.Select((t, i) => $"{i}\t{text[t.Span.Start..t.Span.End]}\t{t.Lemma}\t{t.Upos}\t{t.Head}\t{t.Deprel}"));
    }
}
