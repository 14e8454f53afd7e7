using Sitrep.Nlp.Ner;

namespace Sitrep.Nlp.Tests.Ner;

/// <summary>
/// The rules that turn BIO classes into mentions, on sentences written for these tests, with the classes given by hand (as the
/// statistical tagger might have left them) and a small gazetteer, so each rule is checked on its own.
/// </summary>
public sealed class NerMentionRuleTests
{
    private static readonly GazetteerEntry[] s_gazetteer =
    [
        Entry(GazetteerType.Organization, "Mozilla"),
        Entry(GazetteerType.Organization, "International", "Atomic", "Energy", "Agency"),
        Entry(GazetteerType.Organization, "Apple"),
        Entry(GazetteerType.Location, "Jordan"),
        Entry(GazetteerType.FirstName, "Jordan"),
        Entry(GazetteerType.FirstName, "Ginny"),
        Entry(GazetteerType.FirstName, "Debra"),
        Entry(GazetteerType.Surname, "Mann"),
        Entry(GazetteerType.FirstName, "Kay"),
        Entry(GazetteerType.FirstName, "Matthew"),
        Entry(GazetteerType.Location, "Paris"),
        Entry(GazetteerType.Location, "France"),
        Entry(GazetteerType.Norp, "Russian"),
        .. NerGazetteerFile.Split([new GazetteerEntry(["Coca-Cola"], GazetteerType.Organization)]),
    ];

    private static GazetteerEntry Entry(GazetteerType type, params string[] tokens) => new(tokens, type);

    // "apple" is mostly lower case in the case statistics; "Ginny", "Mozilla" are unseen.
    private static readonly NerModel s_model = new(NerTrainer.Types, CaseStats(("apple", 0UL), ("kay", 1UL)), s_gazetteer, new NerLinear([], [0], [], []), "");

    private static List<KeyValuePair<ulong, ulong>> CaseStats(params (string Word, ulong Value)[] words)
    {
        var empty = new UInt64Table([]);
        var w = new NerWord();
        var list = new List<KeyValuePair<ulong, ulong>>();
        foreach (var (word, value) in words)
        {
            NerFeatures.Compute(word, 0, empty, ref w);
            list.Add(new(w.Lower, value));
        }
        return [.. list.OrderBy(p => p.Key)];
    }

    /// <summary>Classes from a compact string, one letter per word: O, or B/I then the type letter (P, G = ORG, L).</summary>
    private static List<NerSpan> Spans(string sentence, params string[] tags)
    {
        var forms = sentence.Split(' ');
        Assert.Equal(forms.Length, tags.Length);
        var words = new NerWord[forms.Length];
        for (int i = 0; i < forms.Length; i++) NerFeatures.Compute(forms[i], 0, s_model.CaseStats, ref words[i]);
        s_model.Gazetteer.Mark(words);
        var classes = tags.Select(t => t == "O" ? 0 : NerModel.ClassOf("PGL".IndexOf(t[1], StringComparison.Ordinal), t[0] == 'B' ? 0 : 1)).ToArray();
        var spans = new List<NerSpan>();
        NerMentionRules.Spans(s_model, words, classes, spans);
        return spans;
    }

    [Fact]
    public void An_untagged_name_the_gazetteer_knows_only_as_an_organization_is_one()
    {
        Assert.Equal([new NerSpan(4, 1, "ORG")], Spans("She has worked for Mozilla since 2004 .", "O", "O", "O", "O", "O", "O", "O", "O"));
        Assert.Equal([new NerSpan(3, 4, "ORG")], Spans("Inspectors from the International Atomic Energy Agency left .", "O", "O", "O", "O", "O", "O", "O", "O", "O"));
        // Not a word usually written in lower case ("Apple" in a headline), and not a name that is also a place.
        Assert.Empty(Spans("He ate an Apple and left for Jordan .", "O", "O", "O", "O", "O", "O", "O", "O", "O"));
    }

    [Fact]
    public void Hyphenated_gazetteer_names_also_match_split_as_UD_splits_them()
    {
        Assert.Contains(s_gazetteer, e => e.Key == "Coca - Cola");
        // The tagger broke the name at the hyphen; the gazetteer joins it again.
        Assert.Equal([new NerSpan(1, 3, "ORG")], Spans("The Coca - Cola plant closed .", "O", "BG", "O", "BG", "O", "O", "O"));
    }

    [Fact]
    public void A_lone_all_caps_word_is_not_a_person()
    {
        Assert.Equal([new NerSpan(2, 1, "ORG")], Spans("We called HANO about it .", "O", "O", "BP", "O", "O", "O"));
        Assert.Equal([new NerSpan(2, 2, "PER")], Spans("We called JOHN SMITH about it .", "O", "O", "BP", "IP", "O", "O", "O"));
    }

    [Fact]
    public void Given_names_where_mail_and_reviews_put_them_are_persons()
    {
        Assert.Equal([new NerSpan(0, 1, "PER")], Spans("Ginny , please see the attached guaranty .", "O", "O", "O", "O", "O", "O", "O", "O"));
        Assert.Equal([new NerSpan(2, 1, "PER")], Spans("Good morning Debra -", "O", "O", "O", "O"));
        // A given name before an unseen capitalized word, untagged: the person's full name.
        Assert.Equal([new NerSpan(3, 2, "PER")], Spans("The contract went Debra Mann 's way .", "O", "O", "O", "O", "O", "O", "O", "O"));
        // Not in running text on its own, and not a given name that is also a place.
        Assert.Empty(Spans("They said Ginny was late .", "O", "O", "O", "O", "O", "O"));
        Assert.Empty(Spans("Jordan , in the end , agreed .", "O", "O", "O", "O", "O", "O", "O", "O"));
        // "Kay" is mostly written capitalized but is mixed in the statistics here: left alone.
        Assert.Empty(Spans("Kay Mann", "O", "O"));
    }

    [Fact]
    public void A_descriptor_ending_in_titles_before_a_person_is_not_a_name()
    {
        // The tagger took "Russian Defense Minister" for an organization: the demonym stays, as NORP; the titles go.
        Assert.Equal([new NerSpan(0, 1, "NORP"), new NerSpan(3, 2, "PER")], Spans("Russian Defense Minister Sergei Shoigu arrived .", "BG", "IG", "IG", "BP", "IP", "O", "O"));
        Assert.Equal([new NerSpan(0, 1, "ORG"), new NerSpan(2, 2, "PER")], Spans("Pentagon spokesman John Kirby said .", "BG", "IG", "BP", "IP", "O", "O"));
        // Not before a person: the organization keeps its words.
        Assert.Equal([new NerSpan(1, 2, "ORG")], Spans("The Defense Ministry said .", "O", "BG", "IG", "O", "O"));
    }

    [Fact]
    public void A_place_or_person_right_before_an_organization_belongs_to_it_and_a_corporate_suffix_closes_a_name()
    {
        Assert.Equal([new NerSpan(1, 3, "ORG")], Spans("The Chicago Symphony Orchestra played .", "O", "BL", "BG", "IG", "O", "O"));
        Assert.Equal([new NerSpan(0, 3, "ORG")], Spans("Acme , Inc. sued .", "BG", "O", "BG", "O", "O"));
        // A gap other than the comma keeps them apart.
        Assert.Equal([new NerSpan(1, 1, "LOC"), new NerSpan(3, 2, "ORG")], Spans("In Chicago the Symphony Orchestra played .", "O", "BL", "O", "BG", "IG", "O", "O"));
    }

    [Fact]
    public void Titles_without_a_period_and_clerical_titles_are_not_part_of_a_person()
    {
        Assert.Equal([new NerSpan(1, 1, "PER")], Spans("Dr Joseph retired .", "BP", "IP", "O", "O"));
        Assert.Equal([new NerSpan(1, 1, "PER")], Spans("Doctor Hank is great .", "BP", "IP", "O", "O", "O"));
        Assert.Equal([new NerSpan(1, 2, "PER")], Spans("Sheikh Ahmed Yassin was killed .", "BP", "IP", "IP", "O", "O", "O"));
        // A person that is only a title is no name at all.
        Assert.Empty(Spans("Call the Doctor .", "O", "O", "BP", "O"));
    }

    [Fact]
    public void A_corporate_suffix_after_a_comma_extends_the_organization_before_it()
    {
        Assert.Equal([new NerSpan(3, 3, "ORG")], Spans("I moved to Google , Inc. last year .", "O", "O", "O", "BG", "O", "O", "O", "O", "O"));
        // Only an organization takes it, and not one that is not followed by the comma and suffix.
        Assert.Equal([new NerSpan(0, 1, "PER")], Spans("Smith , Inc. said .", "BP", "O", "O", "O", "O"));
        Assert.Equal([new NerSpan(0, 1, "ORG")], Spans("Google , and others .", "BG", "O", "O", "O", "O"));
    }

    [Fact]
    public void A_surname_first_name_alone_between_delimiters_is_one_person()
    {
        // An e-mail header: the tagger stopped at the comma and took the given name for a second person.
        Assert.Equal([new NerSpan(1, 3, "PER")], Spans("\" Lenhart , Matthew \"", "O", "BP", "O", "BP", "O"));
        Assert.Equal([new NerSpan(0, 3, "PER")], Spans("Lenhart , Matthew < mlenhart@example.com >", "BP", "O", "O", "O", "O", "O"));
        // In running text the comma separates two people, and a place never joins.
        Assert.Equal([new NerSpan(2, 1, "PER"), new NerSpan(4, 1, "PER")], Spans("I told Lenhart , Matthew and Kay .", "O", "O", "BP", "O", "BP", "O", "O", "O"));
        Assert.Equal([new NerSpan(1, 1, "LOC"), new NerSpan(3, 1, "LOC")], Spans("\" Paris , France \"", "O", "BL", "O", "BL", "O"));
    }
}
