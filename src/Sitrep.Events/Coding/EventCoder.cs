using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Core;
using Sitrep.Events.Codebook;
using Sitrep.Events.Patterns;
using Sitrep.Nlp;
using Sitrep.Time;

namespace Sitrep.Events.Coding;

/// <summary>
/// Codes the events of a parsed, actor-linked document with the verb and noun patterns: finds triggers, picks the
/// most specific pattern, fills source and target from the dependency paths and the actor mentions (one event per
/// member of a compound), and adds date, place, modality, attribution and evidence. Deterministic: events are
/// numbered e1, e2 … in text order.
/// </summary>
public sealed class EventCoder
{
    /// <summary>
    /// The version of the coder's and attribution analyser's own rules, recorded after the patterns' sha256 in every
    /// record's <c>sitrep.models.events</c>: bump it whenever the code codes the same text differently, so that
    /// <c>sitrep reprocess</c> finds the documents an older coder analysed.
    /// </summary>
    public const string Version = "coder/11";

    private readonly PatternSet _patterns;
    private readonly IClaimAnalyzer _claims;

    public EventCoder(PatternSet patterns, IClaimAnalyzer? claims = null)
    {
        _patterns = patterns;
        _claims = claims ?? new Attribution.ClaimAnalyzer();
    }

    public PatternSet Patterns => _patterns;

    private sealed record Match(int Trigger, EventPattern Pattern, List<int> Consumed)
    {
        /// <summary>The CAMEO code, after the intent shift (a cooperative event promised rather than done).</summary>
        public string Code { get; set; } = Pattern.Code;
    }

    private readonly record struct Party(EventParticipant Participant, TextSpan Span, int Key);

    private sealed record Draft(int Trigger, int Sentence, EventPattern Pattern, string Code, Party? Source, Party? Target)
    {
        public string Id { get; set; } = "";
        public Modality Modality { get; set; }
        public ImmutableArray<AttributionLink> Attribution { get; set; } = [];
        public List<string> Links { get; } = [];
    }

    public ImmutableArray<CodedEvent> Code(Document document)
    {
        var text = document.Text.Text;
        var tokens = document.Get(NlpLayers.Tokens);
        var sentences = document.Get(NlpLayers.Sentences);
        var actors = document.GetOrDefault(ActorLayers.Actors) ?? [];
        var places = document.GetOrDefault(ActorLayers.Places) ?? [];
        var timexes = document.Has(TimeLayers.Timexes) ? document.Get(TimeLayers.Timexes) : [];
        var v = new DependencyView(text, tokens);
        var mentions = new MentionIndex(tokens, sentences, actors, places, timexes);

        var drafts = new List<Draft>();
        for (var s = 0; s < sentences.Length; s++)
        {
            var matches = FindMatches(v, sentences[s]);
            foreach (var m in matches) AddDrafts(v, mentions, s, m, drafts);
        }
        drafts.Sort((a, b) =>
        {
            var c = v[a.Trigger].Span.Start.CompareTo(v[b.Trigger].Span.Start);
            if (c != 0) return c;
            c = (a.Source?.Span.Start ?? -1).CompareTo(b.Source?.Span.Start ?? -1);
            if (c != 0) return c;
            c = (a.Target?.Span.Start ?? -1).CompareTo(b.Target?.Span.Start ?? -1);
            return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        });
        // one trigger coding the same dyad twice (two mentions of the same actor: "Washington along with its allies") is one event
        for (var i = drafts.Count - 1; i > 0; i--)
            for (var j = i - 1; j >= 0 && drafts[j].Trigger == drafts[i].Trigger; j--)
                if (drafts[j].Code == drafts[i].Code && drafts[j].Source?.Participant.Code == drafts[i].Source?.Participant.Code
                    && drafts[j].Target?.Participant.Code == drafts[i].Target?.Participant.Code)
                {
                    drafts.RemoveAt(i);
                    break;
                }
        // "Of those killed, 11 were killed in Tanzania": a participle on "those" names the victims of an event the sentence
        // codes with its own verb
        drafts.RemoveAll(d => v[d.Trigger].Xpos == "VBN" && d.Trigger >= 2 && v.Lower(d.Trigger - 1) == "those" && v.Lower(d.Trigger - 2) is "of" or "among"
            && drafts.Exists(o => o != d && o.Sentence == d.Sentence && o.Code == d.Code && o.Trigger != d.Trigger));
        // "When did we beat Japan at anything?", "China aims to beat the United States to the moon": a country named is
        // beaten in a contest, not assaulted (182 is an assault on people: "beat up Palestinian detainees" stays).
        drafts.RemoveAll(d => d.Code == "182" && v.Lemma(d.Trigger) == "beat" && d.Target is { Key: >= 0 } t && mentions.Actors[t.Key] is { Kind: ActorKind.State, Code.Length: 3 } country
            && country.HeadToken >= 0 && v.Upos(country.HeadToken) == "PROPN" && !HasParticle(v, d.Trigger, "up"));
        // "I'm going to focus on beating Joe Biden", "she can beat him in November": a politician beaten by nobody named or
        // by another politician, or a politician beating nobody named, is an election ("police beat opposition leader
        // Kizza Besigye" keeps its police).
        drafts.RemoveAll(d => d.Code == "182" && v.Lemma(d.Trigger) == "beat" && !HasParticle(v, d.Trigger, "up")
            && (IsPolitician(mentions, d.Target) ? d.Source is null || IsPolitician(mentions, d.Source) : d.Target is null && IsPolitician(mentions, d.Source)));
        // "Trump, at his rally 10 miles away": a politician's rally is a campaign's, not a protest; "it beats a biopsy at
        // detecting cancers": beating with no one beaten is no assault.
        drafts.RemoveAll(d => d.Code == "141" && v.Upos(d.Trigger) == "NOUN" && v.Lemma(d.Trigger) == "rally" && IsPolitician(mentions, d.Source));
        drafts.RemoveAll(d => d.Code == "182" && v.Lemma(d.Trigger) == "beat" && d.Target is null);
        // "I abolished that agency that she's talking about", "Starmer talks big about growth", "India has talked peace":
        // one actor talking or discussing with no partner named is speech, not a consultation. A group consults among
        // itself ("the ministers also discussed the situation").
        // A partner is named with "with" or "to", or is one of the subjects ("X and Y discussed"); a target found elsewhere
        // ("the tough love she was talking about was the energy … at Congress") is none.
        // The same holds for an intent to talk ("he will discuss the urgent need to pass …", 036 after the intent shift).
        drafts.RemoveAll(d => d.Code is "040" or "036" && v.Upos(d.Trigger) == "VERB" && v.Lemma(d.Trigger) is "talk" or "discuss"
            && (d.Target is null
                ? !(d.Source is { Key: >= 0 } s && mentions.Actors[s.Key].HeadToken is var h && h >= 0 && (v[h].Xpos is "NNS" or "NNPS" || v.Lower(h) is "they" or "we"))
                : !HasPartnerPhrase(v, d.Trigger) && !(d.Target is { Key: >= 0 } t && IsSubjectConjunct(v, mentions.Actors[t.Key].HeadToken, d.Trigger))));
        for (var i = 0; i < drafts.Count; i++) drafts[i].Id = "e" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var d in drafts)
        {
            var claim = _claims.Analyze(document, d.Trigger);
            d.Modality = claim.Modality;
            d.Attribution = claim.Attribution;
        }
        LinkDenials(v, drafts, PreviousParagraphStarts(text, sentences));

        var result = ImmutableArray.CreateBuilder<CodedEvent>(drafts.Count);
        foreach (var d in drafts)
        {
            var code = _patterns.Codebook[IsVerbalAttack(v, mentions, d) ? "111" : IsStateBombing(mentions, d) ? "195" : IsPersonalAssault(v, mentions, d) ? "182" : d.Code];
            var clauseHead = v.ClauseHead(d.Trigger);
            var clause = v.ClauseTokens(clauseHead);
            var spans = ImmutableArray.CreateBuilder<TextSpan>();
            if (d.Source is { } src) spans.Add(src.Span);
            if (d.Target is { } tgt) spans.Add(tgt.Span);
            result.Add(new CodedEvent(
                d.Id, code.Code, code.Root, code.QuadClass, code.Goldstein,
                new PloverCoding(code.PloverType ?? "", code.PloverMode, code.PloverContext),
                d.Source?.Participant, d.Target?.Participant,
                DateOf(document, v, timexes, mentions.TimexesIn(d.Sentence), clause, d.Trigger),
                PlaceOf(v, mentions, clause, d),
                d.Modality, d.Attribution,
                new EventEvidence(d.Sentence, TriggerSpan(v, d.Trigger, d.Pattern), spans.ToImmutable()),
                d.Pattern.Rule)
            { Links = [.. d.Links] });
        }
        return result.MoveToImmutable();
    }

    private List<Match> FindMatches(DependencyView v, Sentence sentence)
    {
        var matches = new List<Match>();
        // Sports coverage: "batters helped India rout Sri Lanka", "Sri Lankan batters are fighting the battle of their survival".
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            if (v.Is(t, _patterns.SportsWords)) return matches;
        var headline = IsTitleCase(v, sentence);
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            var upos = v.Upos(t);
            // a participle with a determiner is a noun ("evacuated the wounded"), not a verb event; a present participle
            // before its noun is an adjective ("probing questions", "the ruling party")
            if (upos == "VERB" && HasDeterminer(v, t)) continue;
            if (upos == "VERB" && v.Deprel(t) == "amod" && v[t].Xpos == "VBG" && v.Head(t) > t) continue;
            // "Mr Trump's alleged mishandling", "the reported attack", "a suspected militant": a participle of report before
            // its noun qualifies the noun; nobody alleges or reports anything in it
            // (also where the parser misreads "Mr Trump's alleged mishandling" as a clause: a possessive, then the participle, then a noun)
            if (upos == "VERB" && v.Lemma(t) is "allege" or "report" or "suspect" or "purport" or "rumor" or "rumour"
                && (v.Deprel(t) == "amod" && v.Head(t) > t || t > 0 && v[t - 1].Xpos == "POS" && t + 1 < v.Count && v.Upos(t + 1) == "NOUN")) continue;
            // a verb phrase quoted as a noun's modifier names a stance, not an event: the "bomb Iraq" crowd
            if (upos == "VERB" && v.Deprel(t) == "compound" && v.Head(t) > t && v.Upos(v.Head(t)) is "NOUN" or "PROPN") continue;
            // the second half of a hyphenated word is no word of its own ("strong-arm India" arms nobody), after a prefix it is
            // ("re-arm", "counter-attack")
            if (IsCompoundSecondHalf(v, t)) continue;
            // "…, as the recent article by Daniel Okrent demonstrates.": a comment clause that shows, not a demonstration
            if (upos == "VERB" && v.Lemma(t) == "demonstrate" && IsAsCommentClause(v, sentence, t)) continue;
            // "it had blown up" (went viral), "the bomb blew up.": nothing named after the particle, nothing destroyed
            if (upos == "VERB" && v.Lemma(t) == "blow" && t + 2 < sentence.FirstToken + sentence.TokenCount && v.Lower(t + 1) == "up"
                && v.Upos(t + 2) == "PUNCT" && !HasChild(v, t, "obj")) continue;
            if (upos is "NOUN" or "PROPN" && !headline && IsInsideName(v, sentence, t)) continue;
            // providing nothing named is no aid: laws that "don't provide for merger transactions" allow
            if (upos == "VERB" && v.Lemma(t) == "provide" && ProvidesForOnly(v, t)) continue;
            var candidates = upos switch
            {
                "VERB" => _patterns.VerbPatterns(v.Lemma(t)),
                "NOUN" or "PROPN" => _patterns.NounPatterns(v.Lemma(t)),
                _ => [],
            };
            // The lemmatizer sometimes errs on rarer verbs ("traded" → "trad"): try the regular stems of the form.
            if (candidates.IsEmpty && upos is "VERB" or "NOUN")
                foreach (var stem in Stems(v.Lower(t)))
                {
                    candidates = upos == "VERB" ? _patterns.VerbPatterns(stem) : _patterns.NounPatterns(stem);
                    if (!candidates.IsEmpty) break;
                }
            Match? best = null;
            foreach (var p in candidates)
            {
                if (p.Particle is { } prt && !HasParticle(v, t, prt)) continue;
                var consumed = new List<int>();
                var ok = true;
                foreach (var c in p.Conditions)
                {
                    var holds = PathResolver.Holds(v, t, c, c.Negative ? [] : consumed);
                    if (holds == c.Negative) { ok = false; break; }
                }
                if (!ok) continue;
                if (best is null || Better(p, best.Pattern)) best = new Match(t, p, consumed);
            }
            if (best is not null) matches.Add(best);
        }
        // A token that completed another pattern's condition ("held talks", "seeking weapons") is not a trigger itself.
        // When a verb and its noun each complete the other's condition ("imposed a curfew": impose +obj~curfew and
        // curfew +head=impose), the verb codes the event.
        var used = new Dictionary<int, List<Match>>();
        foreach (var m in matches)
            foreach (var c in m.Consumed)
            {
                // a function word that completed a condition ("must", "will") stands for the verb it belongs to
                var t = ConsumedToken(v, c);
                if (t == m.Trigger) continue;
                if (!used.TryGetValue(t, out var by)) used[t] = by = [];
                by.Add(m);
            }
        if (used.Count > 0)
            matches.RemoveAll(m => used.TryGetValue(m.Trigger, out var by)
                && by.Any(n => !(m.Pattern.Kind == TriggerKind.Verb && n.Pattern.Kind == TriggerKind.Noun && n.Consumed.Any(c => ConsumedToken(v, c) == m.Trigger)
                    && m.Consumed.Any(c => ConsumedToken(v, c) == n.Trigger))));
        // A nominal event inside a verbal event of the same root is the same event told twice ("flew a bomber … in a
        // show of force", "took delivery of an arms shipment").
        matches.RemoveAll(n => n.Pattern.Kind == TriggerKind.Noun && matches.Any(m =>
            m.Pattern.Kind == TriggerKind.Verb && m.Pattern.Code[..2] == n.Pattern.Code[..2] && SameClauseBelow(v, m.Trigger, n.Trigger)));
        // A war, occupation or genocide named in passing ("covered Israel's war on Gaza", "support for Netanyahu's war",
        // "the American occupation of Iraq") is the story's background, told again in every article: it codes only as
        // its clause's subject ("Israel's war on Gaza has killed …") or what a verb starts, wages or ends.
        matches.RemoveAll(m => m.Pattern.Kind == TriggerKind.Noun && StateNouns.Contains(v.Lemma(m.Trigger)) && !Foregrounded(v, m.Trigger));
        // What is requested, demanded, threatened, rejected or alleged is not itself an event: the governing verb is.
        matches.RemoveAll(m => matches.Any(g => g != m && Governs(g.Pattern.Code) && UnderComplement(v, g.Trigger, m.Trigger)));
        ShiftIntents(v, matches);
        ShiftThreats(v, matches);
        DropSubordinate(v, matches);
        return matches;
    }

    /// <summary>
    /// Prepositions of concurrence: an event noun under them is an event of its own ("called on X during his visit").
    /// Earlier events named as background ("after a demonstration", "since last month's invasion") are not coded again.
    /// </summary>
    private static readonly HashSet<string> CircumstancePrepositions = new(StringComparer.Ordinal)
    { "during", "while" };

    private static readonly HashSet<string> SubordinateMarkers = new(StringComparer.Ordinal)
    { "to", "if", "unless", "until", "before", "so" };

    /// <summary>
    /// A sentence reports one event and its circumstances; these are not coded again as events of their own:
    /// the purpose or condition of another event ("began a hunger strike to protest", "will boycott … unless the
    /// president agrees", "used tear gas to disperse"); a participle clause that continues an event of the same
    /// PLOVER type ("shelled Juba, killing 20"); and an event noun that is the object or topic of another event
    /// ("blamed Israel for the bombing", "rejected an Australian ultimatum") or its background ("after a
    /// demonstration"), though not one that happens alongside it ("during his visit").
    /// </summary>
    private void DropSubordinate(DependencyView v, List<Match> matches)
    {
        if (matches.Count < 2) return;
        var triggers = new Dictionary<int, Match>();
        foreach (var m in matches) triggers[m.Trigger] = m;
        var drop = new HashSet<Match>();
        // the event a token stands for: its own, or that of its object noun ("started a hunger strike to protest")
        Match? Governing(int a, Match m)
        {
            if (triggers.TryGetValue(a, out var g) && g != m && !drop.Contains(g)) return g;
            if (v.Upos(a) is not "VERB") return null;
            foreach (var c in v.Children(a))
                if (v.Deprel(c) == "obj" && triggers.TryGetValue(c, out var n) && n != m && !drop.Contains(n)) return n;
            return null;
        }
        foreach (var m in matches)
        {
            var d = v.Deprel(m.Trigger);
            var h = v.Head(m.Trigger);
            if (h < 0) continue;
            // "launched artillery fire against guerrilla camps, killing or wounding 50": a participle coordinated with one
            // that continues the event continues it too
            if (m.Pattern.Kind == TriggerKind.Verb && d == "conj" && v.Lower(m.Trigger).EndsWith("ing", StringComparison.Ordinal)
                && v.Deprel(h) == "advcl" && MarkerOf(v, h) is null && v.Lower(h).EndsWith("ing", StringComparison.Ordinal)
                && v.Head(h) is var hh && hh >= 0 && Governing(hh, m) is { } governing && PloverType(governing.Code) is { } pt && pt == PloverType(m.Code))
            {
                drop.Add(m);
                continue;
            }
            // "repeated their demand that the president resign", with the clause hung on the verb: what is demanded or
            // appealed for is not an event of its own
            if (m.Pattern.Kind == TriggerKind.Verb && d == "ccomp" && MarkerOf(v, m.Trigger) == "that" && Governing(h, m) is { } asked
                && asked.Pattern.Kind == TriggerKind.Noun && asked.Code.Length >= 2 && asked.Code[..2] is "02" or "10")
            {
                drop.Add(m);
                continue;
            }
            if (m.Pattern.Kind == TriggerKind.Verb && d is "advcl" or "acl" or "acl:relcl" or "advcl:relcl")
            {
                var marker = MarkerOf(v, m.Trigger);
                // a relative clause or participle on a noun of another event is background ("Montenegro, where 28
                // people have been killed", "demonstrators protesting election results")
                var background = d is "acl:relcl" or "advcl:relcl" || (d == "acl" && marker is null);
                if (background || (marker is not null && SubordinateMarkers.Contains(marker)))
                {
                    // the governing event is the head, or the verb whose object or oblique the head is
                    for (int a = h, k = 0; a >= 0 && k < 3; a = v.Head(a), k++)
                        if (Governing(a, m) is not null) { drop.Add(m); break; }
                    continue;
                }
                if (marker is null && d == "advcl" && v.Lower(m.Trigger).EndsWith("ing", StringComparison.Ordinal)
                    && Governing(h, m) is { } gov && PloverType(gov.Code) is { } gt && gt == PloverType(m.Code))
                    drop.Add(m);
                continue;
            }
            if (m.Pattern.Kind != TriggerKind.Noun) continue;
            var x = m.Trigger;
            for (var k = 0; k < 6; k++)
            {
                var hx = v.Head(x);
                if (hx < 0) break;
                var dx = v.Deprel(x);
                if (dx is "nsubj" or "csubj" or "parataxis" or "acl:relcl" or "advcl:relcl" or "conj" or "appos" or "list") break;
                if ((dx.StartsWith("obl", StringComparison.Ordinal) || dx.StartsWith("nmod", StringComparison.Ordinal))
                    && v.Preposition(x) is { } prep && CircumstancePrepositions.Contains(prep)) break;
                if (Governing(hx, m) is { } g && !g.Code.StartsWith("01", StringComparison.Ordinal))
                {
                    drop.Add(m);
                    break;
                }
                x = hx;
            }
        }
        if (drop.Count > 0) matches.RemoveAll(drop.Contains);
    }

    private string? PloverType(string code) => _patterns.Codebook.TryGet(code, out var c) ? c.PloverType : null;

    private static int ConsumedToken(DependencyView v, int c) =>
        v.Deprel(c) is "aux" or "mark" or "advmod" or "det" or "case" && v.Head(c) >= 0 ? v.Head(c) : c;

    /// <summary>
    /// A capitalized noun after a capitalized word inside a sentence is part of a name ("the European Green Deal",
    /// "Asia-Pacific Economic Cooperation", "the Paris Agreement"): it names a treaty, body or programme, not an event.
    /// </summary>
    private static bool IsInsideName(DependencyView v, Sentence sentence, int t)
    {
        if (t <= sentence.FirstToken || !v.Capitalized(t) || !v.Capitalized(t - 1)) return false;
        return v.Upos(t - 1) is "PROPN" || (t - 1 > sentence.FirstToken && v.Upos(t - 1) is "ADJ" or "NOUN");
    }

    /// <summary>A headline in title case ("Israel Launches New Attack on Gaza"): capitals there do not mark names.</summary>
    private static bool IsTitleCase(DependencyView v, Sentence sentence)
    {
        int words = 0, capitals = 0;
        for (var t = sentence.FirstToken + 1; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            var w = v.Lower(t);
            if (w.Length == 0 || !char.IsLetter(w[0])) continue;
            words++;
            if (v.Capitalized(t)) capitals++;
        }
        return words >= 2 && capitals * 2 > words;
    }

    private static readonly HashSet<string> StateNouns = new(StringComparer.Ordinal)
    { "war", "occupation", "invasion", "genocide" };

    private static readonly HashSet<string> OnsetVerbs = new(StringComparer.Ordinal)
    { "launch", "begin", "start", "wage", "declare", "escalate", "intensify", "expand", "end", "stop", "halt", "continue", "resume", "commit", "carry" };

    private static bool Foregrounded(DependencyView v, int noun)
    {
        var rel = v.Deprel(noun);
        if (rel.StartsWith("nsubj", StringComparison.Ordinal)) return true;
        var h = v.Head(noun);
        return rel.StartsWith("obj", StringComparison.Ordinal) && h >= 0 && OnsetVerbs.Contains(v.Lemma(h));
    }

    private static bool HasDeterminer(DependencyView v, int t)
    {
        foreach (var c in v.Children(t)) if (v.Deprel(c) == "det" && c < t) return true;
        return false;
    }

    private static bool Governs(string code) =>
        code.StartsWith("02", StringComparison.Ordinal) || code.StartsWith("10", StringComparison.Ordinal) || code.StartsWith("11", StringComparison.Ordinal)
        || code.StartsWith("12", StringComparison.Ordinal) || code.StartsWith("13", StringComparison.Ordinal) || code == "016";

    /// <summary>Whether <paramref name="t"/> sits in a complement clause (ccomp, xcomp, to-infinitive) of <paramref name="head"/>, at most three clauses down.</summary>
    private static bool UnderComplement(DependencyView v, int head, int t)
    {
        var clauses = 0;
        for (var guard = 0; guard < 24 && t >= 0; guard++)
        {
            var h = v.Head(t);
            if (h < 0) return false;
            var d = v.Deprel(t);
            if (d is "ccomp" or "xcomp" or "acl" || (d == "advcl" && v.Lower(t) != "" && HasToMarker(v, t))) clauses++;
            else if (v.IsClauseBoundary(t)) return false;
            if (h == head) return clauses > 0;
            if (clauses > 3) return false;
            t = h;
        }
        return false;
    }

    private static bool HasToMarker(DependencyView v, int t)
    {
        foreach (var c in v.Children(t)) if (v.Deprel(c) == "mark" && v.Lemma(c) == "to") return true;
        return false;
    }

    private static readonly HashSet<string> ThreatVerbs = new(StringComparer.Ordinal)
    { "threaten", "vow", "swear", "warn", "pledge", "promise", "vowed" };

    /// <summary>
    /// Conflictual events (roots 14-20) announced for the future ("will withdraw … unless", "would blockade", "vowed
    /// to fight") are threats, coded as their CAMEO 13 counterpart, as CAMEO and PLOVER direct.
    /// </summary>
    private static void ShiftThreats(DependencyView v, List<Match> matches)
    {
        var heads = new HashSet<int>();
        foreach (var m in matches)
        {
            var root = int.Parse(m.Code[..2], System.Globalization.CultureInfo.InvariantCulture);
            if (root < 14) continue;
            int? head = null;
            foreach (var c in v.Children(m.Trigger))
                if (v.Deprel(c) == "aux" && v.Lemma(c) is "will" or "would" or "shall" or "'ll") head = -1;
            if (head is null && v.Deprel(m.Trigger) == "xcomp" && v.Head(m.Trigger) >= 0 && ThreatVerbs.Contains(v.Lemma(v.Head(m.Trigger)))) head = v.Head(m.Trigger);
            if (head is null) continue;
            m.Code = ThreatCode(m.Code);
            if (head >= 0) heads.Add(head.Value);
        }
        matches.RemoveAll(m => (m.Pattern.Code.StartsWith("13", StringComparison.Ordinal) || m.Pattern.Code.StartsWith("03", StringComparison.Ordinal)) && heads.Contains(m.Trigger));
    }

    /// <summary>The CAMEO 13 code that threatens a conflictual event of roots 14-20.</summary>
    internal static string ThreatCode(string code) => code switch
    {
        _ when code.StartsWith("14", StringComparison.Ordinal) => "133",
        _ when code.StartsWith("15", StringComparison.Ordinal) => "138",
        "160" or "161" => "1313",
        _ when code.StartsWith("162", StringComparison.Ordinal) => "1311",
        "163" => "1312", "164" => "134", "165" => "135",
        _ when code.StartsWith("166", StringComparison.Ordinal) => "136",
        "1721" => "1321", "1722" => "1322", "1723" => "1323", "1724" => "1324",
        _ when code.StartsWith("172", StringComparison.Ordinal) || code is "173" or "174" => "132",
        "175" => "137",
        _ when code.StartsWith("17", StringComparison.Ordinal) => "130",
        "191" => "1381", "192" => "1382",
        _ when code.StartsWith("19", StringComparison.Ordinal) => "1384",
        _ when code.StartsWith("204", StringComparison.Ordinal) => "1385",
        _ => "1383",
    };

    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal)
    { "agree", "offer", "promise", "pledge", "vow", "commit", "plan", "intend", "prepare", "decide", "undertake", "volunteer" };
    private static readonly HashSet<string> IntentAdjectives = new(StringComparer.Ordinal)
    { "willing", "ready", "prepared", "committed", "eager" };

    /// <summary>
    /// Cooperative events (roots 04-08) that are promised, offered, agreed to or in the future tense ("will visit",
    /// "agreed to allow humanitarian access", "is willing to withdraw") are coded as their CAMEO 03 counterpart,
    /// EXPRESS INTENT TO COOPERATE, as CAMEO and PLOVER direct; the intent verb itself then codes nothing more.
    /// </summary>
    private static void ShiftIntents(DependencyView v, List<Match> matches)
    {
        var intentHeads = new HashSet<int>();
        foreach (var m in matches)
        {
            var root = m.Code[..2];
            if (root is not ("04" or "05" or "06" or "07" or "08")) continue;
            var intentHead = IntentHead(v, m.Trigger);
            if (intentHead is null) continue;
            m.Code = IntentCode(m.Code);
            if (intentHead >= 0) intentHeads.Add(intentHead.Value);
        }
        matches.RemoveAll(m => m.Pattern.Code.StartsWith("03", StringComparison.Ordinal) && intentHeads.Contains(m.Trigger));
    }

    /// <summary>Null when the trigger is not under an intent; else the intent verb's token (or -1 for "will"/"would").</summary>
    private static int? IntentHead(DependencyView v, int t)
    {
        foreach (var c in v.Children(t))
            if (v.Deprel(c) == "aux" && v.Lemma(c) is "will" or "would" or "shall" or "'ll") return -1;
        var cur = t;
        for (var guard = 0; guard < 3; guard++)
        {
            if (v.Deprel(cur) != "xcomp" || v.Head(cur) < 0) return null;
            var h = v.Head(cur);
            if (IntentVerbs.Contains(v.Lemma(h)) || IntentAdjectives.Contains(v.Lemma(h))) return h;
            cur = h;
        }
        return null;
    }

    /// <summary>The CAMEO 03 code that expresses intent to do a cooperative event of roots 04-08.</summary>
    internal static string IntentCode(string code) => code switch
    {
        _ when code.StartsWith("04", StringComparison.Ordinal) => "036",
        "057" => "030",
        _ when code.StartsWith("05", StringComparison.Ordinal) => "032",
        "061" => "0311", "062" => "0312", "063" => "0313", "064" => "0314",
        _ when code.StartsWith("06", StringComparison.Ordinal) => "031",
        "071" => "0331", "072" => "0332", "073" => "0333", "074" => "0334",
        _ when code.StartsWith("07", StringComparison.Ordinal) => "033",
        "0831" => "0341", "0832" => "0342", "0833" => "0343", "0834" => "0344",
        _ when code.StartsWith("083", StringComparison.Ordinal) => "034",
        _ when code.StartsWith("081", StringComparison.Ordinal) => "0351",
        "082" => "0352",
        _ when code.StartsWith("084", StringComparison.Ordinal) => "0353",
        "085" => "0354",
        _ when code.StartsWith("086", StringComparison.Ordinal) => "0355",
        _ when code.StartsWith("087", StringComparison.Ordinal) => "0356",
        _ => "035",
    };

    private static bool SameClauseBelow(DependencyView v, int verb, int t)
    {
        for (var guard = 0; guard < 32 && t >= 0; guard++)
        {
            var h = v.Head(t);
            if (h == verb) return !v.IsClauseBoundary(t);
            if (h < 0 || v.IsClauseBoundary(t)) return false;
            t = h;
        }
        return false;
    }

    private static IEnumerable<string> Stems(string form)
    {
        yield return form;
        if (form.EndsWith("ied", StringComparison.Ordinal)) yield return form[..^3] + "y";
        if (form.EndsWith("ed", StringComparison.Ordinal)) { yield return form[..^1]; yield return form[..^2]; }
        if (form.EndsWith("ing", StringComparison.Ordinal)) { yield return form[..^3]; yield return form[..^3] + "e"; }
        if (form.EndsWith("es", StringComparison.Ordinal)) yield return form[..^2];
        if (form.EndsWith('s')) yield return form[..^1];
    }

    private static bool Better(EventPattern p, EventPattern q)
    {
        if (p.Specificity != q.Specificity) return p.Specificity > q.Specificity;
        return p.Code.Length > q.Code.Length;
    }

    private static readonly HashSet<string> ArmedSectors = new(StringComparer.Ordinal) { "MIL", "REB", "INS", "UAF", "COP", "SPY", "CRM", "SEP" };

    private static readonly HashSet<string> WeaponWords = new(StringComparer.Ordinal)
    {
        "gun", "guns", "gunfire", "knife", "knives", "axe", "machete", "rifle", "pistol", "bomb", "bombs", "missile", "missiles", "rocket",
        "rockets", "drone", "drones", "grenade", "grenades", "weapon", "weapons", "shell", "shells", "artillery", "airstrike", "airstrikes",
        "shot", "shots", "stab", "stabbed", "troops", "forces", "army", "militants", "gunmen",
    };

    /// <summary>
    /// "Ramaswamy attacked Haley over her support for Ukraine", "Trump attacked CNN", "an attack from Ramaswamy": a person
    /// attacking another person or the press, with no weapon in the clause and no armed sector, attacks with words: CAMEO
    /// 111 (criticize or denounce), not 190. A state or an armed group stays 190, and so does "Putin attacked Ukraine".
    /// </summary>
    private static bool IsVerbalAttack(DependencyView v, MentionIndex mentions, Draft d)
    {
        // the noun too: "She also fended off an attack from Ramaswamy comparing her to Dick Cheney"
        if (d.Code != "190" || v.Upos(d.Trigger) is not ("VERB" or "NOUN") || v.Lemma(d.Trigger) != "attack") return false;
        // "Spitzer attacked him for failing to enforce a court order": blamed for something done or not done, with no
        // weapon in the clause, the one attacked is criticized, whoever attacks
        if (v.Upos(d.Trigger) == "VERB" && BlamedForDoing(v, d.Trigger) && !(d.Target is { Key: >= 0 } armed
            && mentions.Actors[armed.Key].Sector is { } armedSector && ArmedSectors.Contains(armedSector)) && !HasWeaponWord(v, d.Trigger))
            return true;
        // "they used that time to attack Trump directly": with no source named, a politician attacked without weapons is
        // attacked in words too.
        if (d.Source is null && !IsPolitician(mentions, d.Target)) return false;
        // an attack noun is in words only with a person attacked or words said in it ("an attack from Ramaswamy comparing
        // her to Dick Cheney"); "Saddam Hussein was involved in the 11 September attacks" is no criticism
        if (v.Upos(d.Trigger) == "NOUN" && (d.Source is null || !IsPolitician(mentions, d.Target) && !HasSpeechParticiple(v, d.Trigger))) return false;
        if (d.Source is { } s && (s.Key < 0 || mentions.Actors[s.Key] is not { Kind: ActorKind.Person } source
            || source.Sector is { } sector && ArmedSectors.Contains(sector))) return false;
        if (d.Target is { } t && (t.Key < 0 || mentions.Actors[t.Key].Kind is not (ActorKind.Person or ActorKind.Media))) return false;
        if (d.Target is { Key: >= 0 } tp && mentions.Actors[tp.Key].Sector is { } ts && ArmedSectors.Contains(ts)) return false;
        return !HasWeaponWord(v, d.Trigger);
    }

    private static bool HasWeaponWord(DependencyView v, int trigger)
    {
        foreach (var k in v.ClauseTokens(v.ClauseHead(trigger)))
            if (WeaponWords.Contains(v.Lower(k))) return true;
        return false;
    }

    private static bool BlamedForDoing(DependencyView v, int verb)
    {
        foreach (var c in v.Children(verb))
            if (v.Deprel(c) is "advcl" or "obl" && v[c].Xpos == "VBG" && c > 0 && v.Lower(c - 1) == "for") return true;
        return false;
    }

    /// <summary>
    /// "Cameron Brooksbank was 17 when he was attacked in the street in Rochdale": one person attacked by no one named, with
    /// no armed actor or weapon of war in the clause, was assaulted (182), not struck with military force (190).
    /// </summary>
    private static bool IsPersonalAssault(DependencyView v, MentionIndex mentions, Draft d)
    {
        if (d.Code != "190" || d.Source is not null || v.Upos(d.Trigger) != "VERB" || v.Lemma(d.Trigger) != "attack") return false;
        var victim = -1;
        foreach (var c in v.Children(d.Trigger))
            if (v.IsPassive(d.Trigger) ? v.Deprel(c) == "nsubj:pass" : v.Deprel(c) == "obj") victim = c;
        if (victim < 0 || !(v.Lower(victim) is "he" or "she" or "him" or "her" || v.Lemma(victim) is "man" or "woman" or "boy" or "girl" or "teenager" or "student")) return false;
        if (d.Target is { Key: >= 0 } t && mentions.Actors[t.Key].Sector is { } ts && ArmedSectors.Contains(ts)) return false;
        foreach (var k in v.ClauseTokens(v.ClauseHead(d.Trigger)))
            if (WarWords.Contains(v.Lower(k))) return false;
        return true;
    }

    /// <summary>Weapons and forces of war: an attack with them is force, whoever it struck (a knife or an axe is not one).</summary>
    private static readonly HashSet<string> WarWords = new(StringComparer.Ordinal)
    {
        "bomb", "bombs", "missile", "missiles", "rocket", "rockets", "drone", "drones", "grenade", "grenades", "shell", "shells", "artillery",
        "airstrike", "airstrikes", "troops", "forces", "army", "militants", "gunmen", "soldiers", "insurgents", "rebels",
    };

    /// <summary>
    /// "the Gaza refugee camp bombed by Israel", "stopped the bombing of North Vietnam": a bombing by a state, its government
    /// or its military is an air or artillery attack (CAMEO 195, employ aerial weapons), not the non-military bombing of
    /// 183, which stays for armed groups, militants and the unnamed.
    /// </summary>
    private static bool IsStateBombing(MentionIndex mentions, Draft d) =>
        d.Code == "183" && d.Source is { Key: >= 0 } s && mentions.Actors[s.Key] is var source
        && (source.Kind == ActorKind.State || source.Sector is "GOV" or "MIL");

    private static bool HasSpeechParticiple(DependencyView v, int noun)
    {
        foreach (var c in v.Children(noun))
            if (v.Deprel(c) == "acl" && v.Upos(c) == "VERB" && SpeechParticiples.Contains(v.Lemma(c))) return true;
        return false;
    }

    private static readonly HashSet<string> SpeechParticiples = new(StringComparer.Ordinal)
    { "compare", "call", "say", "accuse", "label", "brand", "describe", "claim", "suggest", "question", "mock", "liken", "dismiss", "deride", "blame", "charge" };

    private static readonly HashSet<string> TreatyNouns = new(StringComparer.Ordinal)
    { "protocol", "accord", "accords", "agreement", "agreements", "treaty", "convention", "conventions", "declaration", "communique", "charter", "process", "format", "formula", "plan", "pact" };

    private static bool NamesATreaty(DependencyView v, int place) =>
        v.Deprel(place) is "compound" or "nmod:poss" && v.Head(place) is var h && h > place && TreatyNouns.Contains(v.Lemma(h));

    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.Ordinal)
    { "re", "co", "counter", "pre", "de", "un", "over", "under", "out", "cross", "mis", "non", "anti", "inter", "self", "ex", "test" };

    /// <summary>"as X demonstrates" ending its clause: the clause opens with "as" after a comma or at the sentence's start,
    /// has no other verb, and ends right after the verb.</summary>
    private static bool IsAsCommentClause(DependencyView v, Sentence sentence, int t)
    {
        int end = sentence.FirstToken + sentence.TokenCount;
        if (t + 1 < end && v.Upos(t + 1) != "PUNCT") return false;
        for (var k = t - 1; k >= sentence.FirstToken; k--)
        {
            if (v.Lower(k) is "," or ";" or ":" or "(" or "\u2014") return k + 1 < t && v.Lower(k + 1) == "as";
            if (v.Upos(k) is "VERB" or "AUX") return false;
            if (k == sentence.FirstToken) return v.Lower(k) == "as";
        }
        return false;
    }

    private static bool IsCompoundSecondHalf(DependencyView v, int t)
    {
        if (t < 2 || v.Lower(t - 1) is not ("-" or "\u2010" or "\u2011")) return false;
        if (v[t - 1].Span.End != v[t].Span.Start || v[t - 2].Span.End != v[t - 1].Span.Start || v[t - 2].Sentence != v[t].Sentence) return false;
        return !HyphenPrefixes.Contains(v.Lower(t - 2));
    }

    private static bool HasPartnerPhrase(DependencyView v, int trigger)
    {
        foreach (var c in v.Children(trigger))
        {
            if (v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) is "with" or "to") return true;
            // "discussing further coordination with Washington": the partner hangs from the topic
            if (v.Deprel(c) == "obj")
                foreach (var g in v.Children(c))
                    if (v.Deprel(g).StartsWith("nmod", StringComparison.Ordinal) && v.Preposition(g) == "with") return true;
        }
        return false;
    }

    /// <summary>Whether a token is the trigger's subject or coordinated with it ("Putin and Kim discussed").</summary>
    private static bool IsSubjectConjunct(DependencyView v, int token, int trigger)
    {
        for (int t = token, k = 0; t >= 0 && k < 4; t = v.Head(t), k++)
        {
            if (v.Head(t) == trigger && v.Deprel(t).StartsWith("nsubj", StringComparison.Ordinal)) return true;
            if (v.Deprel(t) != "conj") return false;
        }
        return false;
    }

    /// <summary>The trigger's object when it is a personal pronoun ("accused her"), else -1.</summary>
    private static int PersonalPronounObject(DependencyView v, int trigger)
    {
        foreach (var c in v.Children(trigger))
        {
            if (v.Deprel(c) is "obj" or "iobj" && v.Upos(c) == "PRON" && v.Lower(c) is "him" or "her" or "them" or "me" or "us" or "you") return c;
            // "he was invited by Deng Xiaoping to return to China": the passive subject is the one acted on
            if (v.Deprel(c) == "nsubj:pass" && v.Upos(c) == "PRON" && v.Lower(c) is "he" or "she" or "they" or "i" or "we" or "you") return c;
        }
        return -1;
    }

    /// <summary>
    /// "President Musharraf promised to help us and cooperate with us on curbing terrorist activity by the Taliban": the
    /// partner is named by a pronoun the actor layer left unresolved, and no one else in the phrase stands in for it.
    /// </summary>
    private static bool PronounPartner(DependencyView v, MentionIndex mentions, int trigger)
    {
        foreach (var c in v.Children(trigger))
            if (v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) == "with" && v.Upos(c) == "PRON"
                && v.Lower(c) is "him" or "her" or "them" or "me" or "us" or "you" && mentions.ActorAt(c) is null)
                return true;
        return false;
    }

    /// <summary>
    /// "Holden is endorsed by the county party, several local and state leaders": the one acted on is named, by a name the
    /// actor layer does not know. Someone else in the phrase does not stand in for them.
    /// </summary>
    private static bool UnknownNamedObject(DependencyView v, MentionIndex mentions, int trigger)
    {
        if (v.Upos(trigger) is not "VERB") return false;
        var passive = v.IsPassive(trigger);
        foreach (var c in v.Children(trigger))
            if ((passive ? v.Deprel(c) == "nsubj:pass" : v.Deprel(c) is "obj" or "iobj") && v.Upos(c) == "PROPN" && v.Capitalized(c)
                && mentions.ActorAt(c) is null && mentions.PlaceAt(c) is null)
                return true;
        return false;
    }

    /// <summary>A person holding, seeking or having held political office (elite, government, legislature, opposition, party).</summary>
    private static bool IsPolitician(MentionIndex mentions, Party? p) =>
        p is { Key: >= 0 } x && mentions.Actors[x.Key] is { Kind: ActorKind.Person, Sector: "ELI" or "GOV" or "LEG" or "OPP" or "PTY" };

    private static bool HasParticle(DependencyView v, int t, string particle)
    {
        // A particle follows its verb: "Over the years, authorities have taken halfway measures" takes nothing over.
        foreach (var c in v.Children(t))
            if (c > t && v.Deprel(c) is "compound:prt" or "advmod" or "obl" or "case" && v.Lemma(c) == particle) return true;
        // the parser sometimes hangs the particle elsewhere ("handed over 700 kg"): the word right after the verb
        if (t + 1 < v.Count && v.Lemma(t + 1) == particle && v.Upos(t + 1) is "ADP" or "ADV" or "PART") return true;
        // "call on X": the particle is parsed as the case of the oblique
        foreach (var c in v.Children(t))
            if (c > t && v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) == particle) return true;
        return false;
    }

    private static TextSpan TriggerSpan(DependencyView v, int t, EventPattern p) => v[t].Span;

    private static void AddDrafts(DependencyView v, MentionIndex mentions, int sentence, Match m, List<Draft> drafts)
    {
        var p = m.Pattern;
        var sources = Parties(v, mentions, m.Trigger, p.Source, allowPlace: false, source: true);
        // "X said it will boycott …", "X announced that it has called off …": a pronoun subject the actor layer left
        // unresolved is the speaker of the reporting verb the clause is the complement of.
        if (sources.Count == 0 && !p.Source.IsEmpty && SubjectIsPronoun(v, m.Trigger, p.Source) && ReportingVerb(v, m.Trigger) is { } rv)
            sources = Parties(v, mentions, rv, NsubjPath, allowPlace: false);
        // "The co-founders of Donald Trump's media venture sued him": a plain pronoun object never stands for its own clause's
        // subject (that is "himself"), so a source that is the pronoun's referent was found in the wrong place.
        if (PersonalPronounObject(v, m.Trigger) is var objectPronoun && objectPronoun >= 0 && mentions.ActorAt(objectPronoun) is { } pronounActor)
            sources.RemoveAll(s => s.Participant.Actor is { } sa && sa != pronounActor && mentions.Actors[sa].Chain == mentions.Actors[pronounActor].Chain);
        var targets = Parties(v, mentions, m.Trigger, p.Target, allowPlace: true);
        // "supported more than 60 art exhibitions in France", "bought the building in Hammond": support and cooperation act on
        // someone, and where their object lies is not whom (force is: "shelled villages in Kharkiv")
        var byLocation = !m.Code.StartsWith("05", StringComparison.Ordinal) && !m.Code.StartsWith("06", StringComparison.Ordinal);
        if (!byLocation) targets.RemoveAll(t => LocatedObject(v, mentions, t, m.Trigger));
        // The parser often misplaces the object ("arrested more than 100 Palestinians" as an oblique, "demanded that
        // the US cancel" with "that" as the object): a pattern that takes a target then takes the first actor of the
        // event's own phrase instead.
        // a target path that reaches only the source itself ("demanded that its partners …" → "its") has found no target
        // (the same code counts as the source itself: "the two neighbours fought … which Azerbaijan" is no AZE→AZE event)
        // a place in the sources' own country is where they acted at home ("Biden will visit Brownsville, Texas"), as in
        // FallbackTargets
        if (sources.Count > 0) targets.RemoveAll(t => t.Key < 0 && sources.TrueForAll(s => s.Participant.Country is { } sc && sc == t.Participant.Country));
        if (targets.Count > 0 && sources.Count > 0 && targets.TrueForAll(t => sources.Any(s => SameActor(mentions.Actors, s, t) || SameCode(mentions.Actors, s, t)))) targets = [];
        // A person named by a pronoun the actor layer left unresolved ("he accused her of calling China a great friend")
        // is still the one acted on: no other actor of the phrase stands in for them.
        // Resolved to the source's own code ("he accused her", both USAELI) it is no target either, and still no one else.
        var pronounObject = PersonalPronounObject(v, m.Trigger);
        var pronounStandsAlone = pronounObject >= 0 && (mentions.ActorAt(pronounObject) is not { } po
            || sources.Exists(s => s.Participant.Code == mentions.Actors[po].Code));
        // A passive subject pronoun ("he was attacked in the street in Rochdale") still takes the country of where it happened,
        // as an unnamed citizen; no actor of the sentence stands in for him ("he was invited by Deng Xiaoping to return to China").
        var passivePronoun = pronounStandsAlone && v.Deprel(pronounObject) == "nsubj:pass";
        // "the two leaders pledged to consult each other … on relations with NATO": the one acted on is each of them, not
        // another actor of the phrase
        var eachOther = targets.Count == 0 && ReciprocalObject(v, m.Trigger);
        if (targets.Count == 0 && !p.Target.IsEmpty && ((p.Flags & PatternFlags.Reciprocal) == 0 || sources.Count < 2) && (!pronounStandsAlone || passivePronoun)
            && !eachOther && (p.Flags & PatternFlags.PathTargetOnly) == 0
            && !UnknownNamedObject(v, mentions, m.Trigger) && !PronounPartner(v, mentions, m.Trigger))
        {
            targets = FallbackTargets(v, mentions, m.Trigger, sources, byLocation);
            if (passivePronoun) targets.RemoveAll(t => t.Key >= 0);
            // A denial's target is its accuser; an actor of the denier's own country inside the denied claim ("rejected
            // suggestions that Moscow was involved", "dismissed suggestions that Russian forces might …") is what was
            // said about the denier, not who said it.
            if ((p.Flags & PatternFlags.Denial) != 0)
                targets.RemoveAll(t => t.Participant.Country is { } tc && sources.Exists(s => s.Participant.Country == tc));
        }
        // A target that is the source itself ("Russia and North Korea met") is no target.
        // Reciprocal events code each member of a compound source towards the others ("Putin and Kim traded
        // letters"); with a named target the event runs from the source to it as usual.
        if (((p.Flags & PatternFlags.Reciprocal) != 0 || eachOther) && targets.Count == 0)
        {
            var all = sources;
            if (all.Count >= 2)
            {
                foreach (var a in all)
                    foreach (var b in all)
                        if (a.Key != b.Key && !SameActor(mentions.Actors, a, b) && !SameCode(mentions.Actors, a, b)) drafts.Add(new Draft(m.Trigger, sentence, p, m.Code, a, b));
                return;
            }
        }
        if (targets.Count == 0 && (p.Flags & PatternFlags.NeedsTarget) != 0) return;
        if (sources.Count == 0)
        {
            if ((p.Flags & PatternFlags.TargetOnly) == 0 || targets.Count == 0) return;
            foreach (var t in targets) drafts.Add(new Draft(m.Trigger, sentence, p, m.Code, null, t));
            return;
        }
        foreach (var s in sources)
        {
            var any = false;
            foreach (var t in targets)
            {
                if (SameActor(mentions.Actors, s, t) || SameCode(mentions.Actors, s, t)) continue;
                drafts.Add(new Draft(m.Trigger, sentence, p, m.Code, s, t));
                any = true;
            }
            if (!any && (p.Flags & PatternFlags.NeedsTarget) == 0) drafts.Add(new Draft(m.Trigger, sentence, p, m.Code, s, null));
        }
    }

    /// <summary>
    /// Whether an event from one party to the other would be a self-dyad event data cannot use: the same code with a
    /// sector (a government meeting itself), or a country that is a member of a pair ("the two neighbours fought … which
    /// Azerbaijan"). A country to itself stays: domestic events are coded so (PLOVER's "Nigerians protest … fundamentalists"
    /// is NGA to NGA).
    /// </summary>
    private static bool SameCode(ActorMention[] actors, Party a, Party b)
    {
        if (a.Participant.Code.Length == 0 || !string.Equals(a.Participant.Code, b.Participant.Code, StringComparison.Ordinal)) return false;
        if (a.Participant.Code.Length > 3) return true;
        return a.Participant.Actor is { } x && actors[x].Resolution == "pair" || b.Participant.Actor is { } y && actors[y].Resolution == "pair";
    }

    private static bool StruckPlace(DependencyView v, MentionIndex mentions, int trigger, int token)
    {
        if (v.Upos(trigger) != "NOUN" || !PathResolver.ViolenceNouns.Contains(v.Lemma(trigger)) || v.Deprel(token) != "compound" || v.Head(token) != trigger) return false;
        if (v.Upos(token) == "NOUN" && mentions.ActorAt(token) is null && StruckPlaces.Contains(v.Lemma(token))) return true;
        // the name before it ("the Kenya embassy bombing", flat under the noun) is the place's
        var next = token + 1;
        while (next < trigger && v.Deprel(next) is "compound" or "flat" && v.Upos(next) == "PROPN") next++;
        return next < trigger && v.Head(next) == trigger && v.Upos(next) == "NOUN" && StruckPlaces.Contains(v.Lemma(next));
    }

    /// <summary>
    /// "the NATO Washington summit", "the Geneva talks": a capital named before a noun of meeting is where it is held, not
    /// a party to it (the capital stands for its government only as a doer: "Washington said").
    /// </summary>
    internal static bool VenueCapital(DependencyView v, MentionIndex mentions, int trigger, int token) =>
        v.Upos(trigger) == "NOUN" && MeetingNouns.Contains(v.Lemma(trigger)) && v.Deprel(token) is "compound" or "flat" && v.Head(token) == trigger
        && mentions.ActorAt(token) is { } a && mentions.Actors[a].Resolution == "metonymy";

    private static readonly HashSet<string> MeetingNouns = new(StringComparer.Ordinal)
    { "summit", "summits", "conference", "conferences", "talks", "meeting", "meetings", "negotiations", "negotiation", "session", "forum", "round", "accord", "accords", "agreement", "treaty", "declaration", "communique", "process" };

    private static readonly HashSet<string> PatientNouns = new(StringComparer.Ordinal)
    {
        "investigation", "probe", "inquiry", "trial", "prosecution", "indictment", "impeachment", "arrest", "detention", "extradition",
        "killing", "murder", "assassination", "poisoning", "kidnapping", "abduction", "execution",
    };

    private static readonly HashSet<string> StruckPlaces = new(StringComparer.Ordinal)
    {
        "embassy", "consulate", "school", "hospital", "market", "church", "mosque", "synagogue", "temple", "hotel", "airport",
        "station", "base", "office", "headquarters", "building", "pipeline", "bridge", "bus", "train", "plant", "camp", "village",
        "checkpoint", "clinic", "restaurant", "nightclub", "club", "mall", "stadium", "subway", "metro",
    };

    private static bool SameActor(ActorMention[] actors, Party a, Party b) =>
        a.Key == b.Key || (a.Participant.Actor is { } x && b.Participant.Actor is { } y && (x == y || actors[x].Chain == actors[y].Chain));

    /// <summary>The participants an argument slot reaches: the first path that reaches an actor wins; conjuncts each count.</summary>
    private static List<Party> Parties(DependencyView v, MentionIndex mentions, int trigger,
        ImmutableArray<ArgumentPath> paths, bool allowPlace, bool source = false)
    {
        var result = new List<Party>();
        foreach (var path in paths)
        {
            // What one faces, survives, tolerates or forbids is someone else's doing ("the government faced protests",
            // "Russia has survived sanctions", "does not tolerate criticism of its army"): the verb's subject is no source
            // of the event noun it carries (patterns that code the one who faces it as target say so with +head=…).
            if (source && path.Steps.Length > 1 && path.Steps[0].Relation == "head" && path.Steps[1].Relation is "nsubj" && v.Upos(trigger) is "NOUN"
                && v.Deprel(trigger) == "obj" && UndergoVerbs.Contains(v.Lemma(v.Head(trigger)))) continue;
            foreach (var head in PathResolver.Resolve(v, trigger, path))
            {
                if (head == trigger) continue;
                // "the Kenya embassy bombing": the place struck, before a violence noun, holds where it stood, not who struck
                if (source && StruckPlace(v, mentions, trigger, head)) continue;
                if (VenueCapital(v, mentions, trigger, head)) continue;
                // "the Bin Laden investigation", "the Khashoggi killing": a person named before a noun of what is done to
                // someone is the one it is done to
                if (source && v.Upos(trigger) == "NOUN" && PatientNouns.Contains(v.Lemma(trigger)) && v.Deprel(head) == "compound" && v.Head(head) == trigger
                    && mentions.ActorAt(head) is { } named && mentions.Actors[named].Kind == ActorKind.Person) continue;
                foreach (var member in Conjuncts(v, mentions, head))
                    if (PartyAt(v, mentions, member, allowPlace) is { } party && result.All(r => r.Key != party.Key))
                    {
                        result.Add(party);
                        AddSameSpan(mentions, party, result);
                        // an actor found as a modifier of the argument ("the Turkish and Greek sides") brings its own conjuncts
                        if (party.Participant.Actor is { } a && mentions.Actors[a].HeadToken != member && mentions.Actors[a].HeadToken >= 0)
                            foreach (var other in Conjuncts(v, mentions, mentions.Actors[a].HeadToken))
                                if (other != mentions.Actors[a].HeadToken && PartyAt(v, mentions, other, allowPlace) is { } more && result.All(r => r.Key != more.Key))
                                    result.Add(more);
                    }
            }
            if (result.Count > 0) return result;
            // "the prosecution's request": a possessor is the owner, actor or not; the next path would find somebody else
            // ("Judge Cannon called the prosecution's request unrealistic" is no request of the judge's).
            if (path.Steps.Length == 1 && path.ToString() == "poss")
                foreach (var head in PathResolver.Resolve(v, trigger, path))
                    if (head != trigger && v.Upos(head) == "NOUN" && mentions.ActorAt(head) is null && !Descriptions.Contains(v.Lemma(head))) return result;
        }
        return result;
    }

    private static readonly HashSet<string> UndergoVerbs = new(StringComparer.Ordinal)
    {
        "face", "suffer", "survive", "weather", "endure", "withstand", "undergo", "experience", "escape", "evade", "fear", "brave",
        "tolerate", "allow", "permit", "forbid", "prohibit", "outlaw", "stifle", "silence", "censor", "ignore", "deflect",
        // "The FBI continues to receive threats from individuals with ties to Bin Laden", "drew criticism from Beijing"
        "receive", "draw", "attract", "incur", "provoke",
        // "a spokesman for the relatives dismissed the criticism", "she denied accusations made by Amir's brother"
        "dismiss", "deny", "reject", "rebuff", "refute", "rebut", "shrug",
    };

    /// <summary>Nouns that describe an actor named elsewhere ("the country's withdrawal" is Russia's): the next path may find it.</summary>
    private static readonly HashSet<string> Descriptions = new(StringComparer.Ordinal)
    {
        "country", "nation", "state", "government", "regime", "administration", "kingdom", "republic", "network", "company",
        "newspaper", "party", "group", "organization", "organisation", "militia", "army", "military", "ministry",
    };

    /// <summary>The actor layer gives a compound modifier one mention per member over the same words ("Hungarian and Romanian officials"): each is a party.</summary>
    private static void AddSameSpan(MentionIndex mentions, Party party, List<Party> result)
    {
        if (party.Participant.Actor is not { } a) return;
        var actors = mentions.Actors;
        foreach (var j in mentions.SameSpan(a))
            if (j != a && actors[j].Code != actors[a].Code && result.All(r => r.Key != j) && FromActor(actors, j) is { } other)
                result.Add(other);
    }

    private static readonly ImmutableArray<ArgumentPath> NsubjPath = [new ArgumentPath([new PathStep("nsubj", null, false)])];

    private static bool SubjectIsPronoun(DependencyView v, int trigger, ImmutableArray<ArgumentPath> paths)
    {
        foreach (var path in paths)
            foreach (var t in PathResolver.Resolve(v, trigger, path))
                if (t != trigger && v.Upos(t) == "PRON" && v.Lemma(t) is "it" or "they" or "he" or "she" or "we") return true;
        return false;
    }

    /// <summary>The verb whose complement clause holds the trigger (through infinitives and coordination), if any.</summary>
    private static int? ReportingVerb(DependencyView v, int trigger)
    {
        var t = trigger;
        for (var k = 0; k < 4; k++)
        {
            var h = v.Head(t);
            if (h < 0) return null;
            var d = v.Deprel(t);
            if (d == "ccomp") return v.Upos(h) == "VERB" ? h : null;
            if (d is not ("xcomp" or "conj")) return null;
            t = h;
        }
        return null;
    }

    /// <summary>Relations below a trigger that never hold its target: its subject, reporting and parenthetical parts, other clauses' verbs.</summary>
    private static readonly HashSet<string> NoTargetRelations = new(StringComparer.Ordinal)
    { "csubj", "parataxis", "punct", "aux", "aux:pass", "cop", "mark", "cc", "discourse", "vocative", "dep", "list", "reparandum", "orphan", "expl", "acl:relcl", "advcl:relcl" };

    private static readonly HashSet<string> WithdrawnForces = new(StringComparer.Ordinal)
    {
        "troop", "troops", "force", "forces", "soldier", "soldiers", "army", "personnel", "unit", "units", "contingent", "garrison", "peacekeeper", "peacekeepers",
        "aircraft", "warplane", "warplanes", "jet", "jets", "fighter", "fighters", "plane", "planes", "ship", "ships", "warship", "warships", "vessel", "vessels",
        "fleet", "navy", "tank", "tanks", "division", "divisions", "battalion", "battalions", "brigade", "brigades",
    };

    /// <summary>Adverbial clauses of time, cause and concession tell another event, not the target of this one.</summary>
    private static readonly HashSet<string> OtherEventMarkers = new(StringComparer.Ordinal)
    { "because", "as", "although", "though", "while", "when", "whereas", "after", "before", "since", "once", "whether", "until", "till", "whenever" };

    /// <summary>
    /// The first actor (then place with a country) in the trigger's phrase, in text order after the trigger, then
    /// before it: its objects, obliques and complements, not its subject (or by-agent), reporting clauses,
    /// attributions ("according to"), relative clauses or coordinated verbs. Members of a compound each count.
    /// </summary>
    private static List<Party> FallbackTargets(DependencyView v, MentionIndex mentions, int trigger, List<Party> sources, bool byLocation = true)
    {
        var result = new List<Party>();
        var passive = v.Upos(trigger) is "VERB" && v.IsPassive(trigger);
        var reach = new List<int>();
        var stack = new Stack<(int Token, int Depth)>();
        foreach (var c in v.Children(trigger)) stack.Push((c, 1));
        while (stack.Count > 0)
        {
            var (t, depth) = stack.Pop();
            var d = v.Deprel(t);
            if (NoTargetRelations.Contains(d)) continue;
            // the trigger's own subject is its source; subjects of its complements ("demanded that the US cancel") may be targets
            if (depth == 1 && d is "nsubj" or "nsubj:outer") continue;
            if (d == "conj" && v.Upos(t) is "VERB" or "AUX") continue;
            // "Libya, which brought the case … in its dispute with the United States and Britain, hailed the ruling": a
            // clause whose subject is a relative pronoun is a relative clause, however the parser attached it
            if (d is "ccomp" or "advcl" or "xcomp" or "acl" && RelativePronounSubject(v, t)) continue;
            if (depth == 1 && passive && (d == "obl:agent" || v.Preposition(t) == "by")) continue;
            // "a statement read by a spokesperson", "the attack carried out by Hamas": the agent of a participle on the
            // trigger is its doer, not its target
            if (depth == 2 && d == "obl:agent" && v.Deprel(v.Head(t)) == "acl") continue;
            if (IsAccordingTo(v, t)) continue;
            if (d == "advcl" && (MarkerOf(v, t) is not { } mk || OtherEventMarkers.Contains(mk))) continue;
            // "scheduled to visit the border following a surge of migrants": a phrase of what came before, after or
            // around the event tells another event, as an adverbial clause of time does
            if (d is "obl" or "nmod" && v.Preposition(t) is { } around && OtherEventPrepositions.Contains(around)) continue;
            if (InSource(v, sources, t)) continue;
            // "willing to withdraw its troops from neighboring Lebanon", "send its troops to assist the Palestinians": the
            // forces withdrawn or sent are the actor's own, not the one it withdraws from or sends them to
            if (d == "obj" && v.Lemma(v.Head(t)) is "withdraw" or "pull" or "send" or "deploy" or "dispatch" or "redeploy" or "station" or "mobilize" or "mobilise"
                && WithdrawnForces.Contains(v.Lemma(t))) continue;
            // "quoted attacking women's groups in a New York Times article": where it was said or printed is no target
            if (d is "obl" or "nmod" && v.Preposition(t) is "in" or "on" && VenueNouns.Contains(v.Lemma(t)) && mentions.ActorAt(t) is null) continue;
            // "Kim sued this week in federal court", "challenged the rule in court": a court one acts in is the venue, not the
            // one acted on (a court sued or appealed to is an object or a "to" phrase)
            if (d == "obl" && v.Preposition(t) == "in" && v.Lemma(t) is "court" or "courts" or "tribunal") continue;
            // "killed a ringleader of the October 7 rampage on Israel": below a thing named in an "of" phrase, what that
            // thing was aimed at is not the one acted on (a "to" phrase there is most often the trigger's own, misattached:
            // "the sale of computers to Taiwan")
            if (depth >= 2 && d == "nmod" && v.Preposition(t) is "on" or "against" or "upon" && v.Head(t) is var owner
                && v.Upos(owner) == "NOUN" && mentions.ActorAt(owner) is null && v.Deprel(owner) == "nmod" && v.Preposition(owner) == "of") continue;
            // "… on Tuesday, South Korea's Joint Chiefs of Staff said": a phrase right before a closing speech verb is its
            // speaker, however the parser attached it
            if (IsClosingSpeaker(v, t)) continue;
            reach.Add(t);
            if (depth < 6) foreach (var c in v.Children(t)) stack.Push((c, depth + 1));
        }
        reach.Sort();
        var at = v[trigger].Span.Start;
        // after the trigger first, then before it (a passive subject, "a camp for refugees was attacked"), nearest first
        var ordered = reach.Where(t => v[t].Span.Start > at).Concat(reach.Where(t => v[t].Span.Start < at).Reverse());
        foreach (var t in ordered)
        {
            if (PartyAt(v, mentions, t, allowPlace: true) is not { } first) continue;
            if (sources.Any(s => SameActor(mentions.Actors, s, first))) continue;
            if (VenueCapital(v, mentions, trigger, t)) continue;
            if (!byLocation && (v.Deprel(t) is "obl" or "nmod" && v.Preposition(t) is { } where && LocativePrepositions.Contains(where) || LocatedObject(v, mentions, first, trigger))) continue;
            // "Angola's foreign ministry … hosting the two delegations in Luanda": a place in the source's own country is
            // where it acted at home, not whom it acted on
            if (first.Key < 0 && sources.Count > 0 && sources.TrueForAll(s => s.Participant.Country is { } sc && sc == first.Participant.Country)) continue;
            foreach (var member in Conjuncts(v, mentions, t))
                if (PartyAt(v, mentions, member, allowPlace: true) is { } party && result.All(r => r.Key != party.Key)
                    && !sources.Any(s => SameActor(mentions.Actors, s, party)))
                {
                    result.Add(party);
                    // "talks between the two neighbours": each member of a pair over the same words is a target
                    AddSameSpan(mentions, party, result);
                }
            if (result.Count > 0) return result;
        }
        return result;
    }

    /// <summary>Whether the trigger's object or oblique is "each other" or "one another".</summary>
    private static bool ReciprocalObject(DependencyView v, int trigger)
    {
        foreach (var c in v.Children(trigger))
        {
            var d = v.Deprel(c);
            if (d is not ("obj" or "iobj") && !d.StartsWith("obl", StringComparison.Ordinal) && !d.StartsWith("nmod", StringComparison.Ordinal)) continue;
            var (first, second) = v.Lower(c) switch { "each" => ("each", "other"), "one" => ("one", "another"), "other" => ("each", "other"), "another" => ("one", "another"), _ => ("", "") };
            if (first.Length == 0) continue;
            if (c + 1 < v.Count && v.Lower(c) == first && v.Lower(c + 1) == second) return true;
            if (c >= 1 && v.Lower(c) == second && v.Lower(c - 1) == first) return true;
        }
        return false;
    }

    private static bool RelativePronounSubject(DependencyView v, int clause)
    {
        foreach (var c in v.Children(clause))
            if (v.Deprel(c) is "nsubj" or "nsubj:pass" && v[c].Xpos is "WDT" or "WP" && c < clause) return true;
        return false;
    }

    /// <summary>A party named only as where a thing of the event's phrase lies ("exhibitions in France"), not on the trigger itself.</summary>
    private static bool LocatedObject(DependencyView v, MentionIndex mentions, Party t, int trigger)
    {
        int head;
        if (t.Key >= 0) head = mentions.Actors[t.Key].HeadToken;
        else
        {
            var place = mentions.Places[-1 - t.Key];
            head = place.FirstToken + place.TokenCount - 1;
            while (head > place.FirstToken && v.Head(head) >= place.FirstToken && v.Head(head) < place.FirstToken + place.TokenCount) head--;
        }
        if (head < 0 || head >= v.Count || v.Deprel(head) is not ("obl" or "nmod") || v.Preposition(head) is not { } where || !LocativePrepositions.Contains(where)) return false;
        var owner = v.Head(head);
        return owner >= 0 && owner != trigger && v.Upos(owner) is "NOUN" && mentions.ActorAt(owner) is null;
    }

    /// <summary>Prepositions of where something is.</summary>
    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.Ordinal)
    { "in", "at", "across", "throughout", "around", "near", "inside", "within", "outside" };

    /// <summary>
    /// Prepositions of time and circumstance: their phrase is another event, not the one acted on. "During" is not one:
    /// "throwing stones during demonstrations against the Israeli military" is the same occasion.
    /// </summary>
    private static readonly HashSet<string> OtherEventPrepositions = new(StringComparer.Ordinal)
    { "after", "before", "follow", "following", "amid", "amidst", "despite", "since", "until", "because of", "due to", "ahead of", "prior to", "in spite of",
      // "by attacking without UN approval": who is left out is no party
      "without" };

    /// <summary>Where words are said or printed: "in an interview", "in a New York Times article", "on a podcast".</summary>
    private static readonly HashSet<string> VenueNouns = new(StringComparer.Ordinal)
    { "article", "interview", "op-ed", "column", "editorial", "post", "tweet", "video", "podcast", "broadcast", "episode", "documentary", "memoir", "book", "essay", "newsletter", "blog", "headline" };

    private static readonly HashSet<string> ClosingSpeechVerbs = new(StringComparer.Ordinal)
    { "say", "tell", "report", "announce", "add", "state", "confirm", "claim", "write" };

    internal static bool IsClosingSpeaker(DependencyView v, int t)
    {
        if (v.Upos(t) is not ("NOUN" or "PROPN")) return false;
        var end = t;
        var stack = new Stack<int>();
        stack.Push(t);
        while (stack.Count > 0)
            foreach (var c in v.Children(stack.Pop()))
            {
                if (v.Deprel(c) is "conj" or "acl" or "acl:relcl" or "appos") continue;
                if (c > end) end = c;
                stack.Push(c);
            }
        var next = end + 1;
        return next < v.Count && v[next].Sentence == v[t].Sentence && v.Upos(next) == "VERB" && ClosingSpeechVerbs.Contains(v.Lemma(next))
            && v.Head(next) != t && !HasChild(v, next, "nsubj");
    }

    private static bool SpeakerConjunctBefore(DependencyView v, int t, int c)
    {
        foreach (var g in v.Children(t))
            if (g < c && v.Deprel(g) == "conj" && OpensClosingSpeaker(v, g)) return true;
        return false;
    }

    /// <summary>
    /// A conjunct that opens the closing speaker, however the parser hung the speaker's phrase ("killing about 20 people,
    /// relief officials in Nairobi said", with "in Nairobi" on "people"): only noun-phrase words lie between it and a
    /// closing speech verb that has no subject of its own.
    /// </summary>
    internal static bool OpensClosingSpeaker(DependencyView v, int t)
    {
        if (v.Upos(t) is not ("NOUN" or "PROPN") || t == 0 || v.Lower(t - 1) is not ("," or "and") && v.Upos(t - 1) is not ("NOUN" or "ADJ" or "DET" or "PROPN")) return false;
        for (var k = t + 1; k < v.Count && v[k].Sentence == v[t].Sentence && k <= t + 8; k++)
        {
            if (v.Upos(k) == "VERB") return ClosingSpeechVerbs.Contains(v.Lemma(k)) && !HasChild(v, k, "nsubj") && k + 1 < v.Count && v.Upos(k + 1) == "PUNCT";
            if (v.Upos(k) is not ("NOUN" or "PROPN" or "ADP" or "DET" or "ADJ" or "NUM") && v.Lower(k) is not ("'s" or "\u2019s")) return false;
        }
        return false;
    }

    private static bool ProvidesForOnly(DependencyView v, int verb)
    {
        var forPhrase = false;
        foreach (var c in v.Children(verb))
        {
            if (v.Deprel(c) is "obj" or "iobj" or "nsubj:pass" || v.Deprel(c) is "obl" && v.Preposition(c) is null) return false;
            forPhrase |= v.Deprel(c).StartsWith("obl", StringComparison.Ordinal) && v.Preposition(c) == "for";
        }
        return forPhrase && v.Deprel(verb) is not ("acl" or "acl:relcl");
    }

    private static bool HasChild(DependencyView v, int t, string rel)
    {
        foreach (var c in v.Children(t)) if (v.Deprel(c) == rel) return true;
        return false;
    }

    private static bool InSource(DependencyView v, List<Party> sources, int token)
    {
        foreach (var s in sources) if (s.Span.Overlaps(v[token].Span)) return true;
        return false;
    }

    private static string? MarkerOf(DependencyView v, int t)
    {
        foreach (var c in v.Children(t)) if (v.Deprel(c) == "mark") return v.Lemma(c);
        return null;
    }

    /// <summary>The argument and its conjuncts ("Russia and North Korea"); a conjunct may hang from any word of the argument's actor mention ("Vladimir Putin and Kim").</summary>
    private static IEnumerable<int> Conjuncts(DependencyView v, MentionIndex mentions, int head)
    {
        yield return head;
        var stack = new Stack<int>();
        var from = new List<int> { head };
        if (mentions.ActorAt(head) is { } m)
            for (var k = mentions.Actors[m].FirstToken; k < mentions.Actors[m].FirstToken + mentions.Actors[m].TokenCount; k++) if (k != head) from.Add(k);
        foreach (var f in from)
        {
            // "the Red Crescent in Bam, Iran, according to …": conjuncts without a coordinating "and"/"or" are no compound
            var coordinated = false;
            foreach (var c in v.Children(f))
                if (v.Deprel(c) == "conj")
                    foreach (var g in v.Children(c))
                    {
                        if (v.Deprel(g) == "cc") coordinated = true;
                        // "Putin and North Korean leader Kim": the parser may hang "and" on the conjunct's title
                        else if (g < c)
                            foreach (var h in v.Children(g)) if (v.Deprel(h) == "cc" && h < g) coordinated = true;
                    }
            if (!coordinated) continue;
            foreach (var c in v.Children(f))
                if (v.Deprel(c) == "conj" && (mentions.ActorAt(head) is not { } mm || !Inside(mentions.Actors[mm], c)) && !IsClosingSpeaker(v, c) && !OpensClosingSpeaker(v, c)) stack.Push(c);
        }
        var list = new List<int>();
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            list.Add(c);
            foreach (var g in v.Children(c)) if (v.Deprel(g) == "conj") stack.Push(g);
        }
        list.Sort();
        foreach (var c in list) yield return c;
    }

    private static bool Inside(ActorMention m, int token) => token >= m.FirstToken && token < m.FirstToken + m.TokenCount;

    private static Party? PartyAt(DependencyView v, MentionIndex mentions, int token, bool allowPlace)
    {
        if (mentions.ActorAt(token) is { } a && FromActor(mentions.Actors, a) is { } direct) return direct;
        // a verb heads a clause, not a noun phrase: its own arguments are reached one by one ("threatened to deliver blows to
        // the United States …, a Saudi weekly reports" took the Saudi weekly from inside "deliver")
        if (v.Upos(token) is "VERB" or "AUX") return null;
        // "a day after a China Coast Guard ship fired …": the parser often makes the time noun the subject and hangs the
        // real subject from it with "after"/"before"; the time noun is never the actor, so look inside that phrase.
        if (TimeNouns.Contains(v.Lemma(token)) && mentions.ActorAt(token) is null)
            foreach (var c in v.Children(token))
                if (v.Deprel(c) is "nmod" or "obl" && v.Preposition(c) is "after" or "before")
                    return PartyAt(v, mentions, c, allowPlace: false);
        // "Israel's allies", "key US allies", "the president's critics": others, named by whom they stand to. Only the
        // ones listed are parties ("US allies such as Japan", "its neighbours, Chad and Niger").
        if (RelationalNouns.Contains(v.Lemma(token)))
        {
            foreach (var c in v.Children(token))
                if ((v.Deprel(c) == "appos" || (v.Deprel(c) == "nmod" && v.Preposition(c) is "such as" or "including" or "like"))
                    && mentions.ActorAt(c) is { } listed && FromActor(mentions.Actors, listed) is { } named)
                    return named;
            return null;
        }
        // "a group of Russian officials", "the leaders of the two countries": the actor is the modifier
        foreach (var c in v.Children(token))
            if (v.Deprel(c) is "nmod" or "compound" or "nmod:poss" or "amod" && (v.Preposition(c) is null or "of") && mentions.ActorAt(c) is { } b
                && !(v.Deprel(c) == "nmod:poss" && v.Upos(token) is "PROPN")
                && FromActor(mentions.Actors, b) is { } modifier)
                return modifier;
        // "the US-led West", "Russian-backed separatists": the actor is the agent of the participle
        foreach (var c in v.Children(token))
            if (v.Deprel(c) is "amod" or "compound" && v.Upos(c) is "VERB")
                foreach (var g in v.Children(c))
                    if (v.Deprel(g).StartsWith("obl", StringComparison.Ordinal) || v.Deprel(g) is "compound" or "nmod" or "nsubj")
                        if (mentions.ActorAt(g) is { } d && FromActor(mentions.Actors, d) is { } agentOf) return agentOf;
        // A quantity or common noun heading the argument ("more than 100 Palestinians", "a group of officials",
        // "proposed Israeli changes"): the nearest actor inside its noun phrase.
        if (InsidePhrase(v, mentions, token) is { } inner && FromActor(mentions.Actors, inner) is { } nested) return nested;
        // "collaborated with Amsterdam-based United Repair Centre": where the partner sits is not the partner; nor is where
        // a treaty was signed ("decided not to ratify the Kyoto Protocol", "the Minsk agreements")
        if (allowPlace && !(token + 2 < v.Count && v.Lower(token + 1) is "-" or "\u2013" && v.Lower(token + 2) == "based") && !NamesATreaty(v, token))
            if (mentions.PlaceAt(token) is { } i && mentions.Places[i].Country is { } country)
                return new Party(new EventParticipant(country, country, null), mentions.Places[i].Span, -1 - i);
        return null;
    }

    /// <summary>Nouns for others in a relation to the actor that modifies them: "X's allies" are not X.</summary>
    private static readonly HashSet<string> RelationalNouns = new(StringComparer.Ordinal)
    { "ally", "allies", "partner", "adversary", "enemy", "foe", "rival", "opponent", "critic", "detractor", "neighbour", "neighbor", "skeptic", "sceptic",
      // "Navalny's widow accused Putin", "the confidante of Zawahiri admitted": kin and friends speak for themselves
      "widow", "widower", "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "family", "relative", "nephew", "niece",
      "cousin", "friend", "confidant", "confidante" };

    private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal)
    { "minute", "hour", "day", "week", "month", "year", "moment" };

    private static readonly HashSet<string> PhraseRelations = new(StringComparer.Ordinal)
    { "nmod", "nmod:poss", "compound", "amod", "nummod", "flat", "appos", "obl", "nmod:desc", "advmod" };

    private static int? InsidePhrase(DependencyView v, MentionIndex mentions, int token)
    {
        var frontier = new List<int> { token };
        for (var depth = 0; depth < 3 && frontier.Count > 0; depth++)
        {
            var next = new List<int>();
            foreach (var t in frontier)
                foreach (var c in v.Children(t))
                {
                    if (!PhraseRelations.Contains(v.Deprel(c))) continue;
                    if (v.Deprel(c) is "nmod" or "obl" && v.Preposition(c) is { } p && p is not ("of" or "from" or "in")) continue;
                    // "officials in Ottawa", "opposition groups in Zimbabwe" are Canada's and Zimbabwe's; "income growth in the
                    // U.S." is no one's doing: "in" says whose only for people or a plural
                    if (v.Deprel(c) is "nmod" or "obl" && v.Preposition(c) == "in" && mentions.ActorAt(t) is null && v[t].Xpos is not ("NNS" or "NNPS")) continue;
                    // "the attacks at the U.S. embassies in Nairobi": where violence happened is not who did it
                    if (v.Deprel(c) is "nmod" or "obl" && v.Preposition(c) is "in" or "at" && PathResolver.ViolenceNouns.Contains(v.Lemma(t))) continue;
                    // "In Cuba, tens of thousands of people rallied", with "In Cuba" hung on "tens": a modifier with a
                    // preposition before its noun is the clause's fronted adverbial, not part of the phrase
                    if (v.Deprel(c) == "nmod" && c < t && v.Preposition(c) is not null and not "of") continue;
                    if (IsAccordingTo(v, c)) continue;
                    // "killing about 20 people, relief officials in Nairobi said", with "in Nairobi" hung on "people": what
                    // follows the closing speaker is the speaker's
                    if (c > t && SpeakerConjunctBefore(v, t, c)) continue;
                    // "organizations in a New York Times article": where it was printed is not whose they are
                    if (v.Deprel(c) is "nmod" or "obl" && v.Preposition(c) is "in" or "on" && VenueNouns.Contains(v.Lemma(c)) && mentions.ActorAt(c) is null) continue;
                    // "the destruction of Indonesia's rainforests", "the co-founders of Trump's media venture": below a thing
                    // named in an "of" phrase, its owner is not the phrase's actor ("the leaders of Russia's army" find the army
                    // itself, an actor, first)
                    if (depth >= 1 && v.Deprel(c) == "nmod:poss" && v.Upos(t) == "NOUN" && mentions.ActorAt(t) is null && v.Preposition(t) == "of") continue;
                    if (mentions.ActorAt(c) is { } m && FromActor(mentions.Actors, m) is not null) return m;
                    // "some of Israel's allies": not Israel (see RelationalNouns)
                    if (RelationalNouns.Contains(v.Lemma(c))) continue;
                    next.Add(c);
                }
            next.Sort();
            frontier = next;
        }
        return null;
    }

    private static Party? FromActor(ActorMention[] actors, int i) =>
        // a bare agent noun with no country ("the leaders", "forces") names no actor an event can be coded for; one of an
        // organization ("ASEAN's foreign ministers", IGOSEAASNGOV) does
        actors[i].Kind == ActorKind.Agent && actors[i].Country is null && actors[i].ActorId is null
            ? null
            : new(new EventParticipant(actors[i].Code, actors[i].Country, i), actors[i].Span, i);

    /// <summary>
    /// Denials ("Both Russia and North Korea denied the US allegations"): the denial's target is the accuser; it links to
    /// the earlier events that the accuser asserted and that involve the denier, and those events become allegations.
    /// A denial that names its accuser reaches over its paragraph and the paragraph before (no more than
    /// <see cref="MaxDenialReach"/> sentences back), since a wire story often gives each allegation a paragraph and
    /// answers them together ("In March, the White House said … / Last year, the US said … Both Russia and North Korea
    /// denied the US allegations"); one that does not reaches over the previous sentence.
    /// </summary>
    private const int MaxDenialReach = 6;

    private static void LinkDenials(DependencyView v, List<Draft> drafts, int[] windowStart)
    {
        // Drafts are in text order, so the events a denial can link to lie in a window before it.
        for (var di = 0; di < drafts.Count; di++)
        {
            var d = drafts[di];
            if ((d.Pattern.Flags & PatternFlags.Denial) == 0) continue;
            var denier = Country(d.Source?.Participant);
            var accuser = Country(d.Target?.Participant);
            // Only a denial that names its accuser reaches back past the previous sentence ("denied any connection"
            // answers what is next to it); a text without blank lines is one paragraph, so the reach stops at
            // MaxDenialReach sentences.
            int first = accuser is null ? d.Sentence - 1 : Math.Min(d.Sentence - 1, Math.Max(windowStart[d.Sentence], d.Sentence - MaxDenialReach));
            var lo = di;
            while (lo > 0 && drafts[lo - 1].Sentence >= first) lo--;
            for (var ei = lo; ei < drafts.Count && drafts[ei].Sentence <= d.Sentence; ei++)
            {
                var e = drafts[ei];
                if (ReferenceEquals(e, d) || (e.Pattern.Flags & PatternFlags.Denial) != 0) continue;
                if (e.Sentence > d.Sentence || e.Sentence < first) continue;
                if (e.Sentence == d.Sentence && v[e.Trigger].Span.Start >= v[d.Trigger].Span.Start) continue;
                var involves = denier is null || Country(e.Source?.Participant) == denier || Country(e.Target?.Participant) == denier;
                var byAccuser = accuser is null || e.Attribution.Any(a => a.Code is { } c && c.Length >= 3 && c[..3] == accuser);
                if (!involves || !byAccuser) continue;
                d.Links.Add(e.Id);
                if (e.Modality is Modality.Asserted or Modality.Reported) e.Modality = Modality.Alleged;
            }
        }
    }

    /// <summary>For each sentence, the first sentence of the paragraph before its own (paragraphs: runs between blank lines).</summary>
    private static int[] PreviousParagraphStarts(string text, Sentence[] sentences)
    {
        var starts = new int[sentences.Length];
        int paragraphFirst = 0, previousFirst = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            if (s > 0 && text.AsSpan(sentences[s - 1].Span.End, Math.Max(0, sentences[s].Span.Start - sentences[s - 1].Span.End)).Contains("\n\n", StringComparison.Ordinal))
            {
                previousFirst = paragraphFirst;
                paragraphFirst = s;
            }
            starts[s] = previousFirst;
        }
        return starts;
    }

    private static string? Country(EventParticipant? p) =>
        p is null ? null : p.Country ?? (p.Code.Length >= 3 ? p.Code[..3] : p.Code);

    /// <summary>
    /// An attribution phrase names who reports the event, never its target: "according to South Korea's military", also
    /// where the parser hangs it on the object as an apposition with "according" on the possessor.
    /// </summary>
    private static bool IsAccordingTo(DependencyView v, int t)
    {
        if (v.Preposition(t) is "according to") return true;
        foreach (var c in v.Children(t))
        {
            if (v.Deprel(c) == "case" && v.Lower(c) == "according") return true;
            if (v.Deprel(c) == "nmod:poss")
                foreach (var g in v.Children(c))
                    if (v.Deprel(g) == "case" && v.Lower(g) == "according") return true;
        }
        return false;
    }

    private static bool InOtherRelativeClause(DependencyView v, TextSpan span, int trigger)
    {
        var at = TokenIn(v, span, trigger);
        for (var guard = 0; at >= 0 && guard < 64; guard++, at = v.Head(at))
            if (v.Deprel(at) is "acl" or "acl:relcl" && !v.Dominates(at, trigger)) return true;
        return false;
    }

    private static bool InOtherProposition(DependencyView v, TextSpan span, int trigger)
    {
        var at = TokenIn(v, span, trigger);
        for (var guard = 0; at >= 0 && guard < 64 && !v.Dominates(at, trigger); guard++, at = v.Head(at))
        {
            if (v.Deprel(at) is "ccomp" or "csubj") return true;
            if (v.Deprel(at) == "conj")
                foreach (var c in v.Children(at))
                    if (v.Deprel(c) == "mark" && v.Lemma(c) is "that" or "whether" or "if") return true;
        }
        return false;
    }

    /// <summary>A token of the sentence of <paramref name="trigger"/> inside <paramref name="span"/>, or -1.</summary>
    private static int TokenIn(DependencyView v, TextSpan span, int trigger)
    {
        var sentence = v[trigger].Sentence;
        for (var t = trigger; t >= 0 && v[t].Sentence == sentence; t--) if (span.Contains(v[t].Span)) return t;
        for (var t = trigger + 1; t < v.Count && v[t].Sentence == sentence; t++) if (span.Contains(v[t].Span)) return t;
        return -1;
    }

    private static EventDate DateOf(Document document, DependencyView v, IReadOnlyList<Timex> timexes, IReadOnlyList<int> inSentenceOf, List<int> clause, int trigger)
    {
        Timex? inClause = null, inSentence = null;
        int iClause = -1, iSentence = -1;
        var published = document.Metadata.Published?.Date;
        var tStart = v[trigger].Span.Start;
        foreach (var i in inSentenceOf)
        {
            var x = timexes[i];
            // A calendar value, known or not in part ("XXXX-WXX-3", "on Wednesday" with no publication date): not PAST_REF.
            if (x.Type is not (TimexType.Date or TimexType.Time) || x.Value.Length == 0 || !(char.IsAsciiDigit(x.Value[0]) || x.Value[0] == 'X')) continue;
            var dist = Math.Abs(x.Span.Start - tStart);
            var tok = clause.FindIndex(t => x.Span.Contains(v[t].Span));
            if (tok >= 0 && (inClause is null || dist < Math.Abs(inClause.Span.Start - tStart))) { inClause = x; iClause = i; }
            // A date inside a relative clause about something else does not date the event ("Rwanda denies … the FDLR, a
            // group founded by perpetrators of the 1994 genocide").
            if (tok < 0 && InOtherRelativeClause(v, x.Span, trigger)) continue;
            // Nor does a date in another proposition: what was said ("said the election is due in 2026" does not date
            // the saying) or a second reported clause ("said she will not resign and that the election is due in 2026").
            if (tok < 0 && InOtherProposition(v, x.Span, trigger)) continue;
            // A date elsewhere in the sentence that lies wholly after the report cannot date what the report tells
            // ("has announced that he will be stepping down in November" does not date the announcement).
            if (tok < 0 && published is { } report && TimexDays.Range(x.Value) is { } days && days.Start > report) continue;
            if (inSentence is null || dist < Math.Abs(inSentence.Span.Start - tStart)) { inSentence = x; iSentence = i; }
        }
        if (inClause is not null) return new EventDate(inClause.Value, "timex", iClause);
        if (inSentence is not null) return new EventDate(inSentence.Value, "sentence", iSentence);
        return new EventDate(published is { } p ? p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "XXXX-XX-XX", "report");
    }

    private static readonly HashSet<string> Locative = new(StringComparer.Ordinal)
    { "in", "at", "to", "near", "into", "toward", "towards", "inside", "across", "over", "outside", "off", "along" };

    /// <summary>The first place in the event's clause named with a locative preposition, or the place the target came from.</summary>
    private static int? PlaceOf(DependencyView v, MentionIndex mentions, List<int> clause, Draft d)
    {
        if (d.Target is { Key: < 0 } t) return -1 - t.Key;
        foreach (var i in mentions.PlacesIn(d.Sentence))
        {
            var p = mentions.Places[i];
            if (d.Source is { } s && s.Span.Overlaps(p.Span)) continue;
            for (var k = p.FirstToken; k < p.FirstToken + p.TokenCount; k++)
            {
                if (!clause.Contains(k)) continue;
                var prep = v.Preposition(k);
                if (prep is not null && Locative.Contains(prep.Split(' ')[0])) return i;
            }
        }
        return null;
    }
}
