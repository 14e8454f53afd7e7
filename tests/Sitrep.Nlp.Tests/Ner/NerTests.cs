using Sitrep.Nlp.Ner;
using Sitrep.Nlp.Stages;
using Sitrep.Nlp.Tagging;

namespace Sitrep.Nlp.Tests.Ner;

public sealed class NerTests
{
    private static readonly Lazy<(PosModel Pos, NerModel Ner)> s_shipped = new(() =>
        (PosModel.Load(NlpTestData.Repo("data", "models", "pos", "en-ewt-pos.bin")), NerModel.Load(NlpTestData.Repo("data", "models", "ner", "en-ner.bin"))));

    [Fact]
    public void Iob1_and_iob2_tags_give_the_same_spans()
    {
        var iob1 = NerCorpus.SpansFromTags(["I-PER", "I-PER", "O", "I-ORG", "B-ORG", "I-MISC", "I-LOC"]);
        var iob2 = NerCorpus.SpansFromTags(["B-PER", "I-PER", "O", "B-ORG", "B-ORG", "B-MISC", "B-LOC"]);
        NerSpan[] expected = [new(0, 2, "PER"), new(3, 1, "ORG"), new(4, 1, "ORG"), new(6, 1, "LOC")];
        Assert.Equal(expected, iob1);
        Assert.Equal(expected, iob2);
        // re3d's names map to Sitrep's; its other types are dropped.
        Assert.Equal([new NerSpan(0, 2, "ORG"), new NerSpan(3, 1, "LOC")], NerCorpus.SpansFromTags(["B-Organisation", "I-Organisation", "B-Weapon", "B-Location"]));
    }

    [Fact]
    public void Gum_mentions_are_trimmed_to_the_proper_noun_run_around_a_propn_head()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-ner-{Guid.NewGuid():N}.conllu");
        File.WriteAllLines(path,
        [
            "# text = The Russian leader Vladimir Putin visited the Bank of England .",
            "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-person-new-nnnnn-cf1-3-coref",
            "2\tRussian\tRussian\tADJ\tJJ\t_\t3\tamod\t_\tEntity=(2-place-new-nnnnn-cf1-1-coref)",
            "3\tleader\tleader\tNOUN\tNN\t_\t6\tnsubj\t_\t_",
            "4\tVladimir\tVladimir\tPROPN\tNNP\t_\t3\tappos\t_\tEntity=(3-person-giv-nnnnn-cf1-2-coref",
            "5\tPutin\tPutin\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=3)1)",
            "6\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
            "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(4-organization-new-nnnnn-cf1-2-coref",
            "8\tBank\tBank\tPROPN\tNNP\t_\t6\tobj\t_\t_",
            "9\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_",
            "10\tEngland\tEngland\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=(5-place-new-nnnnn-cf1-1-coref)4)",
            "11\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_",
            "",
        ]);
        try
        {
            var s = Assert.Single(NerCorpus.ReadGum(path));
            // "The Russian leader Vladimir Putin" has a NOUN head, so only the nested name counts; "Russian" (ADJ head) is left out;
            // the organization is joined across "of" and wins over the place nested in it.
            Assert.Equal([new NerSpan(3, 2, "PER"), new NerSpan(7, 3, "ORG")], s.Spans);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Seed_article_names_are_found_with_their_types()
    {
        var text = File.ReadAllText(NlpTestData.Shared("samples", "seed-article.txt"));
        var (sentences, tokens) = TokenizerStage.Run(text);
        new PosTaggerStage(s_shipped.Value.Pos, "pos", "-").Tag(text, sentences, tokens);
        var tagger = new NerTagger(s_shipped.Value.Ner);
        var mentions = new List<EntityMention>();
        foreach (var s in sentences) tagger.Tag(text, tokens.AsSpan(s.FirstToken, s.TokenCount), s.FirstToken, mentions);
        var found = mentions.Select(m => (Text: text[m.Span.Start..m.Span.End], m.Type)).ToHashSet();

        foreach (var name in new[] { "Vladimir Putin", "Kim Jong Un", "John Kirby", "Sergei Shoigu", "Kirby", "Shoigu" })
            Assert.Contains((name, "PER"), found);
        foreach (var org in new[] { "Wagner Group", "AP", "Kremlin" })
            Assert.Contains((org, "ORG"), found);
        // Whole names, not pieces: the tagger used to run "White House" on into "said" and split "National Security Council".
        Assert.Contains(("National Security Council", "ORG"), found);
        Assert.True(found.Contains(("White House", "ORG")) || found.Contains(("White House", "LOC")), "White House");
        Assert.DoesNotContain(found, f => f.Text.EndsWith(" said", StringComparison.Ordinal));
        foreach (var place in new[] { "Russia", "North Korea", "Ukraine", "Pyongyang", "Moscow", "Iran", "South Korea" })
            Assert.True(found.Contains((place, "GPE")) || found.Contains((place, "LOC")), place);
        Assert.Contains(("Russian", NerTagger.Norp), found);
        // The gazetteer list knows the peninsula; the leading "the" stays outside, as in UNER.
        Assert.Contains(("Korean Peninsula", "LOC"), found);

        // Mentions are whole tokens, in order, not overlapping, and their spans are the tokens' spans.
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            Assert.Equal(tokens[m.FirstToken].Span.Start, m.Span.Start);
            Assert.Equal(tokens[m.FirstToken + m.TokenCount - 1].Span.End, m.Span.End);
            if (i > 0) Assert.True(mentions[i - 1].FirstToken + mentions[i - 1].TokenCount <= m.FirstToken);
        }
    }

    [Fact]
    public void Saved_model_loads_to_the_same_bytes()
    {
        var path = NlpTestData.Repo("data", "models", "ner", "en-ner.bin");
        using var ms = new MemoryStream();
        NerModel.Load(path).Save(ms);
        Assert.Equal(File.ReadAllBytes(path), ms.ToArray());
    }

    [Fact]
    public void Evaluation_counts_exact_spans_and_maps_finer_types()
    {
        NerSentence[] gold = [new(["Kim", "Jong", "Un", "visited", "Russia", "."], [new NerSpan(0, 3, "PER"), new NerSpan(4, 1, "LOC")])];
        IReadOnlyList<NerSpan>[] predicted = [[new NerSpan(0, 2, "PER"), new NerSpan(4, 1, NerTagger.Gpe), new NerSpan(5, 1, NerTagger.Norp)]];
        var s = NerEvaluation.Score(gold, predicted);
        Assert.Equal(2, s.Overall.Gold);
        Assert.Equal(2, s.Overall.Predicted); // NORP is left out
        Assert.Equal(1, s.Overall.Correct);   // GPE counts as LOC; the PER span is one word short
        Assert.Equal(50.0, s.Overall.F1, 6);
    }
}
