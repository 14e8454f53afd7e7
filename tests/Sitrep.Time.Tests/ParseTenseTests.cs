using Sitrep.Core;
using Sitrep.Nlp;
using Sitrep.Nlp.Parsing;
using Sitrep.Nlp.Stages;

namespace Sitrep.Time.Tests;

public sealed class ParseTenseTests
{
    /// <summary>Tokens of <paramref name="text"/> split on spaces, with (upos, xpos, lemma, head, deprel) given per token.</summary>
    private static Token[] Tree(string text, params (string Upos, string Xpos, string Lemma, int Head, string Deprel)[] analyses)
    {
        var tokens = new Token[analyses.Length];
        int pos = 0;
        for (int i = 0; i < analyses.Length; i++)
        {
            int end = text.IndexOf(' ', pos);
            if (end < 0) end = text.Length;
            var a = analyses[i];
            tokens[i] = new Token(new TextSpan(pos, end), 0, a.Upos, a.Xpos, a.Lemma, a.Head, a.Deprel);
            pos = end + 1;
        }
        return tokens;
    }

    private static TenseHint At(string text, Token[] tokens, string word)
    {
        int at = text.IndexOf(word, StringComparison.Ordinal);
        return new ParseTense(text, tokens, new Never()).At(new TextSpan(at, at + word.Length));
    }

    [Fact]
    public void An_arrangement_for_a_day_points_ahead_whatever_its_tense()
    {
        // "The vote was set for Thursday": the participle's own past tense would send Thursday back a week.
        const string text = "The vote was set for Thursday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", 3, "nsubj:pass"), ("AUX", "VBD", "be", 3, "aux:pass"),
            ("VERB", "VBN", "set", -1, "root"), ("ADP", "IN", "for", 5, "case"), ("PROPN", "NNP", "Thursday", 3, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Thursday"));
        // The same verb with another preposition keeps its tense: "set a record on Thursday".
        const string record = "They set a record on Thursday";
        var r = Tree(record, ("PRON", "PRP", "they", 1, "nsubj"), ("VERB", "VBD", "set", -1, "root"), ("DET", "DT", "a", 3, "det"),
            ("NOUN", "NN", "record", 1, "obj"), ("ADP", "IN", "on", 5, "case"), ("PROPN", "NNP", "Thursday", 1, "obl"));
        Assert.Equal(TenseHint.Past, At(record, r, "Thursday"));
    }

    [Fact]
    public void A_timetable_verb_in_the_simple_present_points_ahead()
    {
        // "The visit begins Monday": an arrangement; "The minister says Monday" keeps the present.
        const string text = "The visit begins Monday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "visit", 2, "nsubj"), ("VERB", "VBZ", "begin", -1, "root"),
            ("PROPN", "NNP", "Monday", 2, "obl:tmod"));
        Assert.Equal(TenseHint.Future, At(text, t, "Monday"));
        const string says = "The minister says Monday";
        var s = Tree(says, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "minister", 2, "nsubj"), ("VERB", "VBZ", "say", -1, "root"),
            ("PROPN", "NNP", "Monday", 2, "obl:tmod"));
        Assert.Equal(TenseHint.Present, At(says, s, "Monday"));
        // The past of the same verb stays past: "The visit began Monday".
        const string began = "The visit began Monday";
        var b = Tree(began, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "visit", 2, "nsubj"), ("VERB", "VBD", "begin", -1, "root"),
            ("PROPN", "NNP", "Monday", 2, "obl:tmod"));
        Assert.Equal(TenseHint.Past, At(began, b, "Monday"));
    }

    [Theory]
    // The parser's two usual analyses of "is due": "due" as the predicate's modifier, or the date as the root.
    [InlineData(false)]
    [InlineData(true)]
    public void What_is_due_now_lies_ahead(bool dateAsRoot)
    {
        const string text = "The vote is due Tuesday";
        var t = dateAsRoot
            ? Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", 4, "nsubj"), ("AUX", "VBZ", "be", 4, "cop"),
                ("ADJ", "JJ", "due", 4, "amod"), ("PROPN", "NNP", "Tuesday", -1, "root"))
            : Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", -1, "root"), ("AUX", "VBZ", "be", 1, "cop"),
                ("ADJ", "JJ", "due", 1, "amod"), ("PROPN", "NNP", "Tuesday", 3, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Tuesday"));
        // Without "due" a present copula predicating the day of something also puts it ahead ("was" would put it behind).
        const string plain = "The vote is Tuesday";
        var p = Tree(plain, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", 3, "nsubj"), ("AUX", "VBZ", "be", 3, "cop"), ("PROPN", "NNP", "Tuesday", -1, "root"));
        Assert.Equal(TenseHint.Future, At(plain, p, "Tuesday"));
        const string past = "The vote was Tuesday";
        var q = Tree(past, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", 3, "nsubj"), ("AUX", "VBD", "be", 3, "cop"), ("PROPN", "NNP", "Tuesday", -1, "root"));
        Assert.Equal(TenseHint.Past, At(past, q, "Tuesday"));
        // A present copula over anything but a day or a month stays the present.
        const string other = "The vote is the issue";
        var o = Tree(other, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "vote", 4, "nsubj"), ("AUX", "VBZ", "be", 4, "cop"), ("DET", "DT", "the", 4, "det"), ("NOUN", "NN", "issue", -1, "root"));
        Assert.Equal(TenseHint.Present, At(other, o, "issue"));
    }

    [Fact]
    public void A_deadline_in_a_present_clause_lies_ahead()
    {
        const string text = "If he does not call by Friday";
        var t = Tree(text, ("SCONJ", "IN", "if", 4, "mark"), ("PRON", "PRP", "he", 4, "nsubj"), ("AUX", "VBZ", "do", 4, "aux"),
            ("PART", "RB", "not", 4, "advmod"), ("VERB", "VB", "call", -1, "root"), ("ADP", "IN", "by", 6, "case"), ("PROPN", "NNP", "Friday", 4, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Friday"));
        // A past deadline stays past: "had filed by Friday".
        const string past = "They had filed by Friday";
        var p = Tree(past, ("PRON", "PRP", "they", 2, "nsubj"), ("AUX", "VBD", "have", 2, "aux"), ("VERB", "VBN", "file", -1, "root"),
            ("ADP", "IN", "by", 4, "case"), ("PROPN", "NNP", "Friday", 2, "obl"));
        Assert.Equal(TenseHint.Past, At(past, p, "Friday"));
    }

    [Fact]
    public void A_modal_perfect_looks_back()
    {
        const string text = "They may have played a role on October 7";
        var t = Tree(text, ("PRON", "PRP", "they", 3, "nsubj"), ("AUX", "MD", "may", 3, "aux"), ("AUX", "VB", "have", 3, "aux"),
            ("VERB", "VBN", "play", -1, "root"), ("DET", "DT", "a", 5, "det"), ("NOUN", "NN", "role", 3, "obj"),
            ("ADP", "IN", "on", 7, "case"), ("PROPN", "NNP", "October", 3, "obl"), ("NUM", "CD", "7", 7, "nummod"));
        Assert.Equal(TenseHint.Past, At(text, t, "October 7"));
    }

    [Fact]
    public void An_infinitive_after_an_agreement_points_ahead()
    {
        // "announced an agreement to acquire the bank in January": the acquisition is ahead of the agreement.
        const string text = "It announced an agreement to acquire the bank in January";
        var t = Tree(text, ("PRON", "PRP", "it", 1, "nsubj"), ("VERB", "VBD", "announce", -1, "root"), ("DET", "DT", "a", 3, "det"),
            ("NOUN", "NN", "agreement", 1, "obj"), ("PART", "TO", "to", 5, "mark"), ("VERB", "VB", "acquire", 3, "acl"),
            ("DET", "DT", "the", 7, "det"), ("NOUN", "NN", "bank", 5, "obj"), ("ADP", "IN", "in", 9, "case"), ("PROPN", "NNP", "January", 5, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "January"));
    }

    [Fact]
    public void Past_verb_governs_its_oblique()
    {
        const string text = "The talks ended on Friday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NNS", "talk", 2, "nsubj"), ("VERB", "VBD", "end", -1, "root"),
            ("ADP", "IN", "on", 4, "case"), ("PROPN", "NNP", "Friday", 2, "obl"));
        Assert.Equal(TenseHint.Past, At(text, t, "Friday"));
    }

    [Fact]
    public void Will_makes_future()
    {
        const string text = "Talks will resume on Friday";
        var t = Tree(text, ("NOUN", "NNS", "talk", 2, "nsubj"), ("AUX", "MD", "will", 2, "aux"), ("VERB", "VB", "resume", -1, "root"),
            ("ADP", "IN", "on", 4, "case"), ("PROPN", "NNP", "Friday", 2, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Friday"));
    }

    [Fact]
    public void Scheduling_verb_points_ahead_even_in_the_past_tense()
    {
        const string text = "Protesters planned a rally on Saturday";
        var t = Tree(text, ("NOUN", "NNS", "protester", 1, "nsubj"), ("VERB", "VBD", "plan", -1, "root"), ("DET", "DT", "a", 3, "det"),
            ("NOUN", "NN", "rally", 1, "obj"), ("ADP", "IN", "on", 5, "case"), ("PROPN", "NNP", "Saturday", 1, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Saturday"));
    }

    [Fact]
    public void Infinitive_under_expected_is_future_and_perfect_is_past()
    {
        const string text = "He is expected to arrive Monday";
        var t = Tree(text, ("PRON", "PRP", "he", 2, "nsubj:pass"), ("AUX", "VBZ", "be", 2, "aux:pass"), ("VERB", "VBN", "expect", -1, "root"),
            ("PART", "TO", "to", 4, "mark"), ("VERB", "VB", "arrive", 2, "xcomp"), ("PROPN", "NNP", "Monday", 4, "obl:tmod"));
        Assert.Equal(TenseHint.Future, At(text, t, "Monday"));

        const string text2 = "Prices have risen since March";
        var t2 = Tree(text2, ("NOUN", "NNS", "price", 2, "nsubj"), ("AUX", "VBP", "have", 2, "aux"), ("VERB", "VBN", "rise", -1, "root"),
            ("ADP", "IN", "since", 4, "case"), ("PROPN", "NNP", "March", 2, "obl"));
        Assert.Equal(TenseHint.Past, At(text2, t2, "March"));
    }

    [Fact]
    public void Until_marks_a_deadline_ahead_unless_a_simple_past_ended_the_span()
    {
        // A perfect: "has given them until Friday" sets a deadline still to come.
        const string text = "The agency has given the family until Friday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "agency", 3, "nsubj"), ("AUX", "VBZ", "have", 3, "aux"),
            ("VERB", "VBN", "give", -1, "root"), ("DET", "DT", "the", 5, "det"), ("NOUN", "NN", "family", 3, "obj"),
            ("ADP", "IN", "until", 7, "case"), ("PROPN", "NNP", "Friday", 3, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Friday"));

        // A simple past tells of a span that ended: "stayed until Tuesday".
        const string text2 = "The delegates stayed until Tuesday";
        var t2 = Tree(text2, ("DET", "DT", "the", 1, "det"), ("NOUN", "NNS", "delegate", 2, "nsubj"), ("VERB", "VBD", "stay", -1, "root"),
            ("ADP", "IN", "until", 4, "case"), ("PROPN", "NNP", "Tuesday", 2, "obl"));
        Assert.Equal(TenseHint.Past, At(text2, t2, "Tuesday"));

        // A verb that moves a deadline points ahead even in the simple past: "extended the curfew until Sunday".
        const string text3 = "The army extended the curfew until Sunday";
        var t3 = Tree(text3, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "army", 2, "nsubj"), ("VERB", "VBD", "extend", -1, "root"),
            ("DET", "DT", "the", 4, "det"), ("NOUN", "NN", "curfew", 2, "obj"), ("ADP", "IN", "until", 6, "case"), ("PROPN", "NNP", "Sunday", 2, "obl"));
        Assert.Equal(TenseHint.Future, At(text3, t3, "Sunday"));
    }

    [Fact]
    public void Pluperfect_plan_lies_behind_and_present_be_to_lies_ahead()
    {
        // "had been due to close Friday": a plan overtaken, on a day gone by.
        const string text = "The offer had been due to close Friday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "offer", 4, "nsubj"), ("AUX", "VBD", "have", 4, "aux"),
            ("AUX", "VBN", "be", 4, "cop"), ("ADJ", "JJ", "due", -1, "root"), ("PART", "TO", "to", 6, "mark"), ("VERB", "VB", "close", 4, "xcomp"),
            ("PROPN", "NNP", "Friday", 6, "obl:tmod"));
        Assert.Equal(TenseHint.Past, At(text, t, "Friday"));

        // "is to reopen Monday": an arrangement ahead.
        const string text2 = "The border is to reopen Monday";
        var t2 = Tree(text2, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "border", 4, "nsubj"), ("AUX", "VBZ", "be", 4, "cop"),
            ("PART", "TO", "to", 4, "mark"), ("VERB", "VB", "reopen", -1, "root"), ("PROPN", "NNP", "Monday", 4, "obl:tmod"));
        Assert.Equal(TenseHint.Future, At(text2, t2, "Monday"));
    }

    [Fact]
    public void Scheduling_verb_is_found_by_its_form_when_the_lemma_is_wrong()
    {
        // The lemmatizer may give "postpon" for "postponed"; the word form still marks a postponement.
        const string text = "The court postponed the hearing to Thursday";
        var t = Tree(text, ("DET", "DT", "the", 1, "det"), ("NOUN", "NN", "court", 2, "nsubj"), ("VERB", "VBD", "postpon", -1, "root"),
            ("DET", "DT", "the", 4, "det"), ("NOUN", "NN", "hearing", 2, "obj"), ("ADP", "IN", "to", 6, "case"), ("PROPN", "NNP", "Thursday", 2, "obl"));
        Assert.Equal(TenseHint.Future, At(text, t, "Thursday"));
    }

    [Fact]
    public void Without_a_parse_the_fallback_decides()
    {
        const string text = "Talks resume Friday";
        var tokens = new[] { new Token(new TextSpan(0, 5), 0), new Token(new TextSpan(6, 12), 0), new Token(new TextSpan(13, 19), 0) };
        Assert.False(ParseTense.Usable(tokens));
        Assert.Equal(TenseHint.Future, new ParseTense(text, tokens, new Always(TenseHint.Future)).At(new TextSpan(13, 19)));
    }

    [Theory]
    [InlineData("The talks ended on Friday.", "Friday", "2023-08-25")]
    [InlineData("The talks will resume on Friday.", "Friday", "2023-09-01")]
    [InlineData("Protesters planned a large rally on Saturday.", "Saturday", "2023-09-02")]
    [InlineData("Prices have risen steadily since March.", "March", "2023-03")]
    [InlineData("The minister said he would visit in October.", "October", "2023-10")]
    public void Stage_takes_tense_from_the_shipped_tagger_and_parser(string text, string extent, string value)
    {
        var pipeline = Pipeline.Build(
        [
            new TokenizerStage(),
            PosTaggerStage.Load(RepoPaths.Repo("data", "models", "pos", "en-ewt-pos.bin")),
            DependencyParserStage.Load(RepoPaths.Repo("data", "models", "parser", "en-ewt-parser.bin")),
            new TimexStage(),
        ]);
        var doc = new Document("d1", new SourceText(text), new SourceText(text), OffsetMap.Identity(text.Length),
            new DocumentMetadata { Reader = "test", Origin = "-", Published = new DocumentDate(new DateOnly(2023, 8, 30)) });
        var timexes = pipeline.Run(doc).Get(TimeLayers.Timexes);
        var t = Assert.Single(timexes, x => text.Substring(x.Span.Start, x.Span.Length) == extent);
        Assert.Equal(value, t.Value);
    }

    private sealed class Never : ITenseHints
    {
        public TenseHint At(TextSpan span) => TenseHint.Unknown;
    }

    private sealed class Always(TenseHint tense) : ITenseHints
    {
        public TenseHint At(TextSpan span) => tense;
    }
}
