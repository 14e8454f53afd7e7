using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Tests.Ner;

/// <summary>The seed article's main entities, as the acceptance point names them, checked for any NER tagger.</summary>
internal static class SeedEntities
{
    /// <summary>Tokenizes and POS-tags the seed article, tags every sentence with <paramref name="tag"/> and checks the entities.</summary>
    public static void AssertFound(SentenceNerTagger tag)
    {
        var text = File.ReadAllText(NlpTestData.Shared("samples", "seed-article.txt"));
        var (sentences, tokens) = TokenizerStage.Run(text);
        new PosTaggerStage(PosModel.Load(NlpTestData.Repo("data", "models", "pos", "en-ewt-pos.bin")), "pos", "-").Tag(text, sentences, tokens);
        var mentions = new List<EntityMention>();
        foreach (var s in sentences) tag(text, tokens.AsSpan(s.FirstToken, s.TokenCount), s.FirstToken, mentions);
        var found = mentions.Select(m => (Text: text[m.Span.Start..m.Span.End], m.Type)).ToHashSet();

        foreach (var name in new[] { "Vladimir Putin", "Kim Jong Un", "John Kirby", "Sergei Shoigu" })
            Assert.Contains((name, "PER"), found);
        foreach (var org in new[] { "Wagner Group", "AP", "National Security Council" })
            Assert.Contains((org, "ORG"), found);
        Assert.True(found.Contains(("White House", "ORG")) || found.Contains(("White House", "LOC")), "White House");
        foreach (var place in new[] { "Russia", "North Korea", "Ukraine", "Pyongyang", "Moscow", "Iran", "South Korea" })
            Assert.True(found.Contains((place, "GPE")) || found.Contains((place, "LOC")), place);
        for (int i = 1; i < mentions.Count; i++)
            Assert.True(mentions[i - 1].FirstToken + mentions[i - 1].TokenCount <= mentions[i].FirstToken);
    }
}
