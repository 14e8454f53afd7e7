using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events.Attribution;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Events.Tests.Attribution;

/// <summary>
/// Real text through the shipped tokenizer, POS tagger and parser (data/models), with actor mentions built by
/// hand where the actor layer is not under test: each named phrase becomes a mention with the given code.
/// </summary>
internal static class ParsedText
{
    private static readonly Lazy<Pipeline> s_pipeline = new(() => Pipeline.Build(
    [
        new TokenizerStage(),
        PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin")),
        DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin")),
    ]), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<AttributionLexicon> s_lexicon = new(() => AttributionLexicon.Load(RepoPaths.Repo("data", "lexicons", "attribution")));

    public static AttributionLexicon Lexicon => s_lexicon.Value;

    public static ClaimAnalyzer Analyzer { get; } = new(Lexicon);

    public static Document Parse(string text, DocumentMetadata? metadata = null)
    {
        var raw = new SourceText(text);
        var doc = new Document("t-" + text.Length, raw, raw, OffsetMap.Identity(text.Length),
            metadata ?? new DocumentMetadata { Reader = "test", Origin = "test" });
        doc = s_pipeline.Value.Run(doc);
        Assert.Empty(doc.Errors);
        return doc;
    }

    /// <summary>The seed article's body as the text reader cleans it: the header and footer lines dropped, paragraphs trimmed.</summary>
    public static string SeedText()
    {
        var lines = File.ReadAllLines(RepoPaths.Shared("samples", "seed-article.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("date ", StringComparison.Ordinal) && !l.StartsWith("Updated:", StringComparison.Ordinal));
        return string.Join("\n\n", lines);
    }

    private static readonly Lazy<Document> s_seed = new(() => WithActors(Parse(SeedText()),
    [
        ("The White House", 1, "USAGOV", ActorKind.Organization, 1),
        ("AP", 1, "USAMED", ActorKind.Media, 2),
        ("John Kirby", 1, "USAGOV", ActorKind.Person, 3),
        ("White House", 2, "USAGOV", ActorKind.Organization, 1),
        ("Kirby", 2, "USAGOV", ActorKind.Person, 3),
        ("he", 1, "USAGOV", ActorKind.Person, 3),
        ("AP", 2, "USAMED", ActorKind.Media, 2),
        ("Kirby", 3, "USAGOV", ActorKind.Person, 3),
        ("South Korea’s military", 1, "KORMIL", ActorKind.Organization, 4),
        ("the Biden administration", 1, "USAGOV", ActorKind.Organization, 1),
        ("the White House", 1, "USAGOV", ActorKind.Organization, 1),
        ("the US said", 1, "USA", ActorKind.State, 5),
        ("Both Russia", 1, "RUS", ActorKind.State, 6),
        ("North Korea denied", 1, "PRK", ActorKind.State, 7),
        ("North Korea insisted", 1, "PRK", ActorKind.State, 7),
    ]));

    public static Document Seed => s_seed.Value;

    /// <summary>
    /// Adds actor mentions: each (phrase, occurrence, code, kind, chain) marks the n-th whole-word occurrence of the
    /// phrase. A phrase may carry trailing context words to pick the occurrence ("the US said"): the mention is its
    /// named part, i.e. the phrase less a trailing lowercase verb, and less a leading "Both".
    /// </summary>
    public static Document WithActors(Document doc, (string Phrase, int Occurrence, string Code, ActorKind Kind, int Chain)[] specs)
    {
        var text = doc.Text.Text;
        var tokens = doc.Get(NlpLayers.Tokens);
        var mentions = new List<ActorMention>();
        foreach (var (phrase, occurrence, code, kind, chain) in specs)
        {
            int at = -1;
            for (int n = 0; n < occurrence; n++)
            {
                at = at + 1;
                while ((at = text.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0
                       && ((at > 0 && char.IsLetter(text[at - 1])) || (at + phrase.Length < text.Length && char.IsLetter(text[at + phrase.Length]))))
                    at++;
                Assert.True(at >= 0, $"'{phrase}' #{occurrence} not in the text");
            }
            var words = phrase.Split(' ');
            int start = at, end = at + phrase.Length;
            if (words.Length > 1 && words[^1] is "said" or "denied" or "insisted") end -= words[^1].Length + 1;
            if (words[0] is "Both") start += words[0].Length + 1;
            int first = Array.FindIndex(tokens, t => t.Span.Start >= start);
            int last = Array.FindLastIndex(tokens, t => t.Span.End <= end);
            Assert.True(first >= 0 && last >= first, $"no tokens for '{phrase}'");
            int head = last;
            for (int t = first; t <= last; t++)
                if (tokens[t].Head < first || tokens[t].Head > last) { head = t; break; }
            var span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            mentions.Add(new ActorMention(span, first, last - first + 1, head, null, text[span.Start..span.End], code, code[..Math.Min(3, code.Length)],
                null, null, kind, chain, kind == ActorKind.Person && phrase is "he" or "she" ? "pronoun" : "test"));
        }
        return doc.With(ActorLayers.Actors, [.. mentions.OrderBy(m => m.FirstToken)]);
    }

    /// <summary>The token index of the n-th occurrence (1-based) of a word.</summary>
    public static int Token(Document doc, string word, int occurrence = 1)
    {
        var text = doc.Text.Text;
        var tokens = doc.Get(NlpLayers.Tokens);
        int seen = 0;
        for (int i = 0; i < tokens.Length; i++)
            if (text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length).SequenceEqual(word) && ++seen == occurrence) return i;
        throw new InvalidOperationException($"no token '{word}' #{occurrence}");
    }

    public static string Describe(ClaimContext c) =>
        $"{c.Modality.ToRecord()} [{string.Join(" | ", c.Attribution.Select(l => $"{l.Code ?? "-"}:{l.Text}"))}]";
}
