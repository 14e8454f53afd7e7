using Sitrep.Actors.Tests.Linking;

namespace Sitrep.Actors.Tests.Coreference;

/// <summary>Within-document coreference: surnames, pronouns, titles and "the two countries".</summary>
[Collection("linking")]
public sealed class CoreferenceTests(LinkingFixture f)
{
    private static readonly DateOnly Date = new(2023, 8, 30);

    /// <summary>Links the text with one recognizer entity added by hand, as the NER stage would give it.</summary>
    private ActorMention[] LinkWithEntity(string text, DateOnly date, string phrase, string type)
    {
        var doc = f.Parse(text, date);
        var tokens = doc.Get(Sitrep.Nlp.NlpLayers.Tokens);
        var start = text.IndexOf(phrase, StringComparison.Ordinal);
        var first = Array.FindIndex(tokens, t => t.Span.Start == start);
        var last = Array.FindLastIndex(tokens, t => t.Span.End <= start + phrase.Length);
        var entity = new Sitrep.Nlp.EntityMention(new Sitrep.Core.TextSpan(start, start + phrase.Length), type, first, last - first + 1);
        return f.Stage.Process(doc.With(Sitrep.Nlp.NlpLayers.Entities, [entity])).Get(ActorLayers.Actors);
    }

    private static List<(string Text, ActorMention M)> Named(string text, ActorMention[] ms) => ms.Select(m => (text[m.Span.Start..m.Span.End], m)).ToList();

    [Fact]
    public void Its_may_be_an_institution_named_by_its_role_but_it_alone_is_not()
    {
        // Before: "its" skipped the Coast Guard (an agent, not an organization) and took Azerbaijan from the sentence before.
        const string text = "Earlier this month, Armenia said an incident Azerbaijan described as a provocation killed four soldiers. "
            + "Last month, the Philippine Coast Guard said one of its vessels had been blocked near a disputed shoal.";
        var ms = Named(text, f.Link(text, Date));
        var guard = ms.First(x => x.Text == "the Philippine Coast Guard").M;
        var its = ms.First(x => x.Text == "its").M;
        Assert.Equal("PHLMIL", guard.Code);
        Assert.Equal(guard.Chain, its.Chain);
        // "it" alone still names no role-named institution.
        const string other = "The Philippine Coast Guard said on Monday that it was a provocation.";
        Assert.DoesNotContain(Named(other, f.Link(other, Date)), x => x.Text == "it" && x.M.Code == "PHLMIL");
    }

    /// <summary>
    /// From fundus pages and UD articles: the placeholder "it" of "it is important to", "it became apparent that", "when it
    /// comes to" had been the country or body named before. A real "it" still is ("Iran says it is creating", "said it is ready").
    /// </summary>
    [Theory]
    [InlineData("Fox News aired the segment on Monday. For all the criticism we give Fox News, it is important to note that Steve Doocy has been fair.", "it", null)]
    [InlineData("The institutes are in the Netherlands. At the initial meeting it became apparent that most participants were there to learn more.", "it", null)]
    [InlineData("Many voters in the United States want a new direction when it comes to policy on Israel.", "it", null)]
    [InlineData("Being an American guarantees you no favours when it come to going to Canada.", "it", null)]
    [InlineData("The United States faces new threats. On August 9, 2004, it was announced that the terror alert would be raised.", "it", null)]
    [InlineData("Iran says it is creating nuclear energy without wanting nuclear weapons.", "it", "IRN")]
    [InlineData("Russia said it is ready to negotiate with Ukraine.", "it", "RUS")]
    public void A_placeholder_it_stands_for_no_one(string text, string pronoun, string? code)
    {
        var it = Named(text, f.Link(text, Date)).Where(x => x.Text == pronoun).Select(x => x.M.Code).FirstOrDefault();
        Assert.Equal(code, it);
    }

    [Fact]
    public void SurnameAndPronounJoinTheFullName()
    {
        const string text = "Sergei Shoigu visited Pyongyang on Tuesday. Shoigu said he would return soon.";
        var ms = Named(text, f.Link(text, Date));
        var full = ms.First(x => x.Text == "Sergei Shoigu").M;
        var surname = ms.First(x => x.Text == "Shoigu").M;
        var he = ms.First(x => x.Text == "he").M;
        Assert.Equal("sergei-shoigu", surname.ActorId);
        Assert.Equal(full.Chain, surname.Chain);
        Assert.Equal(full.Chain, he.Chain);
        Assert.Equal("pronoun", he.Resolution);
    }

    [Fact]
    public void A_person_s_later_mentions_keep_the_country_the_first_one_took()
    {
        // Found on an htmldate page: "DeSantis" was USAGOV, then AUSGOV and UKRGOV in sentences naming one other country.
        // (A first mention that names no country, "Florida Gov. Ron DeSantis spoke in Miami", still has none: a US state
        // before a title does not give its country yet.)
        // DeSantis is in the knowledge base now; the Florida politician below is not.
        const string text = "Florida Lt. Gov. Jeanette Nunez told the United States on Tuesday that she would run. "
            + "Asked about Australia's new rules, Nunez said she would wait. On Friday, Nunez said Ukraine must end the war.";
        var ms = Named(text, f.Link(text, Date));
        var nunez = ms.Where(x => x.Text == "Nunez").Select(x => x.M).ToList();
        Assert.Equal(["USAGOV", "USAGOV"], nunez.Select(m => m.Code));
    }

    [Fact]
    public void A_surname_takes_the_latest_person_who_bears_it_however_far_back()
    {
        // Eleven filler sentences between the names and the surname: the lookup has no distance limit.
        var filler = string.Concat(Enumerable.Repeat("The talks went on. ", 11));
        var text = "Kim Jong Il met envoys in 2010. Kim Jong Un met envoys in 2023. " + filler + "Kim said the meeting went well.";
        var ms = Named(text, f.Link(text, Date));
        var kim = ms.Last(x => x.Text == "Kim").M;
        Assert.Equal("kim-jong-un", kim.ActorId);
        Assert.Equal(ms.First(x => x.Text == "Kim Jong Un").M.Chain, kim.Chain);
    }

    [Fact]
    public void TheTwoCountriesAreTheLastTwoNamed()
    {
        const string text = "Russia and North Korea signed a pact. The two countries will hold talks.";
        var ms = Named(text, f.Link(text, Date));
        var pair = ms.Where(x => x.Text == "The two countries").Select(x => x.M.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["PRK", "RUS"], pair);
    }

    /// <summary>From the samples: "hosting the two delegations" had been nobody (a delegation was no government word), and the host's city the target.</summary>
    [Fact]
    public void TheTwoDelegationsAreTheTwoCountriesJoinedByAnd()
    {
        const string text = "The foreign ministers of the Democratic Republic of Congo and Rwanda agreed on Thursday to hold further talks, "
            + "Angola's foreign ministry said after hosting the two delegations in Luanda.";
        var ms = Named(text, f.Link(text, Date));
        Assert.Equal(["CODGOV", "RWAGOV"], ms.Where(x => x.Text == "the two delegations").Select(x => x.M.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BothSidesAreTheTwoCountriesLastJoinedByAnd()
    {
        // The host named in between is not a side (it was: DEU and AZE).
        const string text = "The foreign ministers of Armenia and Azerbaijan met in Berlin on Thursday, Germany's foreign office said. "
            + "Germany's foreign minister joined the talks. Both sides showed a willingness to work on open questions.";
        var ms = Named(text, f.Link(text, Date));
        var pair = ms.Where(x => x.Text == "Both sides").Select(x => x.M.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ARM", "AZE"], pair);
    }

    [Fact]
    public void BothSidesAreNotTwoCountriesNamedLongBefore()
    {
        // A US inquiry's "both sides" (the committee and the witness) were the US and a Chinese firm named far back.
        const string text = "US officials met the chairman of a Chinese energy firm on Monday. The committee heard a witness. "
            + "The witness spoke for hours. The hearing ended late. Lawyers left the room. The chairman spoke to reporters. "
            + "He said the transcripts would be released as soon as both sides agree.";
        var ms = Named(text, f.Link(text, Date));
        Assert.DoesNotContain(ms, x => x.Text == "both sides");
        // Named within the last few sentences, they still are.
        const string near = "Russia and North Korea signed a pact. Both sides said it was a defensive one.";
        Assert.Equal(["PRK", "RUS"], Named(near, f.Link(near, Date)).Where(x => x.Text == "Both sides").Select(x => x.M.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhoSpeaksOfAPairInItsSentenceIsNotOneOfIt()
    {
        // "The United States … urged both leaders" made the US one of the leaders (USAGOV and KSVGOV).
        const string text = "Serbia rejected the proposal on Thursday. Kosovo said it had acted in good faith. "
            + "The United States urged both leaders to show flexibility.";
        var pair = Named(text, f.Link(text, Date)).Where(x => x.Text == "both leaders").Select(x => x.M.Code).Order(StringComparer.Ordinal);
        Assert.Equal(["KSVGOV", "SRBGOV"], pair);
        // A pair already resolved passes its two countries on.
        const string hosts = "The foreign ministers of Congo and Rwanda met on Thursday. Diplomats said both governments wanted calm. "
            + "A spokesman said the talks were useful. Observers were hopeful. Angola has hosted talks between the two neighbours since 2022.";
        Assert.Equal(["COD", "RWA"], Named(hosts, f.Link(hosts, Date)).Where(x => x.Text == "the two neighbours").Select(x => x.M.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheTwoLeadersAreThePairInTheirSector()
    {
        const string text = "The leaders of Serbia and Kosovo met in Brussels on Thursday. The two leaders agreed to resume talks. "
            + "Two officials said the meeting was tense. A diplomat in Brussels said both ministers left early.";
        var ms = Named(text, f.Link(text, Date));
        Assert.Equal(["KSVGOV", "SRBGOV"], ms.Where(x => x.Text == "The two leaders").Select(x => x.M.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["KSVGOV", "SRBGOV"], ms.Where(x => x.Text == "both ministers").Select(x => x.M.Code).Order(StringComparer.Ordinal));
        // "two officials" is no pair of countries.
        Assert.DoesNotContain(ms, x => x.Text == "Two officials" && x.M.Resolution == "pair");
    }

    [Fact]
    public void ItTakesAStateAndUnresolvedPronounsAreLeftOut()
    {
        const string text = "Japan said it would protest. We are watching.";
        var ms = Named(text, f.Link(text, Date));
        Assert.Equal("JPN", ms.Single(x => x.Text == "it").M.Code);
        Assert.DoesNotContain(ms, x => x.Text == "We");
    }

    [Fact]
    public void CoordinatedDemonymsGiveOneMentionPerCountry()
    {
        const string text = "Senior Hungarian and Romanian officials agreed on Wednesday.";
        var ms = f.Link(text, Date);
        Assert.Equal(["HUNGOV", "ROUGOV"], ms.Select(m => m.Code).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// From a UD article: "they" after "two car bombs were discovered" had been the Iraqi rebels of the sentence before,
    /// and the bombs' detonation their attack on themselves. A plural subject that names no actor is nearer.
    /// </summary>
    [Fact]
    public void A_pronoun_after_a_subject_that_is_no_actor_is_not_an_actor_further_back()
    {
        const string text = "Iraqi insurgents attacked the base on Monday. In Suwayrah, two car bombs were discovered before they could be detonated.";
        var they = Named(text, f.Link(text, Date)).Where(x => x.Text == "they").Select(x => x.M).ToList();
        Assert.All(they, m => Assert.NotEqual("pronoun", m.Resolution));
        // "it" after a singular subject that is no actor, as in a bundled sample.
        const string maker = "South Africa condemned the move on Monday. The state-owned manufacturer said separately that it complied with all laws.";
        Assert.All(Named(maker, f.Link(maker, Date)).Where(x => x.Text == "it"), x => Assert.NotEqual("pronoun", x.M.Resolution));
        const string russia = "Russia said on Monday that it would respond.";
        var rs = Named(russia, f.Link(russia, Date));
        Assert.Equal(rs.First(x => x.Text == "Russia").M.Chain, rs.First(x => x.Text == "it").M.Chain);
        // With no such subject in between, "they" is the insurgents.
        const string plain = "Iraqi insurgents attacked the base on Monday before they fled.";
        var ms = Named(plain, f.Link(plain, Date));
        Assert.Equal(ms.First(x => x.Text == "Iraqi insurgents").M.Chain, ms.First(x => x.Text == "they").M.Chain);
    }

    /// <summary>
    /// From an htmldate page: "she criticized him" and "he accused her" had put both pronouns on one person. A plain object
    /// pronoun is never its own verb's subject, and "she" said of a person makes the "him" after it somebody else.
    /// </summary>
    [Fact]
    public void An_object_pronoun_is_not_its_subject_and_a_gendered_pronoun_genders_its_antecedent()
    {
        var date = new DateOnly(2023, 11, 8);
        const string text = "Nikki Haley said she would stay in the race. She said she had criticized him.";
        Assert.DoesNotContain(Named(text, f.Link(text, date)), x => x.Text == "him" && x.M.ActorId == "nikki-haley");
        const string bound = "Ron DeSantis said Nikki Haley had criticized him.";
        Assert.Equal("ron-desantis", Named(bound, f.Link(bound, date)).Single(x => x.Text == "him").M.ActorId);
        // a reflexive is its subject
        const string self = "Israel said it would defend itself.";
        Assert.Equal("ISR", Named(self, f.Link(self, date)).Single(x => x.Text == "itself").M.Code);
    }

    /// <summary>
    /// From an htmldate page: "the Iraq War … escalate its tactics" had made "its" Iraq, and the liberal activists of that
    /// sentence Iraq's opposition. A country that only names a war is not what "it" stands for.
    /// </summary>
    [Fact]
    public void A_country_that_names_a_war_is_no_antecedent_of_it()
    {
        const string text = "Pelosi resisted calls to defund the Iraq War. Activists wanted the party to escalate its tactics.";
        Assert.DoesNotContain(Named(text, f.Link(text, Date)), x => x.Text == "its" && x.M.Code == "IRQ");
        const string plain = "Iraq rejected the plan. Officials said its army would stay.";
        Assert.Equal("IRQ", Named(plain, f.Link(plain, Date)).Single(x => x.Text == "its").M.Code);
    }

    /// <summary>
    /// From a fundus page: "Hunter Biden appeared on Capitol Hill for his closed-door deposition" had given "his" to James
    /// Comer, named sentences before, because Hunter Biden has no KB entry. A person the recognizer named stays the nearer
    /// antecedent; with no such name the linked person still is.
    /// </summary>
    [Fact]
    public void A_person_the_kb_does_not_know_is_still_the_antecedent_of_he()
    {
        var date = new DateOnly(2024, 2, 28);
        const string text = "James Comer said the inquiry will move on. Hunter Biden appeared on Capitol Hill for his closed-door deposition.";
        Assert.DoesNotContain(Named(text, LinkWithEntity(text, date, "Hunter Biden", "PER")), x => x.Text == "his");
        // without the recognizer's name "his" is the one person known
        Assert.Equal("james-comer", Named(text, f.Link(text, date)).Single(x => x.Text == "his").M.ActorId);
    }

    /// <summary>
    /// From a UD article: "guerrillas had kidnapped a cosmetic surgeon and his wife" gave "his" to an Iraqi officer named
    /// sentences before. A possessive on the second of two coordinated nouns is the first's, actor or not.
    /// </summary>
    [Fact]
    public void A_possessive_on_a_second_conjunct_is_the_first_s()
    {
        const string text = "An Iraqi general said the roads were safe. On Wednesday gunmen kidnapped a surgeon and his wife near Mosul.";
        Assert.DoesNotContain(Named(text, f.Link(text, Date)), x => x.Text == "his");
        const string known = "Vladimir Putin said the talks went well. Putin and his defence minister met the generals on Friday.";
        Assert.Equal("vladimir-putin", Named(known, f.Link(known, Date)).Single(x => x.Text == "his").M.ActorId);
    }

    /// <summary>
    /// From a fundus page: "Parkland advanced its annual meeting" gave "its" to China, named paragraphs before, because
    /// Parkland Corp has no KB entry. An organization the recognizer named stays the nearer antecedent of "it".
    /// </summary>
    [Fact]
    public void An_organization_the_kb_does_not_know_is_still_the_antecedent_of_its()
    {
        var date = new DateOnly(2024, 3, 4);
        const string text = "China said demand was weak. Parkland Corp said on Sunday it would protect its rights.";
        Assert.DoesNotContain(Named(text, LinkWithEntity(text, date, "Parkland Corp", "ORG")), x => x.Text is "it" or "its");
        // without the recognizer's name "its" is the one body known
        Assert.Contains(Named(text, f.Link(text, date)), x => x.Text == "its" && x.M.Code == "CHN");
    }
    /// <summary>
    /// From a TimeBank story: "Castro said his government had shared its concerns" left "his government" without a country
    /// and gave "its" to Costa Rica, named the sentence before. A role after a possessive pronoun is of the pronoun's
    /// antecedent's country, and can stand for "its".
    /// </summary>
    [Fact]
    public void A_role_after_a_possessive_pronoun_is_of_its_antecedent_s_country()
    {
        const string text = "Castro said a group in Miami was studying taking the boy to a third nation, probably Nicaragua or Costa Rica. "
            + "Castro said his government had shared its concerns with the State Department.";
        var named = Named(text, f.Link(text, new DateOnly(2000, 1, 10)));
        Assert.Equal("CUBGOV", named.Single(x => x.Text == "government").M.Code.ToString());
        Assert.Equal("CUBGOV", named.Single(x => x.Text == "its").M.Code.ToString());
    }

    /// <summary>
    /// From an AP story datelined Havana: "the U.S. government decision to return Elian … The government exhorted
    /// citizens" made the Cuban government American. A role that only modifies a thing named after it ("the U.S.
    /// government decision") is not what a later "the government" stands for.
    /// </summary>
    [Fact]
    public void A_role_that_only_modifies_a_noun_is_no_antecedent()
    {
        const string text = "While an important step, the U.S. government decision to return Elian Gonzalez to his father does not guarantee his return, the communist leadership warned. "
            + "The government exhorted citizens to keep up mass protests.";
        var named = Named(text, f.Link(text, new DateOnly(2000, 1, 6)));
        Assert.DoesNotContain(named, x => x.Text == "The government" && x.M.Code.ToString().StartsWith("USA", StringComparison.Ordinal));
        // the control: the head of its phrase is the antecedent
        const string control = "The U.S. government decided to return Elian Gonzalez to his father. The government exhorted citizens to stay calm.";
        Assert.Equal("USAGOV", Named(control, f.Link(control, new DateOnly(2000, 1, 6))).Single(x => x.Text == "The government").M.Code.ToString());
    }

    /// <summary>
    /// From an AQUAINT story: "a Somali national and a Turk" made "a Turk" Danilo Türk, Slovenia's president, and every "she"
    /// after it (Madeleine Albright) Slovenian. A surname after "a" is some bearer of the word, not the person.
    /// </summary>
    [Fact]
    public void A_surname_after_an_indefinite_article_is_not_the_person()
    {
        const string text = "The 14 foreigners, six Iraqis, six Sudanese, a Somali national and a Turk, were rounded up.";
        Assert.DoesNotContain(f.Link(text, new DateOnly(2009, 1, 10)), m => m.Code.ToString().StartsWith("SVN", StringComparison.Ordinal));
        // the control: the surname alone is the president
        Assert.Contains(f.Link("Turk said the talks went well.", new DateOnly(2009, 1, 10)), m => m.Code.ToString().StartsWith("SVN", StringComparison.Ordinal));
    }
    /// <summary>
    /// From a UD article, once John Ashcroft was in the KB: "Attorney General Ashcroft said … Her family" gave "her" to
    /// Ashcroft. The KB gives each person's gender, so "she" and "her" stand only for a woman.
    /// </summary>
    [Fact]
    public void She_and_her_stand_for_a_woman_the_kb_knows_as_one()
    {
        var date = new DateOnly(2003, 4, 1);
        const string text = "Attorney General John Ashcroft said the suspect was wanted for questioning. Her family said the charges were false.";
        Assert.DoesNotContain(Named(text, f.Link(text, date)), x => x.Text == "Her");
        const string woman = "Secretary of State Madeleine Albright said the talks went well. Her deputy flew to Nairobi.";
        Assert.Equal("madeleine-albright", Named(woman, f.Link(woman, new DateOnly(1998, 8, 10))).Single(x => x.Text == "Her").M.ActorId);
    }
}
