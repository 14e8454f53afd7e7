using Sitrep.Nlp.Conllu;

namespace Sitrep.Nlp.Tests.Conllu;

public sealed class ConlluTests
{
    private const string Sample =
        "# newdoc id = d1\n# sent_id = s1\n# newpar id = p1\n# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n" +
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n" +
        "4.1\tknow\t_\t_\t_\t_\t_\t_\t4:conj\t_\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n" +
        "# sent_id = s2\n# text = Yes\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n\n";

    [Fact]
    public void Reads_words_multiwords_and_comments()
    {
        var sentences = ConlluReader.Parse(new StringReader(Sample)).ToList();
        Assert.Equal(2, sentences.Count);
        var s = sentences[0];
        Assert.Equal("s1", s.Id);
        Assert.Equal("I don't know.", s.Text);
        Assert.Equal("d1", s.NewDoc);
        Assert.Equal("p1", s.NewPar);
        Assert.Null(sentences[1].NewDoc);
        Assert.Equal(["I", "do", "n't", "know", "."], s.Tokens.Select(t => t.Form));
        Assert.Equal(4, s.Tokens[1].Head);
        Assert.Equal("aux", s.Tokens[1].Deprel);
        Assert.Equal(0, s.Tokens[3].Head);
        Assert.False(s.Tokens[3].SpaceAfter);
        Assert.Single(s.Multiwords);
        Assert.Single(s.EmptyNodes);
        var surface = s.SurfaceTokens();
        Assert.Equal(["I", "don't", "know", "."], surface.Select(t => t.Form));
        Assert.Equal((2, 3), (surface[1].FirstWord, surface[1].LastWord));
        Assert.False(surface[2].SpaceAfter);
    }

    [Fact]
    public void Round_trips_text()
    {
        var w = new StringWriter();
        ConlluWriter.Write(w, ConlluReader.Parse(new StringReader(Sample)));
        Assert.Equal(Sample, w.ToString());
    }

    [Fact]
    public void Round_trips_ewt_dev()
    {
        var path = NlpTestData.Ud("en_ewt-ud-dev.conllu");
        var w = new StringWriter();
        ConlluWriter.Write(w, ConlluReader.Read(path));
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), w.ToString());
    }

    [Fact]
    public void Rejects_malformed_lines()
    {
        Assert.Throws<FormatException>(() => ConlluReader.Parse(new StringReader("1\tx\n")).ToList());
    }
}
