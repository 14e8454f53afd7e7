using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events;
using Sitrep.Nlp;

namespace Sitrep.Storage.Tests;

/// <summary>One article of the merge-story test data: URL, site, date, title, body (see Data/merge-story/README.md).</summary>
internal sealed record StoryArticle(string Url, string Site, string Published, string Title, string Body)
{
    public static StoryArticle Load(string name)
    {
        var lines = File.ReadAllText(RepoPaths.Repo("tests", "Sitrep.Storage.Tests", "Data", "merge-story", name + ".txt")).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return new StoryArticle(lines[0], lines[1], lines[2], lines[3], string.Join('\n', lines.Skip(5)).Trim());
    }
}

/// <summary>Documents carrying hand-built analysis layers (sentences, tokens, actors, places, events, quotes), as the pipeline would make them.</summary>
internal static class LayeredDocs
{
    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pos"] = "test-pos@1", ["parser"] = "test-parser@1", ["events"] = "test-patterns@1",
    };

    /// <summary>A plain-text document whose clean text is its raw text.</summary>
    public static Document Plain(string body, string? url, string? site, string? published, string? origin = null)
    {
        var b = new CleanTextBuilder(body);
        b.Copy(new TextSpan(0, body.Length));
        var (clean, map) = b.Build();
        DocumentDate? date = DocumentDate.TryParseIso(published, out var d) ? d : null;
        var meta = new DocumentMetadata { Reader = "text/test-1", Origin = origin ?? url ?? "test.txt", Url = url, Site = site, Published = date };
        var bytes = Encoding.UTF8.GetBytes(body + "\u0000" + (url ?? origin));
        var id = "t" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..15];
        return new Document(id, new SourceText(body, Encoding.UTF8.GetBytes(body), "utf-8"), new SourceText(clean), map, meta)
            .With(CoreLayers.Language, new LanguageIdentification("en", 0.99, true));
    }

    /// <summary>Sentence spans: naive split after '.', '!' or '?' followed by white space; one token per word.</summary>
    public static Document WithSentencesAndTokens(Document doc)
    {
        var text = doc.Text.Text;
        var sentences = new List<Sentence>();
        var tokens = new List<Token>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool end = i == text.Length || (i > 0 && ".!?".Contains(text[i - 1], StringComparison.Ordinal) && char.IsWhiteSpace(text[i]));
            if (!end) continue;
            while (start < i && char.IsWhiteSpace(text[start])) start++;
            if (i > start)
            {
                int first = tokens.Count;
                int j = start;
                while (j < i)
                {
                    while (j < i && char.IsWhiteSpace(text[j])) j++;
                    int s = j;
                    while (j < i && !char.IsWhiteSpace(text[j])) j++;
                    if (j > s) tokens.Add(new Token(new TextSpan(s, j), sentences.Count, "X", "X", text[s..j].ToLowerInvariant(), -1, "dep"));
                }
                sentences.Add(new Sentence(new TextSpan(start, i), first, tokens.Count - first));
            }
            start = i;
        }
        return doc.With(NlpLayers.Sentences, sentences.ToArray()).With(NlpLayers.Tokens, tokens.ToArray());
    }

    public static int SentenceOf(Document doc, int offset) =>
        Array.FindIndex(doc.Get(NlpLayers.Sentences), s => s.Span.Contains(offset));

    public static ActorMention Actor(Document doc, string text, string? kbId, string name, string code, string? country, string? sector, ActorKind kind = ActorKind.Organization)
    {
        int at = doc.Text.Text.IndexOf(text, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{text}' is not in the document.");
        return new ActorMention(TextSpan.FromLength(at, text.Length), 0, 1, 0, kbId, name, code, country, sector, null, kind, 0, "kb");
    }

    /// <summary>A coded event whose trigger is the first occurrence of <paramref name="trigger"/>.</summary>
    public static CodedEvent Event(Document doc, string id, string trigger, string cameo, int quad, double goldstein, int? source, string sourceCode, string? sourceCountry,
        int? target, string targetCode, string? targetCountry, string date, Modality modality = Modality.Asserted, ImmutableArray<AttributionLink> attribution = default, int? place = null)
    {
        int at = doc.Text.Text.IndexOf(trigger, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{trigger}' is not in the document.");
        return new CodedEvent(id, cameo, cameo[..2], quad, goldstein, new PloverCoding(quad == 4 ? "ASSAULT" : "CONSULT", null, ["military"]),
            new EventParticipant(sourceCode, sourceCountry, source), new EventParticipant(targetCode, targetCountry, target),
            new EventDate(date, "timex"), place, modality, attribution.IsDefault ? [] : attribution,
            new EventEvidence(SentenceOf(doc, at), TextSpan.FromLength(at, trigger.Length), []), "test.rule@1");
    }

    public static AttributionLink Link(Document doc, string text, string? code, int? actor)
    {
        int at = doc.Text.Text.IndexOf(text, StringComparison.Ordinal);
        return new AttributionLink(code, actor, text, TextSpan.FromLength(Math.Max(0, at), text.Length));
    }

    /// <summary>
    /// One article of the merge story with its layers: the China Coast Guard (CHNMIL) and the Philippines (PHL) as
    /// actors, Second Thomas Shoal as the place, and the water-cannon event (CAMEO 190, 5 March 2024).
    /// </summary>
    public static Document Story(string name, string? urlOverride = null, string? bodySuffix = null)
    {
        var a = StoryArticle.Load(name);
        var doc = WithSentencesAndTokens(Plain(a.Body + (bodySuffix ?? ""), urlOverride ?? a.Url, a.Site, a.Published));
        var text = doc.Text.Text;
        string chinaText = text.Contains("China Coast Guard", StringComparison.Ordinal) ? "China Coast Guard" : "Chinese Coast Guard";
        string philText = text.Contains("Philippine boat", StringComparison.Ordinal) ? "Philippine boat"
            : text.Contains("Philippine supply boat", StringComparison.Ordinal) ? "Philippine supply boat" : "Filipino sailors";
        ActorMention[] actors =
        [
            Actor(doc, chinaText, "Q1065563", "China Coast Guard", "CHNMIL", "CHN", "MIL"),
            Actor(doc, philText, null, "Philippines", "PHL", "PHL", null, ActorKind.State),
        ];
        PlaceMention[] places = [new(TextSpan.FromLength(text.IndexOf("Second Thomas Shoal", StringComparison.Ordinal), 19), 0, 1, "ayungin", "Second Thomas Shoal", "PHL", 9.73, 115.87, "reef")];
        string trigger = text.Contains("fired a water cannon", StringComparison.Ordinal) ? "fired a water cannon" : "turned its water cannon";
        var e = Event(doc, "e1", trigger, "190", 4, -10, 0, "CHNMIL", "CHN", 1, "PHL", "PHL", "2024-03-05", place: 0);
        return doc.With(ActorLayers.Actors, actors).With(ActorLayers.Places, places).With(EventLayers.Events, [e])
            .With(EventLayers.Quotes, ImmutableArray<Quote>.Empty);
    }
}
