using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Tests.Ner;

/// <summary>Documents in NER data (ids, folds) and the document pass of the tagger.</summary>
public sealed class NerDocumentTests
{
    [Fact]
    public void Newdoc_comments_and_docstart_lines_give_document_ids()
    {
        var iob2 = Path.Combine(Path.GetTempPath(), $"sitrep-ner-{Guid.NewGuid():N}.iob2");
        var conll = Path.Combine(Path.GetTempPath(), $"sitrep-ner-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllLines(iob2,
            [
                "# newdoc id = email-1", "# sent_id = email-1-0001", "1\tHi\tO\t-\t-", "2\tDebra\tB-PER\t-\t-", "",
                "# sent_id = email-1-0002", "1\tThanks\tO\t-\t-", "",
                "# newdoc id = review-7", "# sent_id = review-7-0001", "1\tGreat\tO\t-\t-", "2\tpizza\tO\t-\t-", "",
            ]);
            var s = NerCorpus.Read(iob2);
            Assert.Equal(["email-1", "email-1", "review-7"], s.Select(x => x.Document));
            Assert.Equal([new NerSpan(1, 1, "PER")], s[0].Spans);

            File.WriteAllLines(conll, ["-DOCSTART- O", "", "Paris I-LOC", "", "-DOCSTART- O", "", "Rome I-LOC", "", "Oslo I-LOC", ""]);
            Assert.Equal(["doc1", "doc2", "doc2"], NerCorpus.Read(conll).Select(x => x.Document));
        }
        finally { File.Delete(iob2); File.Delete(conll); }
    }

    [Fact]
    public void Folds_keep_each_document_whole()
    {
        NerSentence S(string? doc) => new(["x"], [], null, doc);
        NerSentence[] sentences = [S("a"), S("a"), S("b"), S("c"), S("b"), S(null), S("a")];
        var folds = NerCorpus.DocumentFolds(sentences, 2);
        // Documents in order of first appearance: a=0, b=1, c=2, the document-less sentence=3.
        Assert.Equal([0, 0, 1, 0, 1, 1, 0], folds);
    }

    [Fact]
    public void Wnut_products_are_organizations_as_in_uner()
    {
        Assert.Equal("ORG", NerCorpus.MapType("product"));
        Assert.Equal("ORG", NerCorpus.MapType("corporation"));
        Assert.Null(NerCorpus.MapType("creative-work"));
    }

    private static NerWord[] Words(params string[] forms)
    {
        var empty = new UInt64Table([]);
        var words = new NerWord[forms.Length];
        for (int i = 0; i < forms.Length; i++) NerFeatures.Compute(forms[i], 0, empty, ref words[i]);
        return words;
    }

    [Fact]
    public void Document_pass_spreads_person_names_and_gives_each_name_its_majority_type()
    {
        var doc = new NerDocumentConsistency();
        doc.AddSentence(Words("Debra", "Perlingiere", "uses", "Google", "."), [new NerSpan(0, 2, "PER"), new NerSpan(3, 1, "ORG")]);
        doc.AddSentence(Words("Google", "said", "so", "."), [new NerSpan(0, 1, "ORG")]);
        // The tagger missed the person here and called Google a place.
        doc.AddSentence(Words("Ask", "Debra", "Perlingiere", "about", "Google", "."), [new NerSpan(4, 1, "LOC")]);
        // Not spread: a lowercase form, a name running on into a longer capitalized name, and organizations.
        doc.AddSentence(Words("debra", "perlingiere", "and", "Debra", "Perlingiere", "Foundation", "use", "Google", "."), []);
        var result = new[] { new List<NerSpan>(), new List<NerSpan>(), new List<NerSpan>(), new List<NerSpan>() };
        doc.Resolve(result);
        Assert.Equal([new NerSpan(0, 2, "PER"), new NerSpan(3, 1, "ORG")], result[0]);
        Assert.Equal([new NerSpan(0, 1, "ORG")], result[1]);
        Assert.Equal([new NerSpan(1, 2, "PER"), new NerSpan(4, 1, "ORG")], result[2]);
        Assert.Empty(result[3]);
    }

    [Fact]
    public void Document_pass_leaves_a_tie_alone()
    {
        var doc = new NerDocumentConsistency();
        doc.AddSentence(Words("Jordan", "won", "."), [new NerSpan(0, 1, "PER")]);
        doc.AddSentence(Words("Jordan", "borders", "Israel", "."), [new NerSpan(0, 1, "LOC"), new NerSpan(2, 1, "LOC")]);
        var result = new[] { new List<NerSpan>(), new List<NerSpan>() };
        doc.Resolve(result);
        Assert.Equal([new NerSpan(0, 1, "PER")], result[0]);
        Assert.Equal([new NerSpan(0, 1, "LOC"), new NerSpan(2, 1, "LOC")], result[1]);
    }
}
