using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Events.Attribution;

/// <summary>
/// Finds the modality and attribution chain of an event trigger. From the trigger it climbs the dependency
/// tree; each governor reached through a clausal or object relation (ccomp, xcomp, parataxis, obj, advcl, acl,
/// nsubj:pass, …) can mark the claim: reporting verbs ("said", "told") add a link and make it reported,
/// allegation words ("accused", "allegations", "intelligence shows") alleged, denials ("denied", "rejected")
/// denied, plans ("plans to", "seeks to", "will") intended, requests ("urged", "called on") requested,
/// conditions and modals ("if", "could", "would") hypothetical (but "said it would meet", the reported "will",
/// intended), and negation on the trigger ("did not",
/// "never", "no") negated. Sentence-wide cues (", AP reported", "according to X"), the quotation the trigger
/// sits in, and the document's wire credit complete the chain, outermost first.
/// </summary>
/// <remarks>
/// When several cues apply the strongest wins, in this order: negated, denied, hypothetical, requested,
/// intended, alleged, reported, asserted ("Kirby said Russia plans to attack" is intended, attributed to
/// Kirby). A chain with a link other than the wire credit makes an asserted claim reported.
/// </remarks>
public sealed class ClaimAnalyzer : IClaimAnalyzer
{
    private readonly AttributionLexicon _lexicon;

    public ClaimAnalyzer() : this(AttributionLexicon.Default) { }

    public ClaimAnalyzer(AttributionLexicon lexicon) => _lexicon = lexicon;

    public AttributionLexicon Lexicon => _lexicon;

    private static int Rank(Modality m) => m switch
    {
        Modality.Asserted => 0,
        Modality.Reported => 1,
        Modality.Alleged => 2,
        Modality.Intended => 3,
        Modality.Requested => 4,
        Modality.Hypothetical => 5,
        Modality.Denied => 6,
        Modality.Negated => 7,
        _ => 0,
    };

    private static void Raise(ref Modality m, Modality to)
    {
        if (Rank(to) > Rank(m)) m = to;
    }

    public ClaimContext Analyze(Document document, int triggerToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ix = ClaimIndex.For(document, _lexicon);
        if (triggerToken < 0 || triggerToken >= ix.Tokens.Length) return new ClaimContext(Modality.Asserted, []);
        var m = Modality.Asserted;
        var inner = new List<AttributionLink>(4); // innermost first
        int t = triggerToken;
        if (IsNegated(ix, t) || IsObjectOfNegatedLightVerb(ix, t)) Raise(ref m, Modality.Negated);
        Markers(ix, t, ref m, nominal: true);

        // Climb: the content clause under the innermost reporting word decides where "according to" goes.
        int contentOfInnermostReport = -1;
        int cur = t, guard = 0;
        bool reported = false, detached = false, throughClause = false, underWill = false;
        while (ix.Head(cur) is var h && h >= 0 && h < ix.Tokens.Length && guard++ < 64)
        {
            // "she failed to report Yigal Amir's plan to kill Rabin", with the infinitive hung on the verb: it is the plan's
            if (WillNounBefore(ix, cur, h) is var will && will >= 0)
            {
                Governor(ix, will, cur, ref m, inner, detached, reported, relation: "acl");
                underWill = true;
                cur = will;
                continue;
            }
            // "rejected claims that it attacked the port" with the that-clause hung on the verb: it is the noun's content.
            if (ContentNounBefore(ix, cur, h) is var noun && noun >= 0)
            {
                int before = inner.Count;
                Governor(ix, noun, cur, ref m, inner, detached, reported, relation: "acl");
                if (inner.Count > before && contentOfInnermostReport < 0) contentOfInnermostReport = cur;
                if (inner.Count > before) reported = true;
                cur = noun;
                continue;
            }
            bool content = IsContentRelation(ix, cur, h);
            // "… may be among the hostages held since Hamas killed 1400 people": a clause of what has happened (since, after,
            // because) is a fact of its own; the governor's modals, plans and refusals do not reach it (reports still do).
            if (content && HasBackgroundMark(ix, cur)) detached = true;
            if (IsReducedRelative(ix, cur, h)) detached = true;
            if (content)
            {
                int before = inner.Count;
                Governor(ix, h, cur, ref m, inner, detached, reported, throughClause: throughClause, underWill: underWill);
                if (inner.Count > before && contentOfInnermostReport < 0) contentOfInnermostReport = cur;
                if (inner.Count > before) reported = true;
                if (!detached && !underWill && !ix.Is(h, CueKind.Report | CueKind.Allege | CueKind.Deny)) Markers(ix, h, ref m, nominal: false);
                // what a plan is for is intended whatever is done with the plan ("failed to report", "could reveal");
                // only who reports, alleges or denies it still reaches the event
                if (ix.Is(h, CueKind.IntendNoun) && ix.FullRelIs(cur, "acl") && Speakers.HasMark(ix, cur, "to")) underWill = true;
            }
            else if (Detaches(ix, cur)) detached = true;
            if (ix.RelIs(cur, "ccomp")) throughClause = true;
            cur = h;
        }

        // Sentence-wide cues: closing speech tags are outer to the tree's links; "according to" is innermost
        // when it sits inside the reported clause ("X said that, according to Y, …"), else outer.
        var sentence = ix.SentenceOf(t);
        var outer = new List<AttributionLink>(2);
        foreach (var cue in SentenceCues.Find(ix, sentence))
        {
            if (t >= cue.Anchor && ix.Tokens[t].Span.Start >= cue.Link.Span.Start && ix.Tokens[t].Span.End <= cue.Link.Span.End) continue; // the trigger is the cue
            if (!cue.According && t > cue.ScopeEnd) continue;
            // "Biden will visit Brownsville, which ranks as the 29th-most trafficked town, according to CBP data": the
            // source of a relative clause's fact is not the source of the sentence's event.
            if (cue.According && InRelativeClauseWithout(ix, cue.Anchor, t)) continue;
            if (ContainsCue(inner, cue.Link)) continue;
            if (cue.According && contentOfInnermostReport >= 0
                && cue.Anchor >= ix.SubtreeStart[contentOfInnermostReport] && cue.Anchor <= ix.SubtreeEnd[contentOfInnermostReport])
                inner.Insert(0, cue.Link);
            else outer.Add(cue.Link);
        }
        if (outer.Count > 0 || inner.Count > 0) reported = true;

        // A question the text asks does not assert its event.
        if (!reported && EndsWithQuestion(ix, sentence)) Raise(ref m, Modality.Hypothetical);

        // Inside a direct quotation: its speaker is the innermost source.
        var tspan = ix.Tokens[t].Span;
        foreach (var q in ix.Quotes)
        {
            if (!q.Quote.Span.Contains(tspan) || q.Link is null) continue;
            if (!ContainsCue(inner, q.Link) && !ContainsCue(outer, q.Link) && !SameSpeaker(inner.Count > 0 ? inner[0] : null, q.Link))
                inner.Insert(0, q.Link);
            reported = true;
            break;
        }

        var chain = ImmutableArray.CreateBuilder<AttributionLink>(outer.Count + inner.Count + 1);
        if (ix.Wire is { } wire)
        {
            var firstLink = outer.Count > 0 ? outer[0] : inner.Count > 0 ? inner[^1] : null;
            if (firstLink is null || !wire.Same(firstLink)) chain.Add(wire.Link);
        }
        foreach (var l in outer) Append(chain, l);
        for (int i = inner.Count - 1; i >= 0; i--) Append(chain, inner[i]);
        if (reported) Raise(ref m, Modality.Reported);
        return new ClaimContext(m, chain.ToImmutable());
    }

    /// <summary>Whether <paramref name="token"/> sits in a relative clause that does not hold <paramref name="trigger"/>.</summary>
    private static bool InRelativeClauseWithout(ClaimIndex ix, int token, int trigger)
    {
        for (int c = token, guard = 0; c >= 0 && guard < 64; c = ix.Head(c), guard++)
            if (ix.FullRelIs(c, "acl:relcl") || ix.FullRelIs(c, "advcl:relcl"))
                return trigger < ix.SubtreeStart[c] || trigger > ix.SubtreeEnd[c];
        return false;
    }

    private static void Append(ImmutableArray<AttributionLink>.Builder chain, AttributionLink l)
    {
        if (chain.Count > 0 && (chain[^1].Span == l.Span || SameSpeaker(chain[^1], l))) return;
        chain.Add(l);
    }

    private static bool ContainsCue(List<AttributionLink> links, AttributionLink l)
    {
        foreach (var x in links) if (x.Span.Overlaps(l.Span) || x.Span == l.Span) return true;
        return false;
    }

    /// <summary>Adjacent links by one speaker ("Kirby said …, he added") collapse to the outer one.</summary>
    private static bool SameSpeaker(AttributionLink? a, AttributionLink b) =>
        a is not null && ((a.Actor is { } x && b.Actor == x) || (a.Code is not null && a.Code == b.Code && a.Actor is null && b.Actor is null));

    private static bool HasBackgroundMark(ClaimIndex ix, int clause)
    {
        int mk = ix.Child(clause, "mark");
        // Only subordinators of what has happened: "when", "while", "before" and "once" clauses share their governor's
        // world ("suppose someone would stay … while the government continues to host him").
        return mk >= 0 && (ix.FormIs(mk, "since") || ix.FormIs(mk, "after") || ix.FormIs(mk, "because"));
    }

    /// <summary>Relations through which a governor's cue reaches its dependent's content.</summary>
    private static bool IsContentRelation(ClaimIndex ix, int dep, int gov)
    {
        var rel = ix.Rel(dep);
        if (rel is "ccomp" or "xcomp" or "parataxis" or "csubj" or "obj" or "advcl") return true;
        if (rel is "conj" && ix.Is(gov, CueKind.Report | CueKind.Allege) && ReportedConjunct(ix, dep, gov)) return true;
        if (ix.FullRelIs(dep, "nsubj:pass") || ix.FullRelIs(dep, "acl")) return true;
        // "allegations of attacks", "denial of involvement", "calls for talks", "claims that …" (parsed as nmod or obl).
        if (rel is "nmod" or "obl" && ix.Is(gov, AttributionLexicon.NounKinds | CueKind.Request | CueKind.Intend)) return true;
        if (rel is "acl" && ix.Is(gov, AttributionLexicon.NounKinds)) return true;
        if (IsContentClauseReadAsRelative(ix, dep, gov)) return true;
        return false;
    }

    /// <summary>
    /// "evidence that Russia attacked the port", "claims that Iran sent drones": the parser often makes the content
    /// clause of a noun of report or evidence a relative clause with "that" as its object. With a subject of its own and
    /// another object (or none a relative "that" could stand for), "that" is a complementizer.
    /// </summary>
    private static bool IsContentClauseReadAsRelative(ClaimIndex ix, int dep, int gov)
    {
        if (!ix.FullRelIs(dep, "acl:relcl") || !ix.Is(gov, AttributionLexicon.NounKinds) || ix.Child(dep, "nsubj") < 0) return false;
        int that = -1, objects = 0;
        for (int c = ix.FirstChild[dep]; c >= 0; c = ix.NextSibling[c])
        {
            if (ix.FormIs(c, "that") && c == ix.SubtreeStart[dep]) that = c;
            if (ix.RelIs(c, "obj")) objects++;
        }
        return that >= 0 && ix.RelIs(that, "obj") && objects >= 2;
    }

    /// <summary>
    /// "Kirby said the letters were X but the talk was advancing": the parser often makes the second clause a
    /// conjunct of "said"; with its own subject, after the reported clause and without a comma before the
    /// conjunction, it is more likely part of what was said.
    /// </summary>
    private static bool ReportedConjunct(ClaimIndex ix, int dep, int gov)
    {
        int content = ix.Child(gov, "ccomp");
        if (content < 0 || content > dep || ix.Child(dep, "nsubj") < 0) return false;
        int cc = ix.Child(dep, "cc");
        int before = (cc >= 0 ? cc : ix.SubtreeStart[dep]) - 1;
        return before >= 0 && !SentenceCues.IsComma(ix, before);
    }

    /// <summary>
    /// Relations that leave the clause a governor's intention, request, refusal or denial is about: a relative clause,
    /// an oblique or a modifier. "Russia is looking to shore up its base, weeks after the White House said Shoigu called
    /// on officials": the call is reported, not intended; "denied that the drones, which Iran sent, were used" does not
    /// deny the sending. Reports and allegations still reach across them: what a relative clause says is part of the report.
    /// </summary>
    private static bool Detaches(ClaimIndex ix, int dep) =>
        ix.Rel(dep) is "obl" or "nmod" or "advmod" or "amod" || ix.FullRelIs(dep, "acl:relcl");

    /// <summary>A reduced relative clause on a noun that is no cue: "fears that Bosnian arms, sold by British firms, are being passed".</summary>
    private static bool IsReducedRelative(ClaimIndex ix, int dep, int gov) =>
        ix.FullRelIs(dep, "acl") && ix.Tokens[dep].Xpos is "VBN" && !ix.Is(gov, AttributionLexicon.NounKinds);

    /// <summary>What is granted or refused rather than affirmed or denied: "denied his request", "denied them entry".</summary>
    private static readonly HashSet<string> RefusableNouns = new(StringComparer.Ordinal)
    { "request", "appeal", "application", "petition", "bid", "motion", "plea", "permission", "access", "entry", "bail", "visa", "asylum", "demand", "call", "offer" };

    /// <summary>"that Russia withdraw its troops", "that the court should delay it": a subjunctive, what is asked for.</summary>
    private static bool IsMandative(ClaimIndex ix, int verb)
    {
        if (ix.Tokens[verb].Xpos is not "VB" || ix.Child(verb, "nsubj") < 0) return false;
        for (int c = ix.FirstChild[verb]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "aux") && !ix.FormIs(c, "should")) return false;
        return true;
    }

    /// <summary>
    /// A that-clause the parser hung on a verb as an adverbial clause, right after the verb's object or oblique noun of
    /// report, allegation, evidence or denial ("rejected claims that …", "declined to comment on reports that …"): an
    /// adverbial clause is never marked by a bare "that", so it is the noun's content clause. The noun, or -1.
    /// </summary>
    private static int ContentNounBefore(ClaimIndex ix, int clause, int verb)
    {
        if (!ix.RelIs(clause, "advcl")) return -1;
        int mark = -1;
        for (int c = ix.FirstChild[clause]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "mark")) { if (mark >= 0 || !ix.FormIs(c, "that")) return -1; mark = c; }
        if (mark < 1 || mark != ix.SubtreeStart[clause]) return -1;
        int noun = mark - 1;
        if (!(ix.RelIs(noun, "obj") || ix.RelIs(noun, "obl") || ix.RelIs(noun, "nmod")) || !ix.Is(noun, AttributionLexicon.NounKinds)) return -1;
        // The noun must belong to the verb's clause: "declined to comment on reports that …" reaches "declined" from "reports".
        for (int a = ix.Head(noun), guard = 0; a >= 0 && guard < 8; a = ix.Head(a), guard++)
            if (a == verb) return noun;
        return -1;
    }

    /// <summary>
    /// A to-infinitive the parser hung on a verb as an adverbial clause right after that verb's object, a noun of will
    /// ("failed to report Amir's plan to kill Rabin"): the infinitive is the noun's. The noun, or -1.
    /// </summary>
    private static int WillNounBefore(ClaimIndex ix, int clause, int verb)
    {
        if (!(ix.RelIs(clause, "advcl") || ix.RelIs(clause, "xcomp")) || !Speakers.HasMark(ix, clause, "to")) return -1;
        var to = ix.SubtreeStart[clause];
        if (to < 1 || !ix.FormIs(to, "to")) return -1;
        var noun = to - 1;
        if (!ix.Is(noun, CueKind.IntendNoun) || !(ix.RelIs(noun, "obj") || ix.RelIs(noun, "obl") || ix.RelIs(noun, "nmod"))) return -1;
        for (int a = ix.Head(noun), guard = 0; a >= 0 && guard < 8; a = ix.Head(a), guard++)
            if (a == verb) return noun;
        return -1;
    }

    /// <summary>Cues of who says, alleges or shows a thing: the only ones that reach across a relative clause or an oblique.</summary>
    private const CueKind SourcingKinds = CueKind.Report | CueKind.Allege | CueKind.ReportNoun | CueKind.AllegeNoun | CueKind.Evidence | CueKind.EvidenceVerb | CueKind.Cite;

    private static void Governor(ClaimIndex ix, int h, int cur, ref Modality m, List<AttributionLink> inner, bool detached, bool underReport,
        string? relation = null, bool throughClause = false, bool underWill = false)
    {
        var rel = relation is null ? ix.Rel(cur) : relation.AsSpan();
        var k = ix.Cues[h];
        if (underWill) k &= SourcingKinds | CueKind.Deny | CueKind.DenyNoun;
        // "Amir's plan to kill Rabin", "Iran's bid to build a bomb": intended; "no plan to attack": negated
        if ((k & CueKind.IntendNoun) != 0 && rel is "acl" && Speakers.HasMark(ix, cur, "to"))
        {
            Raise(ref m, HasNegativeDeterminer(ix, h) ? Modality.Negated : Modality.Intended);
            return;
        }
        // "Varadkar declined to comment on reports that … Hamas killed 1400 people": a report refused says nothing of the
        // event, and its would-be speaker is no source of it.
        if (underReport && (k & CueKind.NegationVerb) != 0 && (rel is "xcomp" || Speakers.HasMark(ix, cur, "to")))
        {
            if (inner.Count > 0 && ix.Tokens[cur].Span.Start >= inner[^1].Span.Start && ix.Tokens[cur].Span.End <= inner[^1].Span.End) inner.RemoveAt(inner.Count - 1);
            return;
        }
        // Across a relative clause or an oblique only reports and allegations reach the event.
        if (detached) k &= SourcingKinds;
        // "a judge denied Trump's request to stay the penalties": denying a request refuses it; the request was made.
        if ((k & CueKind.Deny) != 0 && rel is "obj" && ix.Tokens[cur].Lemma is { } asked && RefusableNouns.Contains(asked)) return;
        // "Israel has dismissed those calls, saying it targets Hamas fighters": the reason given is not what is denied.
        if ((k & CueKind.Deny) != 0 && rel is not "advcl" || ((k & CueKind.DenyNoun) != 0 && rel is "acl" or "nmod" or "ccomp"))
        {
            Raise(ref m, Modality.Denied);
            inner.Add(Speakers.LinkFor(ix, h));
            return;
        }
        // "urged Russia to withdraw", "told Russia to withdraw": a request, even from a verb that also reports ("asked", "told");
        // "demanded that Russia withdraw" too, but "told reporters that …" reports. A verb that also reports requests
        // with a mandative clause: a base-form verb with its own subject ("demanded that Russia withdraw").
        if ((k & CueKind.Request) != 0 && (rel is "xcomp" || (rel is "ccomp" && ((k & CueKind.Report) == 0 || IsMandative(ix, cur)))
            || (rel is "advcl" && Speakers.HasMark(ix, cur, "to"))))
        {
            Raise(ref m, IsNegated(ix, h) ? Modality.Negated : Modality.Requested);
            return;
        }
        // "she failed to report the plan": a report that was not made has no source
        if ((k & CueKind.Report) != 0 && (k & CueKind.Allege) == 0 && rel is "obj" && ReportNotMade(ix, h)) return;
        if ((k & (CueKind.Report | CueKind.Allege)) != 0 && rel is not "advcl" || (k & CueKind.Allege) != 0 || (rel is "advcl" && (k & CueKind.Report) != 0 && ix.Is(cur, CueKind.Report) && Speakers.HasMark(ix, cur, "as")))
        {
            if ((k & CueKind.Allege) != 0) Raise(ref m, Modality.Alleged);
            // "AP reported Kirby as saying …": Kirby is inside AP's report.
            int asSaying = SentenceCues.AsSaying(ix, h);
            if (asSaying >= 0 && asSaying != cur) inner.Add(Speakers.LinkFor(ix, asSaying));
            // "…, citing officials": the cited source is inside the report.
            for (int c = ix.FirstChild[h]; c >= 0; c = ix.NextSibling[c])
                if (ix.Is(c, CueKind.Cite) && ix.RelIs(c, "advcl") && ix.Child(c, "obj") is var o && o >= 0)
                    inner.Add(Speakers.Link(ix, o, c, c));
            inner.Add(Speakers.LinkFor(ix, h));
            return;
        }
        if ((k & CueKind.AllegeNoun) != 0 && rel is "acl" or "nmod" or "ccomp" or "obl")
        {
            Raise(ref m, Modality.Alleged);
            if (Speakers.SpeakerToken(ix, h) >= 0) inner.Add(Speakers.LinkFor(ix, h));
            return;
        }
        // "There is evidence that Russia attacked the port": alleged; "no evidence that …": not so
        if ((k & CueKind.Evidence) != 0 && ix.Tokens[h].Upos is "NOUN" && (rel is "acl" or "ccomp" || IsContentClauseReadAsRelative(ix, cur, h)))
        {
            Raise(ref m, HasNegativeDeterminer(ix, h) ? Modality.Negated : Modality.Alleged);
            return;
        }
        // "the idea of NATO members sending troops", "fears of an Israeli strike", "the possibility that Russia attacks"
        if ((k & CueKind.HypotheticalNoun) != 0 && rel is "acl" or "nmod" or "ccomp")
        {
            Raise(ref m, Modality.Hypothetical);
            return;
        }
        if ((k & CueKind.ReportNoun) != 0 && rel is "acl" or "ccomp")
        {
            if (Speakers.SpeakerToken(ix, h) >= 0) inner.Add(Speakers.LinkFor(ix, h));
            else Raise(ref m, Modality.Reported);
            return;
        }
        if ((k & CueKind.EvidenceVerb) != 0 && rel is "ccomp" or "obj" && EvidenceSubject(ix, h))
        {
            Raise(ref m, Modality.Alleged);
            return;
        }
        // A "clausal subject" after a predicate with a subject of its own is a misparsed complement ("Biden is set to visit").
        bool infinitive = rel is "xcomp" || (rel is "advcl" or "ccomp" && Speakers.HasMark(ix, cur, "to"))
            || (rel is "csubj" && cur > h && Speakers.HasMark(ix, cur, "to") && ix.Child(h, "nsubj") >= 0);
        // "I fail to see how they will protect the centres": what fails is the seeing, not the clause it is about.
        if ((k & CueKind.NegationVerb) != 0 && infinitive && !throughClause)
        {
            Raise(ref m, Modality.Negated);
            return;
        }
        // "The UN did nothing to stop the massacre", "Saddam never did anything to help the Palestinians": what was
        // done for it was nothing.
        if (Speakers.HasMark(ix, cur, "to") && rel is "acl" or "advcl" or "xcomp" && DidNothing(ix, h))
        {
            Raise(ref m, Modality.Negated);
            return;
        }
        // "the failure of the Indian army to disarm the Tigers": the noun of "fail" negates its infinitive as the verb does.
        if (ix.Tokens[h].Lemma is "failure" && rel is "acl" && Speakers.HasMark(ix, cur, "to"))
        {
            Raise(ref m, Modality.Negated);
            return;
        }
        if ((k & CueKind.Request) != 0 && (infinitive || (rel is "obl" && (Speakers.HasCase(ix, cur, "for") || Speakers.HasCase(ix, cur, "on")))))
        {
            Raise(ref m, IsNegated(ix, h) ? Modality.Negated : Modality.Requested);
            return;
        }
        if ((k & CueKind.Intend) != 0 && (infinitive || (rel is "obl" or "nmod" && Speakers.HasCase(ix, cur, "for"))))
        {
            Raise(ref m, IsNegated(ix, h) ? Modality.Negated : Modality.Intended);
            return;
        }
        // "is going to attack"
        // "is going to attack"; "is not going to", "No Republican president is going to ban" deny the intention
        if (rel is "xcomp" && ix.Tokens[h].Lemma is "go" && ix.Tokens[h].Xpos is "VBG")
            Raise(ref m, IsNegated(ix, h) ? Modality.Negated : Modality.Intended);
    }

    private static bool ReportNotMade(ClaimIndex ix, int verb) =>
        ix.RelIs(verb, "xcomp") && Speakers.HasMark(ix, verb, "to") && ix.Head(verb) is var g && g >= 0 && ix.Is(g, CueKind.NegationVerb);

    /// <summary>"intelligence shows", "inputs which show": the subject (or the antecedent of a relative subject) is evidence.</summary>
    private static bool EvidenceSubject(ClaimIndex ix, int verb)
    {
        int s = ix.Child(verb, "nsubj");
        if (s < 0) return false;
        if (ix.Tokens[s].Xpos is "WDT" or "WP" && ix.FullRelIs(verb, "acl:relcl")) s = ix.Head(verb);
        if (s < 0) return false;
        if (ix.Is(s, CueKind.Evidence)) return true;
        for (int c = ix.FirstChild[s]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "compound") && ix.Is(c, CueKind.Evidence)) return true;
        return false;
    }

    /// <summary>
    /// An event noun whose verb only carries it, negated: "did not set a deadline", "held no talks" is as negated as "did not meet".
    /// </summary>
    private static bool IsObjectOfNegatedLightVerb(ClaimIndex ix, int t) =>
        ix.RelIs(t, "obj") && ix.Head(t) is >= 0 and var h && ix.Is(h, CueKind.LightVerb) && IsNegated(ix, h);

    /// <summary>Negation on the token itself: "did not", "never", "no attack", "without attacking", "nobody attacked"; not "not only".</summary>
    internal static bool IsNegated(ClaimIndex ix, int t)
    {
        for (int c = ix.FirstChild[t]; c >= 0; c = ix.NextSibling[c])
        {
            // "resolve it through existing mechanisms rather than by closing the border", "instead of meeting Putin": the
            // alternative set aside did not happen
            if (c < t && ix.Rel(c) is "cc" or "mark" or "advmod" && c + 1 < ix.Tokens.Length
                && (ix.FormIs(c, "rather") && ix.FormIs(c + 1, "than") || ix.FormIs(c, "instead") && ix.FormIs(c + 1, "of")))
                return true;
            if (!ix.Is(c, CueKind.Negation))
            {
                // "no country attacked", "sent no troops"
                if ((ix.RelIs(c, "nsubj") || ix.RelIs(c, "obj")) && HasNegativeDeterminer(ix, c)) return true;
                // "Neither the Speaker nor myself urged any member"
                if (ix.RelIs(c, "nsubj") && HasNeither(ix, c)) return true;
                continue;
            }
            var rel = ix.Rel(c);
            if (rel is "advmod" or "neg" or "det" or "cc" or "nsubj" or "mark")
            {
                if (rel is "mark" && !ix.FormIs(c, "without")) continue;
                if (rel is "cc" && !ix.FormIs(c, "nor")) continue;
                if (c + 1 < ix.Tokens.Length && ix.Is(c + 1, CueKind.NegationCancel)) continue;
                return true;
            }
        }
        return false;
    }

    /// <summary>"nothing", or "anything" under a negated verb, or a "do" whose object is one of them.</summary>
    private static bool DidNothing(ClaimIndex ix, int h)
    {
        if (ix.FormIs(h, "nothing")) return true;
        if (ix.FormIs(h, "anything")) return ix.Head(h) >= 0 && IsNegated(ix, ix.Head(h));
        if (ix.Tokens[h].Lemma is not "do") return false;
        for (int c = ix.FirstChild[h]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "obj") && (ix.FormIs(c, "nothing") || ix.FormIs(c, "anything") && IsNegated(ix, h))) return true;
        return false;
    }

    private static bool HasNeither(ClaimIndex ix, int n)
    {
        for (int c = ix.FirstChild[n]; c >= 0; c = ix.NextSibling[c])
            if (ix.FormIs(c, "neither") && c < n) return true;
        return false;
    }

    private static bool HasNegativeDeterminer(ClaimIndex ix, int n)
    {
        for (int c = ix.FirstChild[n]; c >= 0; c = ix.NextSibling[c])
            if (ix.RelIs(c, "det") && ix.FormIs(c, "no")) return true;
        return false;
    }

    /// <summary>Markers on a predicate: modal and future auxiliaries, "if"/"unless", "allegedly"/"reportedly",
    /// and for nominal triggers "alleged"/"planned"/"reported" as modifiers.</summary>
    private static void Markers(ClaimIndex ix, int p, ref Modality m, bool nominal)
    {
        for (int c = ix.FirstChild[p]; c >= 0; c = ix.NextSibling[c])
        {
            var k = ix.Cues[c];
            var rel = ix.Rel(c);
            if (nominal && rel is "amod") k |= ParticipleCue(ix, c);
            if (k == CueKind.None) continue;
            if (rel is "aux")
            {
                if ((k & CueKind.HypotheticalAux) != 0) Raise(ref m, IsBackshiftedWill(ix, p, c) ? Modality.Intended : Modality.Hypothetical);
                else if ((k & CueKind.IntendAux) != 0) Raise(ref m, Modality.Intended);
            }
            else if (rel is "mark")
            {
                if ((k & CueKind.HypotheticalMark) != 0) Raise(ref m, Modality.Hypothetical);
            }
            else if (rel is "advmod")
            {
                if ((k & CueKind.AllegeAdverb) != 0) Raise(ref m, Modality.Alleged);
                else if ((k & CueKind.ReportAdverb) != 0) Raise(ref m, Modality.Reported);
            }
            else if (nominal && rel is "amod")
            {
                if ((k & (CueKind.Allege | CueKind.AllegeAdverb)) != 0) Raise(ref m, Modality.Alleged);
                else if ((k & CueKind.Intend) != 0) Raise(ref m, Modality.Intended);
                else if ((k & CueKind.Report) != 0) Raise(ref m, Modality.Reported);
            }
        }
    }

    /// <summary>
    /// "The government said it would meet the organizers next week": in reported speech "would" is the "will" of the
    /// speaker's words moved into the past, an intention as "will" is. It stays hypothetical with a condition ("would
    /// retaliate if attacked"), as "would have" (what did not happen), and under a question or request ("asked whether
    /// it would").
    /// </summary>
    private static bool IsBackshiftedWill(ClaimIndex ix, int p, int aux)
    {
        if (!ix.FormIs(aux, "would") && !ix.FormIs(aux, "'d")) return false;
        int h = ix.Head(p);
        if (h < 0 || h >= ix.Tokens.Length || !ix.RelIs(p, "ccomp") || !ix.Is(h, CueKind.Report) || ix.Is(h, CueKind.Request)) return false;
        if (ix.Child(p, "mark") is var mk && mk >= 0 && (ix.FormIs(mk, "whether") || ix.FormIs(mk, "if"))) return false;
        for (int c = ix.FirstChild[p]; c >= 0; c = ix.NextSibling[c])
        {
            if (ix.RelIs(c, "aux") && c > aux && (ix.FormIs(c, "have") || ix.FormIs(c, "'ve"))) return false;
            if (ix.RelIs(c, "advcl") && ix.Child(c, "mark") is var m && m >= 0 && ix.Is(m, CueKind.HypotheticalMark)) return false;
        }
        return true;
    }

    /// <summary>"alleged", "planned", "reported" as adjectives: the cue of the verb they come from.</summary>
    private static CueKind ParticipleCue(ClaimIndex ix, int c)
    {
        var form = ix.Form(c);
        if (form.Length < 5 || !form.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return CueKind.None;
        for (int cut = 1; cut <= 3; cut++)
        {
            var k = ix.Lexicon.Lookup(form[..^cut]) & (CueKind.Allege | CueKind.Intend | CueKind.Report);
            if (k != CueKind.None) return k;
        }
        return CueKind.None;
    }

    private static bool EndsWithQuestion(ClaimIndex ix, Nlp.Sentence s)
    {
        int last = s.FirstToken + s.TokenCount - 1;
        for (int i = last; i >= s.FirstToken && i > last - 3; i--)
        {
            if (ix.Form(i) is "?") return true;
            if (!SentenceCues.IsQuoteMark(ix, i)) break;
        }
        return false;
    }
}
