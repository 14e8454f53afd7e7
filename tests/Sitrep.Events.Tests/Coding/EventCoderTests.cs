using Sitrep.Actors;
using static Sitrep.Events.Tests.Coding.EventTestText;

namespace Sitrep.Events.Tests.Coding;

/// <summary>The coder on real parses with hand-made actor mentions: one construction a test.</summary>
public sealed class EventCoderTests
{
    private static string[] Dyads(string text, A[] actors, (string, string)[]? places = null) =>
        [.. Code(With(text, actors, places)).Select(Dyad)];

    [Fact]
    public void Passive_takes_the_source_from_the_by_agent()
    {
        var events = Dyads("Israeli soldiers were attacked by Hamas gunmen near Gaza.",
            [new("Israeli soldiers", "ISRMIL"), new("Hamas gunmen", "PSEREB")]);
        Assert.Equal(["PSEREB 190 ISRMIL"], events);
    }

    [Fact]
    public void Nominal_visit_codes_the_possessor_and_the_destination()
    {
        var events = Dyads("Shoigu's visit to Pyongyang ended on Tuesday.",
            [new("Shoigu", "RUSGOV"), new("Pyongyang", "PRK")]);
        Assert.Equal(["RUSGOV 042 PRK"], events);
    }

    [Fact]
    public void Compound_subject_gives_one_denial_each_aimed_at_the_accuser()
    {
        var doc = With("Last year, the US said North Korea had sent weapons to Russia. Both Russia and North Korea denied the US allegations.",
            [new("US", "USA"), new("North Korea", "PRK"), new("Russia", "RUS"), new("Russia", "RUS", 2), new("North Korea", "PRK", 2), new("US", "USA", 2)],
            published: new DateOnly(2023, 8, 30));
        var events = Code(doc);
        var denials = events.Where(e => e.Cameo == "016").ToList();
        Assert.Equal(["RUS 016 USA", "PRK 016 USA"], denials.Select(Dyad));
        var alleged = Assert.Single(events, e => e.Root == "07");
        Assert.Equal("PRK 072 RUS", Dyad(alleged));
        Assert.All(denials, d => Assert.Equal(alleged.Id, Assert.Single(d.Links)));
        Assert.Equal(Modality.Alleged, alleged.Modality);
        Assert.Equal("2022", alleged.Date.Value);
    }

    [Fact]
    public void Reciprocal_exchange_codes_both_directions()
    {
        var events = Dyads("Putin and Kim traded letters last month.", [new("Putin", "RUSGOV"), new("Kim", "PRKGOV")]);
        Assert.Equal(["RUSGOV 040 PRKGOV", "PRKGOV 040 RUSGOV"], events);
    }

    [Fact]
    public void Reciprocal_exchange_finds_a_conjunct_whose_and_hangs_on_its_title()
    {
        // A parser trained on news titles attaches "and" to "leader", the first word of the conjunct, not to "Kim":
        // the pair is still coordinated.
        var doc = Parse("Russian President Vladimir Putin and North Korean leader Kim Jong Un traded letters.");
        var tokens = doc.Get(Sitrep.Nlp.NlpLayers.Tokens);
        Assert.Equal(14, tokens.Length);
        (int Head, string Deprel)[] tree =
        [
            (1, "amod"), (2, "nmod:desc"), (11, "nsubj"), (2, "flat"), (7, "cc"), (6, "compound"), (7, "amod"),
            (8, "nmod:desc"), (2, "conj"), (8, "flat"), (8, "flat"), (-1, "root"), (11, "obj"), (11, "punct"),
        ];
        var reparsed = tokens.Select((t, i) => t with { Head = tree[i].Head, Deprel = tree[i].Deprel }).ToArray();
        var events = Code(With(doc.With(Sitrep.Nlp.NlpLayers.Tokens, reparsed),
            [new("Russian President Vladimir Putin", "RUSGOV"), new("North Korean leader Kim Jong Un", "PRKGOV")])).Select(Dyad);
        Assert.Equal(["RUSGOV 040 PRKGOV", "PRKGOV 040 RUSGOV"], events);
    }

    [Fact]
    public void Reported_speech_is_coded_with_its_attribution()
    {
        var events = Code(With("Kirby said Russia is seeking weapons from North Korea.",
            [new("Kirby", "USAGOV", Kind: ActorKind.Person), new("Russia", "RUS"), new("North Korea", "PRK")]));
        var e = Assert.Single(events);
        Assert.Equal("RUS 0232 PRK", Dyad(e));
        Assert.Equal("02", e.Root);
        Assert.Equal("REQUEST", e.Plover.Type);
        Assert.Contains(e.Attribution, a => a.Code == "USAGOV");
        Assert.NotEqual(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void Negated_event_keeps_its_code_and_says_negated()
    {
        var e = Assert.Single(Code(With("Russia did not attack Ukraine.", [new("Russia", "RUS"), new("Ukraine", "UKR")])));
        Assert.Equal("RUS 190 UKR", Dyad(e));
        Assert.Equal(Modality.Negated, e.Modality);
    }

    [Fact]
    public void Promised_cooperation_is_an_intent_and_promised_force_a_threat()
    {
        var intent = Assert.Single(Code(With("Syria will withdraw its troops from Lebanon.", [new("Syria", "SYR"), new("Lebanon", "LBN")])));
        Assert.Equal("SYR 0356 LBN", Dyad(intent));
        Assert.Equal("AGREE", intent.Plover.Type);
        var threat = Assert.Single(Code(With("Iran vowed to attack Iraq.", [new("Iran", "IRN"), new("Iraq", "IRQ")])));
        Assert.Equal("IRN 1384 IRQ", Dyad(threat));
        Assert.Equal("THREATEN", threat.Plover.Type);
    }

    [Fact]
    public void A_government_is_no_target_of_its_own_event_but_a_country_can_be()
    {
        // Two mentions of one government (different chains) are a self-dyad no event data can use.
        var self = Assert.Single(Code(With("The Pakistani government criticized the Pakistani government.",
            [new("The Pakistani government", "PAKGOV", Kind: ActorKind.Agent), new("the Pakistani government", "PAKGOV", Kind: ActorKind.Agent)])));
        Assert.Null(self.Target);
        // A domestic event at country level stays, as PLOVER codes "Nigerians protest … fundamentalists" NGA to NGA.
        var domestic = Assert.Single(Code(With("Nigerians accused fundamentalists of violence.",
            [new("Nigerians", "NGA"), new("fundamentalists", "NGA", Kind: ActorKind.Agent)])));
        Assert.Equal("NGA", domestic.Target?.Code);
    }

    [Fact]
    public void Date_comes_from_the_clause_else_the_sentence_else_the_report()
    {
        var published = new DateOnly(2023, 8, 30);
        var inClause = Assert.Single(Code(With("Russia attacked Ukraine in March.", [new("Russia", "RUS"), new("Ukraine", "UKR")], published: published)));
        Assert.Equal(new EventDate("2023-03", "timex", 0), inClause.Date);
        var inSentence = Assert.Single(Code(With("Last year, Kirby said Russia attacked Ukraine.",
            [new("Kirby", "USAGOV", Kind: ActorKind.Person), new("Russia", "RUS"), new("Ukraine", "UKR")], published: published)));
        Assert.Equal(("2022", "sentence"), (inSentence.Date.Value, inSentence.Date.From));
        // A date inside a relative clause about something else does not date the event.
        var relative = Code(With("Rwanda accused Congo of backing the FDLR, a group that was founded in 1994.",
            [new("Rwanda", "RWA"), new("Congo", "COD")], published: published)).First();
        Assert.Equal(new EventDate("2023-08-30", "report"), relative.Date);
        var report = Assert.Single(Code(With("Russia attacked Ukraine.", [new("Russia", "RUS"), new("Ukraine", "UKR")], published: published)));
        Assert.Equal(new EventDate("2023-08-30", "report"), report.Date);
        // Nor does a date in what was said, another proposition ("the elections would be held in 2026").
        var said = Code(With("Russia accused Ukraine of lying and said the elections would be held in 2026.",
            [new("Russia", "RUS"), new("Ukraine", "UKR")], published: published)).First(e => e.Cameo.StartsWith("112", StringComparison.Ordinal));
        Assert.Equal(new EventDate("2023-08-30", "report"), said.Date);
        // Nor a date elsewhere in the sentence that lies after the report: what the report tells has happened by then.
        var later = Code(With("Russia criticized Ukraine, although the talks will resume in November.",
            [new("Russia", "RUS"), new("Ukraine", "UKR")], published: published)).First(e => e.Cameo.StartsWith("11", StringComparison.Ordinal));
        Assert.Equal(new EventDate("2023-08-30", "report"), later.Date);
        // With no publication date the clause's weekday is still the event's day, of an unknown week.
        var undated = Assert.Single(Code(With("Russia attacked Ukraine on Wednesday.", [new("Russia", "RUS"), new("Ukraine", "UKR")])));
        Assert.Equal(new EventDate("XXXX-WXX-3", "timex", 0), undated.Date);
        var noDate = Assert.Single(Code(With("Russia attacked Ukraine.", [new("Russia", "RUS"), new("Ukraine", "UKR")])));
        Assert.Equal(new EventDate("XXXX-XX-XX", "report"), noDate.Date);
    }

    [Fact]
    public void Place_is_a_locative_place_in_the_clause()
    {
        var doc = With("Russia attacked Ukrainian troops in Bakhmut.", [new("Russia", "RUS"), new("Ukrainian troops", "UKRMIL")], [("Bakhmut", "UKR")]);
        var e = Assert.Single(Code(doc));
        Assert.Equal(0, e.Place);
    }

    [Fact]
    public void Evidence_records_sentence_trigger_actor_spans_and_rule()
    {
        const string text = "Fighting continued. North Korea launched a ballistic missile toward Japan.";
        var e = Assert.Single(Code(With(text, [new("North Korea", "PRK"), new("Japan", "JPN")])));
        Assert.Equal(1, e.Evidence.Sentence);
        Assert.Equal("launched", text[e.Evidence.Trigger.Start..e.Evidence.Trigger.End]);
        Assert.Equal(["North Korea", "Japan"], e.Evidence.Spans.Select(s => text[s.Start..s.End]));
        Assert.Equal("launch.missile@1", e.Rule);
        Assert.Equal(("150", "15", 4, -7.2), (e.Cameo, e.Root, e.QuadClass, e.Goldstein));
    }

    [Fact]
    public void Ids_follow_text_order_and_coding_is_deterministic()
    {
        var actors = new A[] { new("Russia", "RUS"), new("Ukraine", "UKR"), new("Ukraine", "UKR", 2), new("Russia", "RUS", 2) };
        const string text = "Russia attacked Ukraine. Ukraine condemned Russia.";
        var first = Code(With(text, actors));
        var second = Code(With(text, actors));
        Assert.Equal(["e1", "e2"], first.Select(e => e.Id));
        Assert.Equal(["RUS 190 UKR", "UKR 111 RUS"], first.Select(Dyad));
        static string Describe(CodedEvent e) =>
            $"{e.Id} {Dyad(e)} {e.Rule} {e.Date} {e.Modality} {e.Evidence.Trigger} {string.Join(",", e.Evidence.Spans)} {string.Join(",", e.Attribution.Select(a => a.Text))}";
        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    [Fact]
    public void Target_in_a_complement_clause_is_found_when_no_path_reaches_it()
    {
        var events = Dyads("Beijing on Monday demanded that Tokyo halt its survey near the disputed islands.",
            [new("Beijing", "CHN"), new("Tokyo", "JPN")]);
        var e = Assert.Single(events);
        Assert.StartsWith("CHN 10", e, StringComparison.Ordinal);
        Assert.EndsWith(" JPN", e, StringComparison.Ordinal);
    }

    [Fact]
    public void Purpose_clause_is_part_of_the_main_event()
    {
        var events = Dyads("Hundreds of Kenyan farmers began a hunger strike on Monday to protest against the new land law.",
            [new("Kenyan farmers", "KENAGR")]);
        var e = Assert.Single(events);
        Assert.StartsWith("KENAGR 142", e, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_clause_event_is_background_of_the_main_event()
    {
        var events = Code(With("Serbia lifted a curfew in Montenegro, where 28 people have been killed in riots this year.",
            [new("Serbia", "SRB")], [("Montenegro", "MNE")]));
        var e = Assert.Single(events);
        Assert.Equal("0813", e.Cameo);
    }

    [Fact]
    public void Compound_modifier_mentions_over_the_same_words_are_each_a_party()
    {
        var events = Dyads("Senior Hungarian and Romanian officials agreed on Wednesday to hold talks.",
            [new("Senior Hungarian and Romanian officials", "HUNGOV"), new("Senior Hungarian and Romanian officials", "ROUGOV")]);
        Assert.Equal(["HUNGOV 036 ROUGOV", "ROUGOV 036 HUNGOV"], events);
    }

    // Each sentence has an actor where the pattern looks for one; the words are event words, the sense is not.
    [Theory]
    [InlineData("A spokesman for Brown did not respond to a request for comment.", "A spokesman for Brown", "USALEG")]
    [InlineData("Senator Menendez has pleaded not guilty to the charges.", "Senator Menendez", "USALEG")]
    [InlineData("Weisselberg will plead guilty to perjury charges.", "Weisselberg", "USABUS")]
    [InlineData("In 2020, Biden beat Trump in California by more than 29 points.", "Trump", "USAELI")]
    [InlineData("Biden beat Trump in the 2020 election.", "Trump", "USAELI")]
    [InlineData("The president's brother had a heart attack on Sunday.", "The president's brother", "USAGOV")]
    [InlineData("The film crew were shooting a scene in Kabul.", "Kabul", "AFG")]
    [InlineData("The Brits wound up with an all-male list of nominees.", "an all-male list of nominees", "GBR")]
    [InlineData("The plan is a key part of the EU's European Green Deal.", "EU", "IGOEUREEC")]
    [InlineData("The British singer received seven nominations in 2024.", "The British singer", "GBR")]
    [InlineData("Biden received 81 percent of the vote.", "Biden", "USAGOV")]
    [InlineData("The British band went to school with the Arctic Monkeys.", "The British band", "GBR")]
    [InlineData("The governor said he would fight for the state and its families.", "The governor", "USAGOV")]
    [InlineData("Brussels wants to better protect nature in the 27-nation bloc.", "Brussels", "IGOEUREEC")]
    [InlineData("Trump suggested that his legal problems had won him support among Black voters.", "Trump", "USAELI")]
    [InlineData("Putin said Washington had no genuine interest in such talks, Putin asked during his address.", "Putin", "RUSGOV")]
    [InlineData("Trump appealed the ruling to a higher court.", "Trump", "USAELI")]
    [InlineData("Iran's opposition released a report on the programme.", "Iran", "IRN")]
    [InlineData("She was instructed by Kenya to destroy the agreement.", "Kenya", "KEN")]
    [InlineData("It would be like flying the flag of the Third Reich in Germany.", "Germany", "DEU")]
    [InlineData("The Dolphin Company took over management of the Miami Seaquarium two years ago.", "The Dolphin Company", "USABUS")]
    [InlineData("Biden delivered a rare Oval Office address to market the plan.", "Biden", "USAGOV")]
    [InlineData("In Kentucky McConnell is heckled and met with cries of protest.", "McConnell", "USALEG")]
    [InlineData("In 2016 Clinton struggled to mobilize party constituencies.", "Clinton", "USAELI")]
    [InlineData("The association said the school did not meet its commitment to inclusion.", "the school", "USAEDU")]
    [InlineData("A new war in the region threatens to undermine trust in Washington.", "Washington", "USAGOV")]
    public void Event_words_in_another_sense_code_nothing(string text, string phrase, string code) =>
        Assert.Empty(Dyads(text, [new(phrase, code)]));

    [Fact]
    public void The_same_words_still_code_events_in_their_political_sense()
    {
        Assert.Equal(["ZWECOP 182 ZWEOPP"], Dyads("Police in Harare beat opposition supporters on Tuesday.",
            [new("Police", "ZWECOP"), new("opposition supporters", "ZWEOPP")]));
        Assert.Equal(["USAELI 111 USAJUD"], Dyads("Trump's verbal attacks on the judge continued on Monday.",
            [new("Trump", "USAELI"), new("the judge", "USAJUD")]));
        Assert.Equal(["SDNREB 190 SDNMIL"], Dyads("Sudanese rebels fought the army near Khartoum on Monday.",
            [new("Sudanese rebels", "SDNREB"), new("the army", "SDNMIL")]));
        Assert.Equal(["USAGOV 020 IRQGOV"], Dyads("Washington pleaded with Baghdad to hold the vote.",
            [new("Washington", "USAGOV"), new("Baghdad", "IRQGOV")]));
        Assert.Equal(["RUSGOV 020 IGOUNO"], Dyads("Moscow suggested that the UN should send monitors.",
            [new("Moscow", "RUSGOV"), new("UN", "IGOUNO")]));
        Assert.Equal(["USAGOV 020 IRN"], Dyads("Washington asked Iran to release the prisoners.",
            [new("Washington", "USAGOV"), new("Iran", "IRN")]));
    }

    [Fact]
    public void A_denial_is_not_aimed_at_the_denier_s_own_side_named_in_the_claim()
    {
        // Russia's embassy "rejected suggestions that Moscow was involved" was RUS → RUSGOV.
        var e = Assert.Single(Code(With("Russia has rejected suggestions that Moscow was involved in the incidents.",
            [new("Russia", "RUS"), new("Moscow", "RUSGOV")])));
        Assert.Equal("016", e.Cameo);
        Assert.Null(e.Target);
        // The accuser named in the claim stays the target.
        Assert.Equal(["RUS 016 USA"], Dyads("Russia rejected the US allegations that Moscow was involved.",
            [new("Russia", "RUS"), new("US", "USA"), new("Moscow", "RUSGOV")]));
    }

    [Fact]
    public void An_organization_s_agents_are_a_party_but_bare_agents_are_not()
    {
        const string text = "The ministers called for restraint in the South China Sea.";
        Assert.Equal(["IGOSEAASNGOV 025"], Code(With(text, [new("The ministers", "IGOSEAASNGOV", Kind: ActorKind.Agent, ActorId: "asean")]))
            .Select(e => $"{e.Source?.Code} {e.Cameo[..3]}"));
        Assert.Empty(Code(With(text, [new("The ministers", "IGOGOV", Kind: ActorKind.Agent)])));
    }

    [Fact]
    public void A_war_or_occupation_named_in_passing_is_background()
    {
        A[] actors = [new("Israel", "ISR"), new("Gaza", "PSE")];
        Assert.Empty(Dyads("He is satisfied with how the network has covered Israel's war on Gaza.", actors));
        Assert.Empty(Dyads("Washington spends billions to sustain Israel's war on Gaza.", [new("Washington", "USA"), .. actors]));
        // As what happened, it is an event.
        Assert.Contains("ISR 190 PSE", Dyads("Israel's war on Gaza has killed thousands of people.", actors));
    }

    [Fact]
    public void Who_comments_on_an_event_noun_is_not_its_agent()
    {
        // "Trump himself has not commented on the attack" made Trump the attacker.
        Assert.DoesNotContain(Code(With("Trump has not commented on the attack on the judge.", [new("Trump", "USAELI"), new("the judge", "USAJUD")])),
            e => e.Root == "19");
        Assert.DoesNotContain(Code(With("The company said it would not comment on the discussions with Russia.", [new("The company", "ZAFBUS"), new("Russia", "RUS")])),
            e => e.Root == "04");
        // A verb that carries the noun still gives its agent.
        Assert.Contains("RUS 190 UKR", Dyads("Russia launched an attack on Ukraine on Monday.", [new("Russia", "RUS"), new("Ukraine", "UKR")]));
    }

    [Fact]
    public void Each_member_of_a_pair_over_the_same_words_is_a_target()
    {
        var events = Dyads("Angola has hosted several rounds of talks between the two neighbours since 2022.",
            [new("Angola", "AGO"), new("the two neighbours", "COD"), new("the two neighbours", "RWA")]);
        Assert.Equal(["AGO 043 COD", "AGO 043 RWA"], events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_relative_clause_s_object_is_the_noun_it_is_on()
    {
        // "the drones that Iran sent to Russia": the relative pronoun stands for the drones, so the arms pattern applies.
        Assert.Equal(["IRN 072 RUS"], Dyads("Ukrainian officials displayed the drones that Iran sent to Russia last year.",
            [new("Ukrainian officials", "UKRGOV"), new("Iran", "IRN"), new("Russia", "RUS")]));
    }

    [Fact]
    public void A_clause_of_until_is_no_target()
    {
        var events = Code(With("Ethnic Albanians have sworn to fight until they gain control of villages near the border with Bulgaria.",
            [new("Ethnic Albanians", "MKD"), new("Bulgaria", "BGR")]));
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Target?.Code == "BGR");
    }

    [Fact]
    public void A_verb_is_not_searched_for_an_actor_as_if_it_were_a_noun_phrase()
    {
        // The fallback took the Saudi weekly from inside "deliver" (the parser hung ", a Saudi weekly reports" on it).
        var events = Dyads("Al-Qaeda has threatened to deliver devastating blows to the United States and Israel, a Saudi weekly reports.",
            [new("Al-Qaeda", "IMGMUS"), new("the United States", "USA"), new("Israel", "ISR"), new("Saudi", "SAU")]);
        Assert.Equal(["IMGMUS 130 ISR", "IMGMUS 130 USA"], events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sentence_without_actors_codes_nothing()
    {
        Assert.Empty(Code(With("The missile test came just hours later.", [])));
    }

    /// <summary>
    /// From fundus pages: "supported art exhibitions in France" had France supported, and a brewer who "bought the building
    /// in Hammond" had bought it from the United States. Where the object of support or trade lies is not whom; a place
    /// acted on still is the target of force.
    /// </summary>
    [Fact]
    public void Where_the_object_of_support_or_trade_lies_is_no_target()
    {
        Assert.Equal(["FRABUS 051 -"], Dyads("The billionaire's company has also supported more than 60 major art exhibitions in France and across the globe, in addition to supporting various renovations at the Château de Versailles.",
            [new("The billionaire's company", "FRABUS"), new("France", "FRA")]));
        Assert.Empty(Dyads("In 2014, the year RateBeer deemed him the best new brewer in Indiana, he bought the building in Hammond and moved his brewing operations there.",
            [new("he", "USABUS", Kind: ActorKind.Person)], [("Hammond", "USA")]));
        Assert.Contains("RUSMIL 194 UKR", Dyads("Russian forces shelled villages in Kharkiv on Monday.",
            [new("Russian forces", "RUSMIL")], [("Kharkiv", "UKR")]));
    }

    /// <summary>
    /// From fundus pages: meeting someone's pleas is answering them ("Johnson met the Democrats' pleas to approve Ukraine
    /// funding with a renewed push" is no meeting with Ukraine), and the plea is the Democrats', so Johnson approves nothing;
    /// financial statements are accounts, not statements.
    /// </summary>
    [Fact]
    public void Meeting_pleas_and_financial_statements_are_no_events()
    {
        Assert.Empty(Dyads("Johnson met the Democrats' pleas to approve Ukraine funding with a renewed push on border security.",
            [new("Johnson", "USALEG", Kind: ActorKind.Person), new("Ukraine", "UKR")]));
        Assert.Empty(Dyads("The court said his financial statements show a lower wealth.", [new("his", "USAELI", Kind: ActorKind.Person)]));
        // the controls: a meeting and a statement
        Assert.Contains("USAGOV 044 CHNGOV", Dyads("Biden met Xi in San Francisco on Wednesday.",
            [new("Biden", "USAGOV", Kind: ActorKind.Person), new("Xi", "CHNGOV", Kind: ActorKind.Person)]));
        Assert.Contains("USAGOV 010 -", Dyads("Biden said in a statement that the talks went well.", [new("Biden", "USAGOV", Kind: ActorKind.Person)]));
    }

    /// <summary>
    /// From a fundus page: "he said he would discuss concrete steps to minimise harm to civilians in Gaza" was an intent to
    /// consult Gaza's civilians. Talk one means to have with no partner named is speech, as with talk that happened.
    /// </summary>
    [Fact]
    public void An_intent_to_discuss_needs_a_partner()
    {
        Assert.Empty(Dyads("Blinken said he would discuss concrete steps to minimise harm to civilians in Gaza.",
            [new("Blinken", "USAGOV", Kind: ActorKind.Person), new("he", "USAGOV", Chain: 0, Kind: ActorKind.Person), new("civilians in Gaza", "PSECVL")]));
        Assert.Contains("USAGOV 036 CHNGOV", Dyads("Blinken said he would discuss trade with Chinese officials next week.",
            [new("Blinken", "USAGOV", Kind: ActorKind.Person), new("he", "USAGOV", Chain: 0, Kind: ActorKind.Person), new("Chinese officials", "CHNGOV")]));
    }

    /// <summary>
    /// From a UD article: "promised to help us and cooperate with us on curbing terrorist activity by the Taliban" had the
    /// Taliban as the partner. A partner named by a pronoun the actor layer left unresolved is still the partner.
    /// </summary>
    [Fact]
    public void A_partner_named_by_an_unresolved_pronoun_is_no_one_else()
    {
        Assert.Equal(["PAKGOV 060 -"], Dyads("President Musharraf cooperated with us on curbing terrorist activity by the Taliban.",
            [new("President Musharraf", "PAKGOV", Kind: ActorKind.Person), new("the Taliban", "AFGINS")]));
        Assert.Contains("PAKGOV 060 AFGGOV", Dyads("President Musharraf cooperated with Kabul on curbing terrorist activity by the Taliban.",
            [new("President Musharraf", "PAKGOV", Kind: ActorKind.Person), new("Kabul", "AFGGOV"), new("the Taliban", "AFGINS")]));
    }

    /// <summary>From a UD article: "denied a request of the Debaathification Commission" is the commission's request, not the denier's.</summary>
    [Fact]
    public void A_request_of_someone_is_theirs()
    {
        var events = Dyads("The electoral commission on Friday denied a request of the Debaathification Commission to exclude 51 candidates.",
            [new("The electoral commission", "IRQGOV"), new("the Debaathification Commission", "IRQJUD")]);
        Assert.DoesNotContain(events, d => d.StartsWith("IRQGOV 020", StringComparison.Ordinal));
        Assert.Contains(events, d => d.StartsWith("IRQJUD 020", StringComparison.Ordinal));
    }

    /// <summary>
    /// From a fundus page: "Cameron Brooksbank was 17-years-old when he was attacked in the street in Rochdale" was coded as
    /// military force (190). One person attacked by no one named, without weapons of war, was assaulted (182).
    /// </summary>
    [Fact]
    public void One_person_attacked_by_no_one_named_was_assaulted()
    {
        Assert.Equal(["- 182 GBR"], Dyads("Cameron Brooksbank was 17-years-old when he was attacked in the street in Rochdale in October 2017.",
            [], [("Rochdale", "GBR")]));
        // the controls: soldiers attacked, and a person attacked by a named armed group
        Assert.Contains(Dyads("He was attacked by militants with rockets near Kandahar.", [new("militants", "AFGREB")], [("Kandahar", "AFG")]),
            d => d.Contains(" 190 ", StringComparison.Ordinal));
    }

    /// <summary>
    /// A demand that someone act is made of them: "their demand that the president resign" targets the president, however
    /// the parser hung the clause, and the resignation is only demanded.
    /// </summary>
    [Fact]
    public void A_demand_that_someone_act_targets_them()
    {
        // the resignation is what is demanded, not an event of its own
        Assert.Equal(["VENOPP 100 VENGOV"], Dyads("The protesters repeated their demand that the president resign immediately.",
            [new("The protesters", "VENOPP"), new("their", "VENOPP", Chain: 0), new("the president", "VENGOV", Kind: ActorKind.Person)]));
    }

    /// <summary>
    /// From the PLOVER dev set: "launched artillery, mortar, and rocket fire against Kampuchean guerrilla camps …, killing or
    /// wounding 50" coded the wounding again. A participle coordinated with one that continues the event continues it too.
    /// </summary>
    [Fact]
    public void A_participle_coordinated_with_a_continuing_one_is_the_same_event()
    {
        var events = Dyads("Vietnamese forces launched artillery fire against guerrilla camps near the Thai border today, killing or wounding 50.",
            [new("Vietnamese forces", "VNMMIL")]);
        Assert.Single(events);
    }
    /// <summary>
    /// From TimeBank and AQUAINT wire stories on the 1998 embassy bombings: where violence happened is not who did it.
    /// "The attacks … at the U.S. embassies in Nairobi, Kenya, … killed 257 people" had Kenya and Tanzania as killers, and
    /// "the Kenya embassy bombing" was Kenya's bombing.
    /// </summary>
    [Fact]
    public void Where_violence_happened_is_not_who_did_it()
    {
        var attacks = Dyads("The almost simultaneous attacks Aug. 7 at the U.S. embassies in Nairobi, Kenya, and Dar es Salaam, Tanzania, killed 257 people and injured more than 5,500.",
            [new("U.S.", "USA"), new("Nairobi", "KEN"), new("Kenya", "KEN"), new("Dar es Salaam", "TZAGOV"), new("Tanzania", "TZA"), new("257 people", "KENCVL", Kind: ActorKind.Agent)]);
        Assert.Equal(["- 1823 KENCVL"], attacks);
        Assert.Empty(Dyads("Ten American victims of the Kenya embassy bombing were brought back by the secretary of state.",
            [new("American", "USA"), new("Kenya", "KEN")]));
        // the control: who attacked, named before the noun, stays the source
        Assert.Contains("RUS 1823 UKRCVL", Dyads("Russian attacks in Kharkiv killed 20 civilians on Monday.",
            [new("Russian", "RUS"), new("Kharkiv", "UKR"), new("20 civilians", "UKRCVL", Kind: ActorKind.Agent)]));
    }

    /// <summary>
    /// From a TimeBank story on Cuba: "In Cuba, meanwhile, tens of thousands of people rallied", with "In Cuba" hung on
    /// "tens", made Cuba the protester. A modifier with a preposition before its noun is the clause's, not the noun's.
    /// </summary>
    [Fact]
    public void A_fronted_place_is_not_part_of_the_subject()
    {
        var events = Dyads("In Cuba, meanwhile, tens of thousands of people rallied in a seaside plaza Friday night to demand his return.",
            [new("Cuba", "CUB"), new("people", "CUBCVL", Kind: ActorKind.Agent)]);
        Assert.Equal(["CUBCVL 141 -"], events);
    }

    /// <summary>
    /// From AQUAINT and TimeBank stories: "the deadly U.S. Embassy blasts in Kenya", tagged as a verb, were criticism of Kenya;
    /// "Its stock has been trading under $4" was trade; "after shooting skeet" was a shooting; "Spitzer attacked him for
    /// failing to enforce a court order" was an assault.
    /// </summary>
    [Fact]
    public void Explosions_market_trading_sport_and_blame_are_read_as_such()
    {
        Assert.DoesNotContain(Dyads("A man was arrested in connection with last year's deadly U.S. Embassy blasts in Kenya and Tanzania.",
            [new("U.S.", "USA"), new("Kenya", "KEN"), new("Tanzania", "TZA")]), d => d.Contains(" 111 ", StringComparison.Ordinal));
        Assert.Empty(Dyads("Its stock, which was as high as $18.75 a share, has been trading under $4 a share recently.", [new("Its", "USABUS")]));
        Assert.Empty(Dyads("Men drinking beer with friends after shooting skeet at the Buffalo Shooting Club said their feelings were mixed.", []));
        Assert.Equal(["- 111 USAJUD"], Dyads("In Sunday's debate, Spitzer attacked him for failing to enforce a court order in 1992.",
            [new("him", "USAJUD", Kind: ActorKind.Person)]));
        // the controls: criticism with an object, and trade between actors
        Assert.Contains("USAGOV 111 CHN", Dyads("The president blasted China for its trade practices.", [new("The president", "USAGOV", Kind: ActorKind.Person), new("China", "CHN")]));
    }

    /// <summary>
    /// From AQUAINT stories: "The police … allowed them to demonstrate" made the police the protesters; "Of those killed, 11
    /// were killed in Tanzania" was two killings; "the Bin Laden investigation" was Bin Laden's.
    /// </summary>
    [Fact]
    public void Who_acts_in_a_complement_a_partitive_and_a_named_investigation()
    {
        Assert.Equal(["TURCVL 141 -"], Dyads("The police barred the crowd from reaching the consulate, but allowed them to demonstrate on nearby streets.",
            [new("The police", "TURCOP", Kind: ActorKind.Agent), new("the crowd", "TURCVL", Kind: ActorKind.Agent), new("them", "TURCVL", Chain: 1, Kind: ActorKind.Agent)]));
        Assert.Single(Dyads("Of those killed, 11 were killed in Tanzania.", [new("Tanzania", "TZA")]));
        Assert.DoesNotContain(Dyads("Six suspects in the Bin Laden investigation are known to be in custody.",
            [new("Bin Laden", "IMGMUS", Kind: ActorKind.Person)]), d => d.StartsWith("IMGMUS", StringComparison.Ordinal));
    }
    /// <summary>
    /// From the PLOVER dev set, once "its troops" took Syria's country from "its": the troops withdrawn became the target of
    /// "willing to withdraw its troops from neighboring Lebanon". Forces withdrawn are the withdrawer's own.
    /// </summary>
    [Fact]
    public void The_forces_withdrawn_are_not_the_target()
    {
        var events = Dyads("Syria says it is willing to withdraw its troops from neighboring Lebanon, after fifteen years of effective military occupation.",
            [new("Syria", "SYR"), new("it", "SYR", Chain: 0), new("its", "SYR", Chain: 0), new("troops", "SYRMIL", Kind: ActorKind.Agent), new("Lebanon", "LBN")]);
        Assert.Equal(["SYR 0356 LBN"], events);
    }
    /// <summary>
    /// From WikiWars: "with 95 US soldiers killed along with approximately 1,350 insurgents" made the soldiers the killers of
    /// the insurgents, and "send its troops to assist the Palestinians", once "its troops" had Iran's country, targeted the
    /// troops. An absolute participle is passive; the forces sent are the sender's own.
    /// </summary>
    [Fact]
    public void Absolute_participles_are_passive_and_forces_sent_are_one_s_own()
    {
        Assert.Equal(["- 1823 USAMIL"], Dyads("The 46-day battle resulted in a victory for the coalition, with 95 US soldiers killed along with approximately 1,350 insurgents.",
            [new("95 US soldiers", "USAMIL", Kind: ActorKind.Agent), new("1,350 insurgents", "USAINS", Kind: ActorKind.Agent)]));
        Assert.Equal(["IRN 154 PSE"], Dyads("Iran should send its troops to assist the Palestinians.",
            [new("Iran", "IRN"), new("its", "IRN", Chain: 0), new("troops", "IRNMIL", Kind: ActorKind.Agent), new("Palestinians", "PSE")]));
        // nor are aircraft withdrawn ("Saddam Hussein withdrew his fighter aircraft")
        Assert.DoesNotContain(Dyads("Under heavy international pressure, Saddam Hussein withdrew his fighter aircraft.",
            [new("Saddam Hussein", "IRQGOV", Kind: ActorKind.Person), new("fighter aircraft", "IRQMIL", Kind: ActorKind.Agent)]), d => d.EndsWith("IRQMIL", StringComparison.Ordinal));
    }
    /// <summary>
    /// From AQUAINT stories: "a British mine removal expert kidnapped and presumed killed by Khmer Rouge guerrillas" made the
    /// expert the killer, and "the laws of the Netherlands Antilles … don't provide for merger transactions" was aid denied.
    /// A participle with a passive agent is passive wherever it hangs; providing nothing named is no aid.
    /// </summary>
    [Fact]
    public void A_participle_with_an_agent_is_passive_and_providing_for_is_no_aid()
    {
        Assert.Contains("KHMREB 1823 GBR", Dyads("He has sent a team to recover the remains of a British mine removal expert kidnapped and presumed killed by Khmer Rouge guerrillas almost two years ago.",
            [new("British", "GBR"), new("Khmer Rouge guerrillas", "KHMREB", Kind: ActorKind.Group)]));
        Assert.Empty(Dyads("The laws of the Netherlands Antilles don't provide for merger transactions.", [new("Netherlands Antilles", "NLD")]));
        // the control: aid named
        Assert.Contains("USA 070 UKR", Dyads("The United States provided aid to Ukraine.", [new("The United States", "USA"), new("Ukraine", "UKR")]));
    }
    /// <summary>
    /// From a TimeBank story: "While state-run television broadcast footage of Cuban exiles protesting …, the Cuban
    /// government urged its people", parsed with "footage" as a second subject of "urged", coded the appeal twice, once
    /// from the exiles' "Cuban". Where the parser folds a subordinate clause into the verb, the subject after the comma is
    /// the verb's.
    /// </summary>
    [Fact]
    public void A_subject_folded_in_from_a_while_clause_is_not_the_verb_s()
    {
        var events = Dyads("While state-run television broadcast footage of Cuban exiles protesting in Miami against the repatriation of Elian Gonzalez, the Cuban government urged its people to keep up their own demonstrations.",
            [new("Cuban", "CUB"), new("the Cuban government", "CUBGOV", Kind: ActorKind.Agent), new("people", "CUBCVL", Kind: ActorKind.Agent)]);
        Assert.Equal(["CUBGOV 020 CUBCVL"], events);
    }
    /// <summary>
    /// From AQUAINT stories: "The FBI continues to receive threats from individuals with ties to Bin Laden" made the FBI
    /// the one threatening, and "Iraq imports about three-quarters of its foodstuffs" was trade. What one receives is
    /// someone else's; trade with no partner named is an economy described.
    /// </summary>
    [Fact]
    public void Threats_received_are_others_and_trade_needs_a_partner()
    {
        Assert.DoesNotContain(Dyads("The FBI continues to receive threats from individuals and organizations with ties to Bin Laden, Freeh said.",
            [new("The FBI", "USACOP", Kind: ActorKind.Agent), new("Bin Laden", "IMGMUS", Kind: ActorKind.Person)]), d => d.StartsWith("USACOP 13", StringComparison.Ordinal));
        Assert.Empty(Dyads("Iraq imports about three-quarters of its foodstuffs.", [new("Iraq", "IRQ")]));
        // a request or criticism one denies or dismisses is someone else's too ("Reno denied the request" had Reno asking)
        Assert.DoesNotContain(Dyads("Reno denied the request, but the great-uncle didn't back down.", [new("Reno", "USAGOV", Kind: ActorKind.Person)]),
            d => d.StartsWith("USAGOV 02", StringComparison.Ordinal));
        // the controls: trade with a partner, and criticism drawn from someone named
        Assert.Contains("IRQ 061 TUR", Dyads("Iraq imports wheat from Turkey.", [new("Iraq", "IRQ"), new("Turkey", "TUR")]));
        Assert.Contains("GBRENV 111 GBRGOV", Dyads("Rishi Sunak's administration had drawn heavy criticism from environmentalists for backing deep-sea mining.",
            [new("Rishi Sunak's administration", "GBRGOV", Kind: ActorKind.Agent), new("environmentalists", "GBRENV", Kind: ActorKind.Agent)]));
    }

    /// <summary>
    /// From AQUAINT stories: "bombings at U.S. embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, … killed 258
    /// people" had Tanzania and Kenya killing (the parser made "in" a clause marker and Dar es Salaam the subject);
    /// "Libya, which brought the case … in its dispute with the United States and Britain, hailed the ruling" had Britain
    /// hailed (the relative clause parsed as a complement); "the two leaders pledged to consult each other … on relations
    /// with NATO" had NATO consulted.
    /// </summary>
    [Fact]
    public void Misparsed_prepositions_and_relative_clauses_and_each_other_are_read_as_such()
    {
        var killed = Dyads("Nearly simultaneous bombings at U.S. embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, on Aug. 7 killed 258 people, including 12 Americans.",
            [new("U.S.", "USA"), new("Tanzania", "TZA"), new("Kenya", "KEN"), new("12 Americans", "USA")]);
        Assert.DoesNotContain(killed, d => d.StartsWith("TZA", StringComparison.Ordinal) || d.StartsWith("KEN", StringComparison.Ordinal));
        // the control: "of" before a subject the parser gave the verb is a subject's genitive ("resumption of U.S. bombing")
        Assert.Contains("USA 195 VNM", Dyads("Schlesinger stated that he would recommend resumption of U.S. bombing in North Vietnam if North Vietnam launched a major offensive.",
            [new("U.S.", "USA"), new("North Vietnam", "VNM"), new("North Vietnam", "VNM", Occurrence: 1)]));
        var hailed = Dyads("Libya, which brought the case to the United Nations' highest judicial body in its dispute with the United States and Britain, hailed the ruling.",
            [new("Libya", "LBY"), new("the United States", "USA"), new("Britain", "GBR")]);
        Assert.Equal(["LBY 051 -"], hailed.Where(d => d.Contains(" 051", StringComparison.Ordinal)));
        Assert.Equal(["RUSGOV 036 UKRGOV", "UKRGOV 036 RUSGOV"],
            Dyads("Putin and Kuchma pledged to consult each other regularly on their approaches to relations with NATO.",
                [new("Putin", "RUSGOV", Kind: ActorKind.Person), new("Kuchma", "UKRGOV", Kind: ActorKind.Person), new("NATO", "IGOWSTNAT")]).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// From the WikiWars histories: "Graziani requested permission from Mussolini to bomb Haile Selassie's train" was a
    /// request for arms, "Brigadier General Richard Montgomery marched north … with about 1,700 militiamen" a
    /// demonstration, and "The United Nations Command, supported by the United States, … signed" had the UN supporting
    /// the US (the parser made the participle the sentence's verb, with the Command as its subject); so had "the security
    /// police killed in a friendly fire incident by US troops" the police killing the troops.
    /// </summary>
    [Fact]
    public void Permission_to_bomb_a_commander_s_march_and_a_misread_reduced_passive_are_read_as_such()
    {
        Assert.DoesNotContain(Dyads("On May 2, Graziani requested permission from Mussolini to bomb the train.",
            [new("Graziani", "ITAMIL", Kind: ActorKind.Person), new("Mussolini", "ITAGOV", Kind: ActorKind.Person)]), d => d.Contains(" 0232", StringComparison.Ordinal));
        Assert.Contains("RUS 0232 IRN", Dyads("Russia requested weapons from Iran to fight Ukraine.", [new("Russia", "RUS"), new("Iran", "IRN"), new("Ukraine", "UKR")]));
        Assert.Empty(Dyads("On September 28, 1775, Brigadier General Richard Montgomery marched north from Fort Ticonderoga with about 1,700 militiamen.",
            [new("Brigadier General Richard Montgomery", "USAMIL", Kind: ActorKind.Person)]));
        Assert.Contains("SRB 141 SRBGOV", Dyads("Thousands of Serbs marched against the government in Belgrade.",
            [new("Serbs", "SRB"), new("the government", "SRBGOV", Kind: ActorKind.Agent)]));
        Assert.Contains("USA 051 IGOUNO", Dyads("The United Nations Command, supported by the United States, signed the Armistice Agreement.",
            [new("The United Nations Command", "IGOUNO"), new("the United States", "USA")]));
        Assert.DoesNotContain(Dyads("The United Nations Command, supported by the United States, signed the Armistice Agreement.",
            [new("The United Nations Command", "IGOUNO"), new("the United States", "USA")]), d => d.StartsWith("IGOUNO 051", StringComparison.Ordinal));
        // from a WikiWars history: the victims counted or left are no killers ("counted … civilians killed" had the civilians
        // killing, the parser having made "killed" a finite complement)
        Assert.Equal(["- 1823 IRQCVL"], Dyads("The New York Times counted more than 450 Iraqi civilians killed during the same 28-day period.",
            [new("The New York Times", "USAMED", Kind: ActorKind.Media), new("Iraqi civilians", "IRQCVL", Kind: ActorKind.Agent)]));
        // a PLOVER dev record: the object the parser made a bare oblique is still the object
        Assert.Contains("ISRMIL 173 PSE", Dyads("Israeli soldiers arrested more than 100 Palestinians on Saturday in a security sweep of the Hebron area, military sources said.",
            [new("Israeli soldiers", "ISRMIL", Kind: ActorKind.Agent), new("Palestinians", "PSE")]));
        Assert.Contains("IRQMIL 1823 IRQREB", Dyads("Officials said Iraqi troops killed 20 rebels.",
            [new("Iraqi troops", "IRQMIL", Kind: ActorKind.Agent), new("20 rebels", "IRQREB", Kind: ActorKind.Agent)]));
        // from a UD article, with the by-phrase hung on the oblique before it
        Assert.Equal(["USAMIL 1823 IRQCOP"], Dyads("The 12 members of the security police killed in a friendly fire incident by US troops were buried on Saturday.",
            [new("the security police", "IRQCOP", Kind: ActorKind.Agent), new("US troops", "USAMIL", Kind: ActorKind.Agent)]));
    }

    /// <summary>
    /// From TimeBank and AQUAINT stories: "Clinton said in a written statement issued from Berlin" was a statement to
    /// Germany, and "a statement read on Cuban television" one to the Cuban media. A statement's target is only whom it
    /// is to, on or about, or with (`path-target`), never another actor its phrase names.
    /// </summary>
    [Fact]
    public void A_statement_is_addressed_to_no_one_its_phrase_merely_names()
    {
        Assert.Equal(["USAGOV 010 -"], Dyads("\"This is a case about family,\" Clinton said in a written statement issued from Berlin.",
            [new("Clinton", "USAGOV", Kind: ActorKind.Person), new("Berlin", "DEUGOV")]).Where(d => d.Contains(" 010 ", StringComparison.Ordinal)));
        Assert.Equal(["CUBGOV 010 -"], Dyads("In a statement read on Cuban television, Castro's government expressed its displeasure.",
            [new("Cuban television", "CUBMED", Kind: ActorKind.Media), new("Castro's government", "CUBGOV", Kind: ActorKind.Agent)]).Where(d => d.Contains(" 010 ", StringComparison.Ordinal)));
        // the control: a statement with someone
        Assert.Contains("IND 010 AUSGOV", Dyads("In a joint statement with Tourism Minister Andrew Thomson, India said two new flights would leave Bombay on Monday.",
            [new("Tourism Minister Andrew Thomson", "AUSGOV", Kind: ActorKind.Person), new("India", "IND")]));
    }

    /// <summary>
    /// From an AQUAINT story: Poland's foreign minister saying "We should keep the door of the alliance open" was a demand
    /// on NATO. What "we" or "I" must do is the speaker's own resolve.
    /// </summary>
    [Fact]
    public void What_we_must_do_is_no_demand()
    {
        Assert.DoesNotContain(Dyads("Polish Foreign Minister Bronislaw Geremek said, \"We should keep the door of the alliance open for those who have fought for freedom.\"",
            [new("Polish Foreign Minister Bronislaw Geremek", "POLGOV", Kind: ActorKind.Person), new("We", "IGOWSTNAT", Kind: ActorKind.Organization)]),
            d => d.Contains(" 100 ", StringComparison.Ordinal));
        Assert.Contains("POL 100 RUS", Dyads("Poland said Russia must withdraw its troops.", [new("Poland", "POL"), new("Russia", "RUS")]));
    }

    /// <summary>
    /// From an AQUAINT story: "a ceremonial accession would still be held at the NATO Washington summit" was a meeting of
    /// NATO with the US government, both ways. A capital named before a noun of meeting is where it is held.
    /// </summary>
    [Fact]
    public void A_capital_before_a_summit_is_its_venue()
    {
        var events = Dyads("He added that a ceremonial accession would still be held at the NATO Washington summit on April 24 and 25.",
            [new("NATO", "IGOWSTNAT", Kind: ActorKind.Organization), new("Washington", "USAGOV", Resolution: "metonymy")]);
        Assert.DoesNotContain(events, d => d.Contains("USAGOV", StringComparison.Ordinal));
        // the control: the capital as a doer
        Assert.Contains("USAGOV 044 IGOWSTNAT", Dyads("Washington met NATO on Monday.",
            [new("Washington", "USAGOV", Resolution: "metonymy"), new("NATO", "IGOWSTNAT", Kind: ActorKind.Organization)]));
    }

    /// <summary>
    /// From TimeBank stories: "Clinton ordered an assessment of what it would cost" was a demand, and "decreased demand
    /// for American exports" too. Ordering a study and a market's demand are no demands on anyone.
    /// </summary>
    [Fact]
    public void Ordering_a_study_and_a_market_s_demand_are_no_demands()
    {
        Assert.Empty(Dyads("Clinton ordered an assessment of what it would cost to rebuild the embassies.", [new("Clinton", "USAGOV", Kind: ActorKind.Person)]));
        Assert.Empty(Dyads("And the weakness of the Asian economies is also likely to lead to decreased demand for American exports.", [new("Asian", "ASA"), new("American", "USA")]));
        Assert.Contains("USAGOV 100 -", Dyads("Clinton ordered an immediate halt to the strikes.", [new("Clinton", "USAGOV", Kind: ActorKind.Person)]));
    }
}
