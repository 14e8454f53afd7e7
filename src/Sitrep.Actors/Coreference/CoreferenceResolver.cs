using System.Collections.Frozen;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Linking;
using Sitrep.Nlp;

namespace Sitrep.Actors.Coreference;

/// <summary>
/// Within-document coreference over linked mentions, in text order: surname-only mentions to the full-name person
/// ("Kirby" → John Kirby), appositive and title-only mentions ("John Kirby, US National Security Council spokesperson" …
/// "The National Security Council spokesperson"), pronouns to the most likely antecedent (number and kind, recency,
/// subject preference, speech-verb parallelism, possessors dispreferred), and "the two countries" to the last two
/// countries named. Then chain ids, stable, in order of first mention.
/// </summary>
internal static class CoreferenceResolver
{
    public static readonly FrozenSet<string> SpeechVerbs = FrozenSet.ToFrozenSet(
        ["say", "add", "tell", "state", "announce", "report", "claim", "note", "warn", "insist", "deny", "stress", "explain", "write", "confirm", "accuse", "argue", "reply"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Male = FrozenSet.ToFrozenSet(["he", "him", "his", "himself"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> Female = FrozenSet.ToFrozenSet(["she", "her", "hers", "herself"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> Neuter = FrozenSet.ToFrozenSet(["it", "its", "itself"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> PluralPronouns = FrozenSet.ToFrozenSet(["they", "them", "their", "theirs", "themselves"], StringComparer.Ordinal);

    public static bool IsPronoun(string folded) => Male.Contains(folded) || Female.Contains(folded) || Neuter.Contains(folded) || PluralPronouns.Contains(folded);

    /// <summary>
    /// A person or organization named in the text whom no mention covers (not in the KB): a rival antecedent for "he" and
    /// "she" (a person) or "it" (an organization).
    /// </summary>
    internal readonly record struct UnlinkedName(int First, int Count, int Head, int Sentence, bool IsSubject, bool SpeechSubject, bool IsPossessor, char Gender, bool IsOrganization);

    public static void Resolve(List<MentionDraft> drafts, Token[] tokens, KnowledgeBase? kb, DateOnly? date, List<UnlinkedName>? unlinked = null)
    {
        // Titles each person was given in apposition, for later title-only mentions.
        // Looked up by key rather than by scanning back through every earlier mention: a long document stays linear.
        var titles = new Dictionary<string, List<(MentionDraft Person, string Modifiers)>>(StringComparer.Ordinal);
        // The latest earlier resolved person bearing each surname (a mention's state is final once the loop passes it).
        var bySurname = new Dictionary<string, MentionDraft>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            switch (d.Pending)
            {
                case Pending.Surname:
                    {
                        if (bySurname.TryGetValue(d.Key!, out var a))
                        {
                            if (a.ActorId != d.ActorId || a.ActorId is null) d.CopyFrom(a, "surname");
                            else d.Antecedent = a.Antecedent ?? a;
                        }
                        break;
                    }
                case Pending.Title:
                    {
                        if (Appositive(drafts, i, tokens) is { } person)
                        {
                            if (!titles.TryGetValue(d.Key!, out var given)) titles[d.Key!] = given = [];
                            given.Add((person, d.TitleModifiers ?? ""));
                            d.CopyFrom(person, "appositive");
                            break;
                        }
                        MentionDraft? match = null;
                        if (titles.TryGetValue(d.Key!, out var sameTitle))
                            for (var t = sameTitle.Count - 1; t >= 0 && match is null; t--)
                                if (Compatible(sameTitle[t].Modifiers, d.TitleModifiers ?? "") && (d.Country is null || d.Country == sameTitle[t].Person.Country))
                                    match = sameTitle[t].Person;
                        if (match is null && d.Kind == ActorKind.Person && d.Count > 0)
                        {
                            // "the president" after "President Putin": a person whose role title has the head word.
                            for (var j = i - 1; j >= 0 && match is null; j--)
                            {
                                var a = drafts[j];
                                if (d.Sentence - a.Sentence > 6) break;
                                if (a.Kind == ActorKind.Person && a.ActorId is not null && a.Role is { } role && a.Pending != Pending.Title
                                    && role.Contains(d.Key!, StringComparison.OrdinalIgnoreCase) && (d.Country is null || d.Country == a.Country))
                                    match = a;
                            }
                        }
                        if (match is not null) d.CopyFrom(match, "title");
                        break;
                    }
                case Pending.Pronoun:
                    {
                        if (Antecedent(drafts, i, tokens, unlinked) is { } a)
                        {
                            d.CopyFrom(a, "pronoun");
                            // "she" said of Haley makes Haley female for the pronouns after: "after she criticized him", "him"
                            // is not Haley
                            if (d.Gender != '\0' && d.Antecedent is { Kind: ActorKind.Person, Gender: '\0' } root) root.Gender = d.Gender;
                            PossessorCountry(drafts, i, kb);
                        }
                        break;
                    }
                case Pending.Pair:
                    {
                        if (d.Member != 0) break;
                        // "the foreign ministers of Armenia and Azerbaijan … in Berlin, Germany's foreign office said … Both
                        // sides": the two countries last joined by "and" are the pair, before the last two named.
                        var seen = CoordinatedPair(drafts, i, tokens) ?? [];
                        for (var j = i - 1; j >= 0 && seen.Count < 2; j--)
                        {
                            var a = drafts[j];
                            // two countries named far back are not the sides of a dispute the story has moved on from
                            // (a US inquiry's "both sides" were the US and the Chinese firm named a dozen sentences before)
                            if (d.Sentence - a.Sentence > 5) break;
                            // "The United States … urged both leaders": who speaks of the pair in its sentence is not one of it
                            if (a.Sentence == d.Sentence) continue;
                            if (!PairCandidate(a)) continue;
                            if (seen.Any(s => s.Country == a.Country)) continue;
                            seen.Add(a);
                        }
                        if (seen.Count < 2 || kb is null && seen.Any(s => s.Code.Length < 3)) break;
                        seen.Reverse();
                        for (var m = 0; m < 2 && i + m < drafts.Count; m++)
                        {
                            var target = drafts[i + m];
                            var src = seen[m];
                            var country = kb?.Country(src.Country!);
                            target.ActorId = country?.Id ?? src.Country;
                            target.Name = country?.Name ?? src.Name;
                            target.Code = (country?.Cameo ?? src.Code[..3]) + (target.Sector ?? "");
                            target.Country = country?.Id ?? src.Country;
                            // "the two leaders" keep their sector (ARMGOV); "the two countries" are the states.
                            if (target.Sector is null) target.Kind = ActorKind.State;
                            target.Resolution = "pair";
                        }
                        break;
                    }
            }
            if (d.Pending is Pending.None or Pending.Title && SameDescription(drafts, i, tokens) is { } described) d.CopyFrom(described, "description");
            if (d.Kind == ActorKind.Person && d.Resolved && d.Pending != Pending.Pronoun)
                foreach (var surname in d.Surnames) bySurname[surname] = d;
        }
        SentenceCountry(drafts, kb);
        AssignChains(drafts);
    }

    /// <summary>
    /// After the countries of role-only mentions are filled from context ("a spokesperson for China's foreign ministry"
    /// becomes CHNGOV only then), a definite role still without a country ("The spokesperson urged") takes its
    /// description's antecedent, and so do the pronouns that followed it.
    /// </summary>
    public static void DescriptionsAfterContext(List<MentionDraft> drafts, Token[] tokens)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.Pending is not (Pending.None or Pending.Title) || SameDescription(drafts, i, tokens) is not { } a) continue;
            var (before, chain) = (d.Code, d.Chain);
            d.CopyFrom(a, "description");
            d.Chain = a.Chain;
            for (var j = i + 1; j < drafts.Count; j++)
                if (drafts[j].Chain == chain && drafts[j].Country is null && drafts[j].Code == before)
                {
                    drafts[j].CopyFrom(a, drafts[j].Resolution);
                    drafts[j].Chain = a.Chain;
                }
        }
    }

    /// <summary>
    /// "Foreign ministers of ASEAN … The ministers said", "a spokesperson for China's foreign ministry … The spokesperson
    /// urged": a definite role with no country of its own is the nearest earlier mention (within eight sentences) of the
    /// same number named by the same role noun and linked to a country or organization.
    /// </summary>
    private static MentionDraft? SameDescription(List<MentionDraft> drafts, int i, Token[] tokens)
    {
        var d = drafts[i];
        if (d.Resolution != "agent" || d.Country is not null || d.Role is not { } role || d.Count != 2
            || tokens[d.First].Lemma is not { } the || !the.Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        var noun = LastWord(role);
        for (var j = i - 1; j >= 0; j--)
        {
            var a = drafts[j];
            if (d.Sentence - a.Sentence > 8) break;
            if (a.Plural != d.Plural || a.Pending == Pending.Pronoun || a.Role is not { } other || a.Code.Length <= 3 || a.Resolution is "pair" or "agent+context") continue;
            if (a.Country is null && a.Code.Length < 6) continue;
            if (!LastWord(other).Equals(noun, StringComparison.OrdinalIgnoreCase)) continue;
            // "the U.S. government decision to return Elian … The government exhorted citizens" (in a Havana story): a role
            // that only modifies a thing named after it is not what a later definite description stands for
            if (ModifiesThing(drafts, a, tokens)) continue;
            // "the foreign ministers of Armenia and Azerbaijan" are two groups over the same words: no one antecedent
            if (j > 0 && drafts[j - 1].Span == a.Span || j + 1 < i && drafts[j + 1].Span == a.Span) return null;
            var after = a.First + a.Count;
            if (after < tokens.Length && tokens[after].Upos == "CCONJ") return null;
            return a;
        }
        return null;
    }

    private static bool ModifiesThing(List<MentionDraft> drafts, MentionDraft a, Token[] tokens)
    {
        var last = a.First + a.Count - 1;
        if (last < 0 || last >= tokens.Length || tokens[last].Deprel != "compound") return false;
        var head = tokens[last].Head;
        if (head < a.First + a.Count || head >= tokens.Length || tokens[head].Upos != "NOUN") return false;
        foreach (var o in drafts) if (o.First <= head && head < o.First + o.Count) return false;
        return true;
    }

    private static ReadOnlySpan<char> LastWord(string s) => s.AsSpan(s.LastIndexOf(' ') + 1);

    /// <summary>
    /// A titled person or named institution with no country ("President Dos Santos" in a story about Angola) takes the one country named
    /// in the same sentence, when exactly one is. A later mention of the same person takes the country the first one
    /// got, not its own sentence's: "Florida Gov. Ron DeSantis" is USAGOV, and so is every "DeSantis" after it.
    /// </summary>
    private static void SentenceCountry(List<MentionDraft> drafts, KnowledgeBase? kb)
    {
        if (kb is null) return;
        Dictionary<int, List<MentionDraft>>? bySentence = null;
        var personCountry = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            if (d.Kind == ActorKind.Person && d.Country is { } known && d.Name.Length > 0) personCountry.TryAdd(d.Name, known);
            // so does a named institution after its role word ("the opposition newspaper La Prensa")
            if (d.Kind != ActorKind.Person && d.Resolution != "title+name" || d.Country is not null || d.Code.Length != 3 || !kb.Sectors.Contains(d.Code)) continue;
            // "We applaud China's space achievements," NASA spokesman Allard Beutel said: the one country named is not NASA's
            if (d.OfUnknownOrganization) continue;
            if (d.Name.Length > 0 && personCountry.TryGetValue(d.Name, out var earlier) && kb.Country(earlier) is { } same)
            {
                d.Sector ??= d.Code;
                d.Code = same.Cameo + d.Code;
                d.Country = same.Id;
                d.Resolution += "+person-country";
                continue;
            }
            if (bySentence is null)
            {
                bySentence = [];
                foreach (var o in drafts)
                {
                    if (!bySentence.TryGetValue(o.Sentence, out var list)) bySentence[o.Sentence] = list = [];
                    list.Add(o);
                }
            }
            string? only = null;
            var many = false;
            foreach (var a in bySentence[d.Sentence])
            {
                if (a.Sentence != d.Sentence || a == d || !a.Resolved || a.Country is null || a.Pending == Pending.Pronoun) continue;
                if (only is null) only = a.Country;
                else if (only != a.Country) many = true;
            }
            if (only is null || many || kb.Country(only) is not { } c) continue;
            d.Sector ??= d.Code;
            d.Code = c.Cameo + d.Code;
            d.Country = c.Id;
            d.Resolution += "+sentence-country";
            if (d.Name.Length > 0) personCountry.TryAdd(d.Name, c.Id);
        }
    }

    /// <summary>
    /// "Castro said his government had shared its concerns": a role with no country after a possessive pronoun belongs to
    /// the pronoun's antecedent's country (CUBGOV), and so can be what a later "its" stands for.
    /// </summary>
    private static void PossessorCountry(List<MentionDraft> drafts, int i, KnowledgeBase? kb)
    {
        var d = drafts[i];
        // an organization's own ("Wagner Group … its forces") are the organization's, not its country's forces
        if (kb is null || i + 1 >= drafts.Count || d.Key is not ("his" or "her" or "its" or "their") || d.Country is not { } country
            || d.Kind is not (ActorKind.Person or ActorKind.State or ActorKind.Agent)) return;
        var owned = drafts[i + 1];
        if (owned.First != d.First + d.Count || owned.Kind != ActorKind.Agent || owned.Country is not null || owned.Code.Length != 3
            || !kb.Sectors.Contains(owned.Code) || kb.Country(country) is not { } c) return;
        owned.Sector ??= owned.Code;
        owned.Code = c.Cameo + owned.Code;
        owned.Country = c.Id;
        owned.Resolution += "+possessor-country";
    }

    private static bool Compatible(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return true;
        var wa = a.Split(' ');
        var wb = b.Split(' ');
        return wb.All(w => wa.Contains(w)) || wa.All(w => wb.Contains(w));
    }

    /// <summary>"John Kirby, US National Security Council spokesperson": a person immediately before a comma before this title.</summary>
    // A place named as where something happened ("a diplomat in Luanda") is no party to the pair.
    // a pair already resolved ("both governments") passes its two countries on to the next ("the two neighbours")
    private static bool PairCandidate(MentionDraft a) =>
        a.Resolved && a.Country is not null && a.Pending is not Pending.Pronoun && (a.Pending is not Pending.Pair || a.Resolution == "pair")
        && !a.Inner && a.Kind != ActorKind.Person && a.Resolution != "place";

    /// <summary>
    /// The latest two mentions of different countries joined by a coordinating conjunction ("Armenia and Azerbaijan"),
    /// within the last few sentences, the later one first (as the backward scan would have found them); null if none.
    /// </summary>
    private static List<MentionDraft>? CoordinatedPair(List<MentionDraft> drafts, int i, Token[] tokens)
    {
        var d = drafts[i];
        for (var j = i - 1; j > 0; j--)
        {
            var b = drafts[j];
            if (d.Sentence - b.Sentence > 8) break;
            if (!PairCandidate(b)) continue;
            for (var k = j - 1; k >= 0 && drafts[k].Sentence == b.Sentence; k--)
            {
                var a = drafts[k];
                if (!PairCandidate(a) || a.Country == b.Country) continue;
                var gap = a.First + a.Count;
                if (gap + 1 == b.First && tokens[gap].Upos == "CCONJ") return [b, a];
                break;
            }
        }
        return null;
    }

    private static MentionDraft? Appositive(List<MentionDraft> drafts, int i, Token[] tokens)
    {
        var d = drafts[i];
        if (d.First < 2) return null;
        for (var j = i - 1; j >= 0; j--)
        {
            var a = drafts[j];
            if (a.Sentence != d.Sentence) return null;
            // One punctuation mark apart ("Sergei Shoigu, the defence minister"); "Brown said the troops" is no apposition.
            if (a.First + a.Count == d.First - 1 && tokens[d.First - 1].Upos == "PUNCT" && a.Kind == ActorKind.Person && a.ActorId is not null && a.Resolved)
                return a.Antecedent ?? a;
            if (a.First + a.Count < d.First - 1) return null;
        }
        return null;
    }

    private static MentionDraft? Antecedent(List<MentionDraft> drafts, int i, Token[] tokens, List<UnlinkedName>? unlinked)
    {
        var d = drafts[i];
        var p = d.Key!;
        if (p == "it" && IsPleonastic(tokens, d.Head)) return null;
        // "kidnapped a cosmetic surgeon and his wife", "Russia and its allies": a possessive on the second conjunct is the first's
        if (FirstConjunct(tokens, d) is var first && first >= 0)
        {
            for (var j = i - 1; j >= 0 && drafts[j].First + drafts[j].Count > first - 8; j--)
                if (drafts[j].First <= first && first < drafts[j].First + drafts[j].Count)
                    return drafts[j].Resolved && Agrees(p, drafts[j]) ? drafts[j].Antecedent ?? drafts[j] : null;
            return null;
        }
        MentionDraft? best = null;
        var bestScore = double.MinValue;
        var between = 0;
        for (var j = i - 1; j >= 0; j--)
        {
            var a = drafts[j];
            var dist = d.Sentence - a.Sentence;
            if (dist > 2) break;
            if (!a.Resolved) continue;
            between++;
            if (!Agrees(p, a)) continue;
            // A subject pronoun does not take the subject of its own clause ("Russia said it …" is fine: different clause).
            if (a.First <= d.First && a.First + a.Count > d.First) continue;
            // Nor does an object pronoun: "he accused her", "she criticized him" (that would be "herself", "himself").
            if (!p.EndsWith("self", StringComparison.Ordinal) && IsClauseMate(tokens, d.Head, a.Head)) continue;
            // "the Iraq War … its tactics": a country that only names a war is not what "it" stands for
            if (Neuter.Contains(p) && NamesAWar(tokens, a)) continue;
            var score = Salience(dist, between, a.IsSubject, a.SpeechSubject && d.SpeechSubject, a.IsPossessor);
            if (a.Pending == Pending.Pronoun) score += 0.5;
            if (score > bestScore) { best = a; bestScore = score; }
        }
        // "two car bombs were discovered before they could be detonated": a plural subject earlier in the sentence that
        // names no actor is the nearer antecedent of "they"; an actor further back is not what the pronoun means.
        // "The treaty was signed after it was approved" likewise for "it".
        if (best is not null && (PluralPronouns.Contains(p) || Neuter.Contains(p)) && NonActorSubjectBefore(drafts, i, tokens, plural: PluralPronouns.Contains(p)) is var blocker
            && blocker >= 0 && best.First + best.Count <= blocker)
            return null;
        // "Hunter Biden appeared … for his closed-door deposition": a person the KB does not know, scored as any other
        // antecedent, who wins leaves the pronoun unresolved rather than given to someone named further back.
        // So for "its" after a company the KB does not know ("Parkland advanced its annual meeting").
        if (best is not null && unlinked is { Count: > 0 } && (Male.Contains(p) || Female.Contains(p) || Neuter.Contains(p)) && UnlinkedWins(drafts, i, tokens, unlinked, bestScore))
            return null;
        return best?.Antecedent ?? best;
    }

    private static bool UnlinkedWins(List<MentionDraft> drafts, int i, Token[] tokens, List<UnlinkedName> unlinked, double bestScore)
    {
        var d = drafts[i];
        var p = d.Key!;
        var neuter = Neuter.Contains(p);
        var gender = Male.Contains(p) ? 'm' : 'f';
        // names are in text order: start at the first within the two sentences before (a long story stays linear)
        int lo = 0, hi = unlinked.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (unlinked[mid].Sentence < d.Sentence - 2) lo = mid + 1; else hi = mid;
        }
        for (var n = lo; n < unlinked.Count; n++)
        {
            var u = unlinked[n];
            if (u.First >= d.First) break;
            if (u.IsOrganization != neuter) continue;
            var dist = d.Sentence - u.Sentence;
            if (dist > 2 || u.Gender != '\0' && u.Gender != gender) continue;
            if (!p.EndsWith("self", StringComparison.Ordinal) && IsClauseMate(tokens, d.Head, u.Head)) continue;
            // as for a mention: the resolved mentions between it and the pronoun, itself counted
            var between = 1;
            for (var j = i - 1; j >= 0 && drafts[j].First > u.First; j--) if (drafts[j].Resolved) between++;
            if (Salience(dist, between, u.IsSubject, u.SpeechSubject && d.SpeechSubject, u.IsPossessor) > bestScore) return true;
        }
        return false;
    }

    /// <summary>
    /// How likely a candidate is a pronoun's antecedent: recency (sentences back, mentions between), subject preference,
    /// speech-verb parallelism ("X said … he added"), possessors dispreferred.
    /// </summary>
    private static double Salience(int sentencesBack, int between, bool isSubject, bool bothSpeechSubjects, bool isPossessor) =>
        -3.0 * sentencesBack - 0.6 * between + (isSubject ? 2 : 0) + (bothSpeechSubjects ? 2 : 0) - (isPossessor ? 3 : 0);

    /// <summary>
    /// For a possessive pronoun on a noun coordinated with an earlier noun ("a surgeon and his wife"), that earlier noun's
    /// token; else -1.
    /// </summary>
    private static int FirstConjunct(Token[] tokens, MentionDraft d)
    {
        if (d.Head < 0 || d.Count != 1 || tokens[d.Head].Deprel != "nmod:poss" || d.Key is not ("his" or "her" or "its" or "their")) return -1;
        var owned = tokens[d.Head].Head;
        if (owned < 0 || tokens[owned].Deprel != "conj") return -1;
        var first = tokens[owned].Head;
        return first >= 0 && first < d.First && tokens[first].Upos is "NOUN" or "PROPN" && tokens[first].Sentence == tokens[d.Head].Sentence ? first : -1;
    }

    /// <summary>
    /// The nearest subject before the pronoun in its sentence, when it agrees in number and no mention covers it; -1 when
    /// the nearest agreeing subject is a mention or there is none.
    /// </summary>
    private static int NonActorSubjectBefore(List<MentionDraft> drafts, int i, Token[] tokens, bool plural)
    {
        var d = drafts[i];
        int sentence = tokens[d.First].Sentence;
        for (int k = d.First - 1; k >= 0 && tokens[k].Sentence == sentence; k--)
        {
            if (tokens[k].Deprel is not ("nsubj" or "nsubj:pass")) continue;
            // Drafts are in text order: only the earlier ones of this sentence can cover the subject.
            bool covered = false;
            for (int j = i - 1; j >= 0 && drafts[j].Sentence == d.Sentence && !covered; j--)
                covered = drafts[j].First <= k && k < drafts[j].First + drafts[j].Count;
            if (covered) return -1;
            if (plural ? tokens[k].Xpos is "NNS" : tokens[k].Xpos is "NN") return k;
        }
        return -1;
    }

    /// <summary>
    /// An "it" that stands for no one: the placeholder subject of a clause said about something else ("it became apparent
    /// that", "It was first suggested by the courts", "when it comes to", "it is remarkable", "it is important to").
    /// </summary>
    private static bool IsPleonastic(Token[] tokens, int it)
    {
        if (it < 0) return false;
        var h = tokens[it].Head;
        if (h < 0) return false;
        // the parser also calls a plain subject "expl" ("Iran says it is creating nuclear energy"): only on a verb's own
        // clause, or on no verb, is it the placeholder
        if (tokens[it].Deprel == "expl") return tokens[h].Upos != "VERB" || HasClause(tokens, h);
        if (tokens[it].Deprel is not ("nsubj" or "nsubj:pass")) return false;
        var lemma = tokens[h].Lemma ?? "";
        if (tokens[h].Upos == "ADJ" && ExtrapositionAdjectives.Contains(lemma)) return true;
        // "when it comes to", "it takes time"
        if (lemma == "come" && h + 1 < tokens.Length && tokens[h + 1].Lemma == "to" && tokens[h + 1].Upos is "ADP" or "PART" or "SCONJ") return true;
        // "it became apparent", "it seems likely": a linking verb whose adjective is one of extraposition
        if (lemma is "become" or "seem" or "appear" or "remain" or "get")
        {
            // however the adjective right after is attached
            if (h + 1 < tokens.Length && tokens[h + 1].Upos == "ADJ" && ExtrapositionAdjectives.Contains(tokens[h + 1].Lemma ?? "")) return true;
            for (var c = Math.Max(0, h - 60); c < Math.Min(tokens.Length, h + 60); c++)
                if (tokens[c].Head == h && tokens[c].Deprel == "xcomp" && tokens[c].Upos == "ADJ" && ExtrapositionAdjectives.Contains(tokens[c].Lemma ?? "")) return true;
        }
        if (!HasClause(tokens, h)) return false;
        // "it seems that", "it became clear that", "it was reported that", "it is true that"
        return tokens[it].Deprel == "nsubj:pass" || tokens[h].Upos == "ADJ" || lemma is "seem" or "appear" or "become" or "happen" or "matter" or "turn";
    }

    private static bool HasClause(Token[] tokens, int h)
    {
        for (var c = Math.Max(0, h - 60); c < Math.Min(tokens.Length, h + 60); c++)
            if (tokens[c].Head == h && tokens[c].Deprel is "ccomp" or "csubj") return true;
        return false;
    }

    private static readonly FrozenSet<string> ExtrapositionAdjectives = FrozenSet.ToFrozenSet(
        ["apparent", "clear", "unclear", "obvious", "evident", "likely", "unlikely", "possible", "impossible", "important", "necessary",
         "true", "remarkable", "bizarre", "surprising", "difficult", "hard", "easy", "essential", "crucial", "vital", "worth", "time",
         "ironic", "unfortunate", "fortunate", "interesting", "strange", "odd", "sad", "shameful", "unacceptable", "wrong"],
        StringComparer.Ordinal);

    /// <summary>A country that only names a war or crisis ("the Iraq War", "the Gaza conflict"): the name is the event's.</summary>
    private static bool NamesAWar(Token[] tokens, MentionDraft a) =>
        a.Head >= 0 && tokens[a.Head].Deprel == "compound" && tokens[a.Head].Head is var h && h >= 0 && (h < a.First || h >= a.First + a.Count)
        && tokens[h].Lemma is { } lemma && WarNouns.Contains(lemma);

    private static readonly FrozenSet<string> WarNouns = FrozenSet.ToFrozenSet(
        ["war", "conflict", "crisis", "invasion", "occupation", "intervention", "insurgency"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a pronoun is the object of the verb the other mention is the subject of.</summary>
    private static bool IsClauseMate(Token[] tokens, int pronoun, int other)
    {
        if (pronoun < 0 || other < 0 || tokens[pronoun].Deprel is not ("obj" or "iobj")) return false;
        return tokens[other].Deprel is "nsubj" or "nsubj:pass" && tokens[other].Head == tokens[pronoun].Head;
    }

    private static bool Agrees(string pronoun, MentionDraft a)
    {
        if (Male.Contains(pronoun) || Female.Contains(pronoun))
            return a.Kind == ActorKind.Person && !a.Plural && (a.Gender == '\0' || a.Gender == (Male.Contains(pronoun) ? 'm' : 'f'));
        if (Neuter.Contains(pronoun))
            return (a.Kind is ActorKind.State or ActorKind.Organization or ActorKind.Group or ActorKind.Media
                // "the Philippine Coast Guard said one of its vessels": an institution named by its role owns things too.
                // Only the possessive: "it" alone is as often a thing ("would not talk about it").
                || pronoun == "its" && a.Kind == ActorKind.Agent && a.Country is not null && a.Role is { } role && IsInstitution(role)) && !a.Plural;
        if (PluralPronouns.Contains(pronoun))
            return a.Plural || a.Pending == Pending.Pair;
        return false;
    }

    /// <summary>Role nouns that name an institution, not a person.</summary>
    internal static readonly FrozenSet<string> InstitutionNouns = FrozenSet.ToFrozenSet(
        ["government", "ministry", "army", "military", "navy", "guard", "police", "gendarmerie", "parliament", "court", "tribunal", "embassy", "agency",
         "committee", "council", "commission", "cabinet", "administration", "department", "authority", "regime", "junta",
         "legislature", "senate", "congress", "assembly", "duma", "party", "company", "firm", "bank", "industry", "newspaper", "media", "press",
         "television", "broadcaster", "union", "office", "university", "school", "hospital", "charity", "militia"], StringComparer.Ordinal);

    private static bool IsInstitution(string role)
    {
        var last = role.AsSpan().Trim();
        var space = last.LastIndexOf(' ');
        if (space >= 0) last = last[(space + 1)..];
        return InstitutionNouns.Contains(last.ToString().ToLowerInvariant());
    }

    private static void AssignChains(List<MentionDraft> drafts)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (!d.Resolved) continue;
            if (d.Antecedent is { Chain: >= 0 } a) { d.Chain = a.Chain; continue; }
            var key = d.ActorId is not null ? d.ActorId + "|" + d.Code : "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!byKey.TryGetValue(key, out var chain)) byKey[key] = chain = next++;
            d.Chain = chain;
        }
    }
}
