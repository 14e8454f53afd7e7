using Sitrep.Nlp.Conllu;
using Sitrep.Nlp.Parsing;

namespace Sitrep.Nlp.Tests.Parsing;

public sealed class NewsTreeAugmenterTests
{
    // "Boris Yeltsin hosted Ryutaro Hashimoto ." in UD English style: the names are flat, hosted is the root.
    private const string Hosted = """
        # sent_id = t1
        # text = Boris Yeltsin hosted Ryutaro Hashimoto .
        1	Boris	Boris	PROPN	NNP	Number=Sing	3	nsubj	_	_
        2	Yeltsin	Yeltsin	PROPN	NNP	Number=Sing	1	flat	_	_
        3	hosted	host	VERB	VBD	Tense=Past	0	root	_	_
        4	Ryutaro	Ryutaro	PROPN	NNP	Number=Sing	3	obj	_	_
        5	Hashimoto	Hashimoto	PROPN	NNP	Number=Sing	4	flat	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	3	punct	_	_

        """;

    // "Officials said Russia wants arms ." : a reporting root with its clause right after it; no past-tense verb after a subject but "said".
    private const string Said = """
        # sent_id = t2
        # text = Officials said Russia wants arms .
        1	Officials	official	NOUN	NNS	Number=Plur	2	nsubj	_	_
        2	said	say	VERB	VBD	Tense=Past	0	root	_	_
        3	Russia	Russia	PROPN	NNP	Number=Sing	4	nsubj	_	_
        4	wants	want	VERB	VBZ	Tense=Pres	2	ccomp	_	_
        5	arms	arm	NOUN	NNS	Number=Plur	4	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	2	punct	_	_

        """;

    private static List<ConlluSentence> Read(string conllu) => [.. ConlluReader.Parse(new StringReader(conllu.Replace("        ", "", StringComparison.Ordinal)))];

    private static string Text(ConlluSentence s) => string.Join(' ', s.Tokens.Select(t => t.Form));

    private static ConlluToken Word(ConlluSentence s, string form) => s.Tokens.Single(t => t.Form == form);

    private static ConlluToken HeadOf(ConlluSentence s, ConlluToken t) => s.Tokens[t.Head - 1];

    [Fact]
    public void Titles_and_days_are_attached_as_the_treebank_attaches_them()
    {
        var source = Read(Hosted);
        bool sawTitle = false, sawDayBefore = false;
        for (int seed = 1; seed <= 40; seed++)
        {
            var derived = NewsTreeAugmenter.Derive(source, seed, out var summary, 1.0, 1.0);
            var s = Assert.Single(derived);
            Assert.Equal(1, summary.Sentences);
            AssertTree(s);
            // The original words keep their relations, whatever was inserted around them.
            Assert.Equal("root", Word(s, "hosted").Deprel);
            Assert.Equal(0, Word(s, "hosted").Head);
            Assert.Equal("hosted", HeadOf(s, Word(s, "Boris")).Form);
            Assert.Equal("Boris", HeadOf(s, Word(s, "Yeltsin")).Form);
            Assert.Equal("obj", Word(s, "Ryutaro").Deprel);
            foreach (var t in s.Tokens)
            {
                if (t.Deprel == "nmod:desc")
                {
                    sawTitle = true;
                    Assert.Contains(HeadOf(s, t).Form, new[] { "Boris", "Ryutaro" });
                    Assert.Equal(t.Id + 1, HeadOf(s, t).Id); // the title stands just before the name
                }
                if (t.Form is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday" && t.Head > 0 && HeadOf(s, t).Form == "hosted")
                {
                    sawDayBefore = true;
                    Assert.True(t.Id < Word(s, "hosted").Id && t.Id > Word(s, "Yeltsin").Id, Text(s));
                    Assert.Contains(t.Deprel, new[] { "obl", "obl:unmarked" });
                    if (t.Deprel == "obl") Assert.Equal("on", s.Tokens[t.Id - 2].Form);
                }
            }
        }
        Assert.True(sawTitle);
        Assert.True(sawDayBefore);
    }

    [Fact]
    public void A_reporting_verb_takes_the_day_before_its_clause()
    {
        var source = Read(Said);
        bool sawAfter = false;
        for (int seed = 1; seed <= 40; seed++)
        {
            var derived = NewsTreeAugmenter.Derive(source, seed, out var summary, 0.0, 1.0);
            var s = Assert.Single(derived);
            AssertTree(s);
            if (summary.DaysAfterVerb == 0) continue;
            sawAfter = true;
            // "Officials said (on) Tuesday Russia wants arms ." — the day hangs on "said", the clause still does too.
            var said = Word(s, "said");
            var day = s.Tokens[said.Id]; // the word after "said"
            if (day.Form == "on") day = s.Tokens[said.Id + 1];
            Assert.Equal(said.Id, day.Head);
            Assert.Equal(said.Id, Word(s, "wants").Head);
            Assert.Equal("ccomp", Word(s, "wants").Deprel);
        }
        Assert.True(sawAfter);
    }

    [Fact]
    public void An_attribution_at_the_end_makes_the_reporting_verb_the_root_and_the_old_root_its_report()
    {
        var source = Read(Hosted);
        bool sawDayAfter = false;
        for (int seed = 1; seed <= 40; seed++)
        {
            var s = Assert.Single(NewsTreeAugmenter.Derive(source, seed, out var summary, 0.0, 0.5, 1.0));
            Assert.Equal(1, summary.Attributions);
            AssertTree(s);
            // "Boris Yeltsin hosted Ryutaro Hashimoto , the ministry said ."
            var verb = s.Tokens.Single(t => t.Head == 0);
            Assert.Contains(verb.Form, new[] { "said", "reported", "added" });
            var hosted = Word(s, "hosted");
            Assert.Equal(verb.Id, hosted.Head);
            Assert.Equal("ccomp", hosted.Deprel);
            Assert.Equal("hosted", HeadOf(s, Word(s, "Boris")).Form); // the report keeps its own words
            var comma = Word(s, ",");
            Assert.Equal(hosted.Id, comma.Head);
            Assert.True(comma.Id < verb.Id);
            Assert.Equal(verb.Id, s.Tokens[^1].Head); // the full stop now closes the attribution
            Assert.Equal(".", s.Tokens[^1].Form);
            Assert.Single(s.Tokens, t => t.Head == verb.Id && t.Deprel == "nsubj");
            if (summary.DaysAfterAttribution == 1)
            {
                sawDayAfter = true;
                var day = s.Tokens[verb.Id]; // "said (on) Tuesday ."
                if (day.Form == "on") day = s.Tokens[verb.Id + 1];
                Assert.Equal(verb.Id, day.Head);
            }
        }
        Assert.True(sawDayAfter);
    }

    [Fact]
    public void Nothing_is_derived_where_no_construction_fits_and_the_input_is_unchanged()
    {
        // "arms ." : no name, no past-tense verb.
        var source = Read("""
            # sent_id = t3
            # text = Send arms now .
            1	Send	send	VERB	VB	Mood=Imp	0	root	_	_
            2	arms	arm	NOUN	NNS	Number=Plur	1	obj	_	_
            3	now	now	ADV	RB	_	1	advmod	_	SpaceAfter=No
            4	.	.	PUNCT	.	_	1	punct	_	_

            """);
        Assert.Empty(NewsTreeAugmenter.Derive(source, 1, out var summary, 1.0, 1.0));
        Assert.Equal(0, summary.Sentences);
        var hosted = Read(Hosted);
        NewsTreeAugmenter.Derive(hosted, 1, out _, 1.0, 1.0);
        Assert.Equal("Boris Yeltsin hosted Ryutaro Hashimoto .", Text(hosted[0]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_trees()
    {
        var source = ConlluReader.Read(ParsingTestData.Shared("data", "ud", "en_ewt-ud-dev.conllu")).Take(600).ToList();
        var a = NewsTreeAugmenter.Derive(source, 7, out var sa, 1.0, 1.0);
        var b = NewsTreeAugmenter.Derive(source, 7, out var sb, 1.0, 1.0);
        Assert.Equal(sa, sb);
        Assert.True(sa.Sentences > 20, $"only {sa.Sentences} trees derived");
        Assert.Equal(a.Select(Text), b.Select(Text));
        foreach (var s in a) AssertTree(s);
    }

    /// <summary>One root, every head in range, no cycle, and projective wherever the source was (insertions are adjacent to their heads' spans).</summary>
    private static void AssertTree(ConlluSentence s)
    {
        Assert.Single(s.Tokens, t => t.Head == 0);
        for (int i = 0; i < s.Tokens.Count; i++)
        {
            Assert.Equal(i + 1, s.Tokens[i].Id);
            Assert.InRange(s.Tokens[i].Head, 0, s.Tokens.Count);
            int steps = 0;
            for (int h = s.Tokens[i].Head; h != 0; h = s.Tokens[h - 1].Head)
                Assert.True(++steps <= s.Tokens.Count, "cycle in " + Text(s));
        }
    }
}
