using System.Buffers;
using System.Collections.Frozen;
using Sitrep.Actors.Coreference;
using Sitrep.Actors.Kb;
using Sitrep.Actors.Places;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Actors.Linking;

/// <summary>
/// Links actor mentions at a document's date: KB (and PETRARCH) alias matches over token n-grams (longest match first,
/// proper names need capitals, acronyms match exactly), agent nouns, and their composition into noun phrases found from
/// the POS tags ("Russian President Vladimir Putin" → RUSGOV, "South Korea's military" → KORMIL, "Ukrainian troops" →
/// UKRMIL), metonymy of capitals and seats in actor positions ("Moscow said" → RUSGOV, "traveled to Pyongyang" → PRK),
/// contextual aliases ("the North" in a Korean story), then coreference (<see cref="CoreferenceResolver"/>).
/// Thread-safe: all state is per call.
/// </summary>
public sealed class ActorLinker
{
    /// <summary>
    /// The version of the linker's own rules, recorded after the KB's sha256 in every record's <c>sitrep.models.kb</c>:
    /// bump it whenever the code links the same text differently, so that <c>sitrep reprocess</c> finds the documents
    /// an older linker analysed.
    /// </summary>
    public const string Version = "linker/14";

    private readonly AliasIndex _index;
    private readonly KnowledgeBase? _kb;

    private static readonly FrozenSet<string> Locative = FrozenSet.ToFrozenSet(
        ["in", "at", "near", "inside", "outside", "around", "across", "throughout", "within", "into", "through", "via", "outside"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> Motion = FrozenSet.ToFrozenSet(
        ["travel", "traveled", "travelled", "visit", "go", "went", "fly", "flew", "arrive", "return", "come", "came", "trip", "journey", "head", "move", "flight", "route", "road", "drive"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> PairHeads = FrozenSet.ToFrozenSet(["countries", "nations", "sides", "states", "neighbours", "neighbors", "governments", "allies"], StringComparer.Ordinal);
    /// <summary>Generic heads whose modifier agent is more telling ("defence ministry spokesman" keeps the ministry's sector).</summary>
    private static readonly FrozenSet<string> GenericHeads = FrozenSet.ToFrozenSet(
        ["spokesperson", "spokesman", "spokeswoman", "official", "officials", "leader", "leaders", "chief", "head", "source", "sources", "representative", "representatives"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MassNouns = FrozenSet.ToFrozenSet(
        ["intelligence", "industry", "public", "labor", "labour", "press", "television", "population", "security", "media", "opposition", "leadership"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TimeWords = FrozenSet.ToFrozenSet(
        ["today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month", "year"], StringComparer.Ordinal);

    private readonly Lazy<PlaceGazetteer?> _places;

    /// <summary>A linker over <paramref name="index"/>; <paramref name="places"/> gives the country of place-named actors
    /// ("Darfur rebels", "Samarra" as a subject); null uses <see cref="PlaceGazetteer.Default"/> when its data is present.</summary>
    public ActorLinker(AliasIndex index, PlaceGazetteer? places = null)
    {
        _index = index;
        _kb = index.Kb;
        _places = places is not null ? new(places) : new(DefaultPlaces, LazyThreadSafetyMode.ExecutionAndPublication);
        _countryNames = new(CountryNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<(string Key, LexEntry[] Entries)[]> _countryNames;

    /// <summary>One-word country names of five letters or more with their index entries, for misspelt names.</summary>
    private (string Key, LexEntry[] Entries)[] CountryNames()
    {
        if (_kb is null) return [];
        var list = new List<(string, LexEntry[])>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _kb.Countries)
            foreach (var a in c.Aliases)
            {
                if (a.Kind != AliasKind.Name || a.Text.Length < 5 || a.Text.Any(ch => !char.IsLetter(ch))) continue;
                var key = TextFold.Fold(a.Text);
                if (seen.Add(key) && _index.Folded.Lookup.TryGetValue(key, out var es)) list.Add((key, es));
            }
        return [.. list.OrderBy(x => x.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A capitalized one-word proper noun one letter inserted, dropped or swapped away from exactly one country's name
    /// ("Ethopia", "Phillippines", "Quatar"): news copy misspells country names often enough to be worth a careful match.
    /// </summary>
    private Unit? MisspeltCountry(string text, Token[] tokens, int i, int end, Buffers b)
    {
        var t = tokens[i];
        if (t.Upos != "PROPN" || t.Span.Length < 5 || !IsCapitalized(text, t)) return null;
        // Part of a longer name ("Frances Smith", "Rev. Gabon Jones") is no country.
        if (i + 1 < end && tokens[i + 1].Upos == "PROPN" && IsCapitalized(text, tokens[i + 1])) return null;
        if (i > 0 && tokens[i - 1].Sentence == t.Sentence && tokens[i - 1].Upos == "PROPN" && IsCapitalized(text, tokens[i - 1])) return null;
        var w = b.F(i, i);
        foreach (var ch in w) if (!char.IsLetter(ch)) return null;
        LexEntry[]? hit = null;
        foreach (var (key, es) in _countryNames.Value)
        {
            if (key[0] != w[0] || Math.Abs(key.Length - w.Length) > 1 || !OneEditApart(w, key)) continue;
            // An inflected form ("Frances", "Koreas", "Kenyan") is another word, not a misspelling.
            if (w.Length == key.Length + 1 && w.StartsWith(key, StringComparison.Ordinal)) return null;
            if (hit is not null && !ReferenceEquals(hit[0].Entity, es[0].Entity)) return null;
            hit = es;
        }
        return hit is null ? null : new Unit(i, 1, hit, false);
    }

    /// <summary>One insertion, deletion or adjacent transposition (no substitution: "Gabor" is not "Gabon").</summary>
    private static bool OneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == b.Length)
        {
            var k = 0;
            while (k < a.Length && a[k] == b[k]) k++;
            return k + 1 < a.Length && a[k] == b[k + 1] && a[k + 1] == b[k] && a[(k + 2)..].SequenceEqual(b[(k + 2)..]);
        }
        if (a.Length < b.Length) { var x = a; a = b; b = x; }
        if (a.Length != b.Length + 1) return false;
        var p = 0;
        while (p < b.Length && a[p] == b[p]) p++;
        return a[(p + 1)..].SequenceEqual(b[p..]);
    }

    private PlaceGazetteer? DefaultPlaces()
    {
        if (_kb is null) return null;
        try { return PlaceGazetteer.Default; }
        // No shipped data folder (a KB loaded from elsewhere, as in tests): place fallbacks are off.
        catch (Exception ex) when (ex is IOException or KbException or InvalidOperationException) { return null; }
    }

    public AliasIndex Index => _index;

    /// <summary>
    /// People and organizations the recognizer named whom no mention covers ("Hunter Biden", "Parkland Corp", with no KB
    /// entry), in text order: still the likely antecedent of a "he", "she" or "it" after them.
    /// </summary>
    private static List<CoreferenceResolver.UnlinkedName> UnlinkedNames(string text, Token[] tokens, EntityMention[]? entities, List<MentionDraft> drafts)
    {
        var result = new List<CoreferenceResolver.UnlinkedName>();
        if (entities is null) return result;
        var d = 0;
        foreach (var e in entities.OrderBy(e => e.FirstToken))
        {
            if (e.Type is not ("PER" or "ORG") || e.TokenCount == 0) continue;
            var end = e.FirstToken + e.TokenCount;
            while (d < drafts.Count && drafts[d].First + drafts[d].Count <= e.FirstToken) d++;
            var covered = false;
            for (var j = d; j < drafts.Count && drafts[j].First < end && !covered; j++) covered = drafts[j].First + drafts[j].Count > e.FirstToken;
            if (covered) continue;
            var head = end - 1;
            for (var k = e.FirstToken; k < end; k++)
                if (tokens[k].Head < e.FirstToken || tokens[k].Head >= end) { head = k; break; }
            var rel = tokens[head].Deprel ?? "";
            // "on the Seth Meyers late night show": a name modifying a noun names no one the text goes on about
            if (rel is "compound" or "amod" or "flat") continue;
            var subject = rel.StartsWith("nsubj", StringComparison.Ordinal);
            var gov = tokens[head].Head;
            result.Add(new CoreferenceResolver.UnlinkedName(e.FirstToken, e.TokenCount, head, tokens[e.FirstToken].Sentence, subject,
                subject && gov >= 0 && tokens[gov].Lemma is { } lemma && CoreferenceResolver.SpeechVerbs.Contains(lemma),
                rel == "nmod:poss" || end < tokens.Length && tokens[end].Sentence == tokens[head].Sentence && IsClitic(text, tokens[end]),
                e.Type == "PER" && e.FirstToken > 0 ? HonorificGender(text, tokens, e.FirstToken - 1) : '\0', e.Type == "ORG"));
        }
        return result;
    }

    /// <summary>
    /// Links a parsed document's actor mentions; <paramref name="date"/> null chooses the roles current at the latest date.
    /// <paramref name="places"/>, when the place stage ran first, settle a country's name that the document uses for a
    /// region or city of another country ("Georgia" beside "Atlanta" is the US state).
    /// </summary>
    public ActorMention[] Link(string text, Token[] tokens, Sentence[] sentences, DateOnly? date, EntityMention[]? entities = null, PlaceMention[]? places = null)
    {
        var drafts = LinkDrafts(text, tokens, sentences, date, entities, places);
        CoreferenceResolver.Resolve(drafts, tokens, _kb, date, UnlinkedNames(text, tokens, entities, drafts));
        FillFromContext(text, tokens, sentences, drafts);
        CoreferenceResolver.DescriptionsAfterContext(drafts, tokens);
        var result = new List<ActorMention>(drafts.Count);
        foreach (var d in drafts) if (d.Resolved) result.Add(d.ToMention());
        return [.. result];
    }

    /// <summary>
    /// Role-only mentions left without a country after coreference ("Moslem forces", "Islamic fundamentalists", "the
    /// government") take the one country their sentence is about: the only country its other mentions have, else the
    /// only one in a locative phrase (gazetteer cities included: "in Sivas") when the sentence also names it otherwise
    /// or names no other. A definite singular one ("the government")
    /// in a sentence naming no country takes the story's dominant country (≥ 2 mentions, twice the next).
    /// </summary>
    private void FillFromContext(string text, Token[] tokens, Sentence[] sentences, List<MentionDraft> drafts)
    {
        if (_kb is null) return;
        string? dominant = null;
        var dominantDone = false;
        Dictionary<int, List<(string Country, int Head)>>? placesBySentence = null;
        var all = new List<string>();
        var loc = new List<string>();
        var named = new List<string>();
        // A mention is compared only with its own sentence's mentions, indexed once: a long document stays linear.
        var bySentence = new Dictionary<int, List<MentionDraft>>();
        var followers = new Dictionary<MentionDraft, List<MentionDraft>>(ReferenceEqualityComparer.Instance);
        foreach (var o in drafts)
        {
            if (!bySentence.TryGetValue(o.Sentence, out var same)) bySentence[o.Sentence] = same = [];
            same.Add(o);
            if (o.Antecedent is { } ante)
            {
                if (!followers.TryGetValue(ante, out var f)) followers[ante] = f = [];
                f.Add(o);
            }
        }
        foreach (var d in drafts)
        {
            if (!d.Resolved || d.Country is not null || d.Resolution != "agent" || !IsRoleOnly(d.Code)) continue;
            // "Foreign ministers from the Nordic and Baltic states", "the leaders of five Central Asian countries": a group
            // of several countries has none of its own, whichever country the sentence names
            if (OfSeveralCountries(text, tokens, d.Head)) continue;
            // "accused by Afghan and Western leaders", "world leaders", "international observers": a modifier that places the
            // agents outside any one country leaves them none, whichever country the sentence names; so does "your"
            if (HasNoCountryModifier(text, tokens, d)) continue;
            all.Clear();
            loc.Clear();
            named.Clear();
            string? partnerCountry = null;
            var sentenceDrafts = bySentence[d.Sentence];
            foreach (var o in sentenceDrafts)
            {
                if (ReferenceEquals(o, d) || o.Sentence != d.Sentence || o.Country is not { } c || o.Resolution == "agent+context") continue;
                if (o.Span.Start < d.Span.End && o.Span.End > d.Span.Start) continue;
                // "On Myanmar, the ministers said": a fronted topic is what they spoke about, not whose they are.
                if (IsFrontedTopic(text, tokens, sentences[d.Sentence], o)) continue;
                var locative = o.Resolution == "place" || IsLocative(text, tokens, o.Head);
                // "called for a ceasefire in Gaza": a place that only locates the object is not where the agents are from
                if (locative && LocatesAnObject(tokens, o.Head, d.Head)) continue;
                // "The company is negotiating with the Soviets": the partner of the agents' verb is someone else, and so
                // is where the partner is ("The ministers met with Chinese officials in Beijing")
                if (PartnerOfSubject(tokens, o.Head, d.Head)) { partnerCountry ??= c; continue; }
                if (!all.Contains(c)) all.Add(c);
                if (locative) { if (!loc.Contains(c)) loc.Add(c); }
                else if (!named.Contains(c)) named.Add(c);
            }
            placesBySentence ??= [];
            if (!placesBySentence.TryGetValue(d.Sentence, out var placed))
                placesBySentence[d.Sentence] = placed = LocativePlaceCountries(text, tokens, sentences[d.Sentence], sentenceDrafts);
            foreach (var (c, at) in placed)
            {
                if (LocatesAnObject(tokens, at, d.Head)) continue;
                if (!all.Contains(c)) all.Add(c);
                if (!loc.Contains(c)) loc.Add(c);
            }
            // The place decides only between countries the sentence otherwise names: "its forces fighting in Ukraine" in a
            // sentence about the US, Russia and North Korea is none of Ukraine's.
            if (partnerCountry is not null)
            {
                all.Remove(partnerCountry);
                loc.Remove(partnerCountry);
            }
            var pick = all.Count == 1 ? all[0] : loc.Count == 1 && (named.Count == 0 || named.Contains(loc[0])) ? loc[0] : null;
            if (pick is null && all.Count == 0 && !d.Plural && IsThe(text, tokens[d.First]))
            {
                if (!dominantDone) { dominant = DominantCountry(drafts); dominantDone = true; }
                pick = dominant;
            }
            if (pick is null || _kb.Country(pick) is not { } kc) continue;
            var old = d.Code;
            d.Code = ComposeSector(kc.Cameo, old);
            d.Country = kc.Id;
            d.ActorId ??= kc.Id;
            d.Sector ??= SectorOf(d.Code, kc.Cameo);
            d.Resolution = "agent+context";
            // Mentions coreference already copied from this one follow it.
            if (!followers.TryGetValue(d, out var copies)) continue;
            foreach (var o in copies)
                if (o.Country is null && o.Code == old)
                {
                    o.Code = d.Code; o.Country = d.Country; o.ActorId ??= d.ActorId; o.Sector ??= d.Sector;
                }
        }
    }

    private static bool OfSeveralCountries(string text, Token[] tokens, int head)
    {
        for (var c = head + 1; c < tokens.Length && c <= head + 8 && tokens[c].Sentence == tokens[head].Sentence; c++)
            if (tokens[c].Head == head && (tokens[c].Deprel ?? "").StartsWith("nmod", StringComparison.Ordinal)
                && Lower(text, tokens[c]) is "countries" or "states" or "nations" or "governments" or "members" or "neighbours" or "neighbors")
                return true;
        return false;
    }

    private static bool IsFrontedTopic(string text, Token[] tokens, Sentence s, MentionDraft o)
    {
        var end = o.First + o.Count;
        return o.First == s.FirstToken + 1 && Lower(text, tokens[s.FirstToken]) is "on" or "regarding" or "concerning" or "about"
            && end < s.FirstToken + s.TokenCount && Word(text, tokens[end]) == ",";
    }

    /// <summary>A code of role parts only ("MIL", "REB", "GOVMIL"), no country, organization or international type.</summary>
    private bool IsRoleOnly(string code)
    {
        if (_kb is null || code.Length < 3 || code.Length % 3 != 0) return false;
        if (_kb.InternationalTypes.Contains(code[..3])) return false;
        for (var i = 0; i < code.Length; i += 3)
            if (!_kb.Sectors.Contains(code.Substring(i, 3))) return false;
        return true;
    }

    private static string? DominantCountry(List<MentionDraft> drafts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in drafts)
            // the press a story credits ("Associated Press", "Reuters reported") is its source, not its subject
            if (o.Country is { } c && o.Resolution != "agent+context" && o.Kind != ActorKind.Media) counts[c] = counts.GetValueOrDefault(c) + 1;
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0 || ranked[0].Value < 2) return null;
        if (ranked.Count > 1 && ranked[0].Value < 2 * ranked[1].Value) return null;
        return ranked[0].Key;
    }

    /// <summary>
    /// Whether a locative phrase headed by <paramref name="place"/> places a topic the agents speak of ("[the ministers]
    /// called for a ceasefire in Gaza", "discussed the situation in the Middle East"), not the agents or their act.
    /// </summary>
    private static bool LocatesAnObject(Token[] tokens, int place, int agent)
    {
        var h = tokens[place].Head;
        // as the subject it is what happened there ("gang violence in Port-au-Prince has forced thousands of people from their homes")
        if (h < 0 || h == agent || tokens[h].Upos is not "NOUN" || tokens[h].Lemma is not { } lemma || !TopicNouns.Contains(lemma)) return false;
        // only what the agents themselves act on: the topic is the object of their verb, or of a verb coordinated with it
        var verb = tokens[h].Head;
        if (verb < 0 || tokens[verb].Upos is not "VERB") return false;
        if (tokens[verb].Deprel == "conj" && tokens[verb].Head >= 0) return tokens[agent].Head == verb || tokens[agent].Head == tokens[verb].Head;
        return tokens[agent].Head == verb;
    }

    /// <summary>Whether <paramref name="other"/> is a with- or against-phrase of the verb <paramref name="agent"/> is the subject of.</summary>
    private static bool PartnerOfSubject(Token[] tokens, int other, int agent)
    {
        if (other < 0 || agent < 0 || tokens[agent].Deprel is not ("nsubj" or "nsubj:outer")) return false;
        var verb = tokens[agent].Head;
        if (verb < 0 || tokens[other].Head != verb || !(tokens[other].Deprel ?? "").StartsWith("obl", StringComparison.Ordinal)) return false;
        for (var k = other - 1; k >= 0 && k >= other - 4; k--)
            if (tokens[k].Head == other && tokens[k].Deprel == "case") return tokens[k].Lemma is "with" or "against";
        return false;
    }

    private static readonly FrozenSet<string> TopicNouns = FrozenSet.ToFrozenSet(
        ["situation", "crisis", "conflict", "war", "ceasefire", "cease-fire", "truce", "violence", "fighting", "peace", "tension",
         "tensions", "development", "developments", "unrest", "election", "elections", "referendum", "dispute", "standoff",
         "famine", "disaster", "emergency", "humanitarian", "offensive", "occupation", "genocide", "atrocity", "atrocities"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Countries of gazetteer cities and regions named in locative phrases of a sentence outside any mention ("in Sivas"), with the place's head token.</summary>
    private List<(string Country, int Head)> LocativePlaceCountries(string text, Token[] tokens, Sentence s, List<MentionDraft> drafts)
    {
        var found = new List<(string Country, int Head)>();
        if (_places.Value is not { } places) return found;
        int end = s.FirstToken + s.TokenCount;
        for (var k = s.FirstToken; k < end; k++)
        {
            if (tokens[k].Upos != "PROPN" || !IsCapitalized(text, tokens[k]) || !IsLocative(text, tokens, k)) continue;
            var a = k;
            // the whole name, with the capitalized words the tagger calls adjectives ("New Orleans" is not Orléans)
            while (a - 1 >= s.FirstToken && (tokens[a - 1].Upos == "PROPN" || tokens[a - 1].Xpos is "NNP" or "NNPS") && tokens[a - 1].Head == k && IsCapitalized(text, tokens[a - 1])) a--;
            if (drafts.Any(o => o.First < k + 1 && o.First + o.Count > a)) continue;
            if (PlaceCountry(places, text[tokens[a].Span.Start..tokens[k].Span.End], locative: true) is { } c && !found.Exists(f => f.Country == c.Id)) found.Add((c.Id, k));
        }
        return found;
    }

    internal readonly record struct Unit(int First, int Count, LexEntry[] Entries, bool IsAgent)
    {
        public int End => First + Count;
        public LexEntry Top => Entries[0];

        /// <summary>An entity's words that are also an agent noun ("Congress"): the reading when no entity applies.</summary>
        public LexEntry[]? AgentEntries { get; init; }
    }

    private readonly record struct Chunk(int First, int End);

    internal List<MentionDraft> LinkDrafts(string text, Token[] tokens, Sentence[] sentences, DateOnly? date, EntityMention[]? entities, PlaceMention[]? places = null)
    {
        var drafts = new List<MentionDraft>();
        if (tokens.Length == 0) return drafts;

        // Fold the document once: token k is folded[starts[k]..ends[k]], tokens separated by one space.
        var total = 0;
        foreach (var t in tokens) total += t.Span.Length + 1;
        var folded = ArrayPool<char>.Shared.Rent(total);
        var exact = ArrayPool<char>.Shared.Rent(total);
        var starts = ArrayPool<int>.Shared.Rent(tokens.Length);
        var ends = ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            var p = 0;
            for (var k = 0; k < tokens.Length; k++)
            {
                var sp = tokens[k].Span;
                starts[k] = p;
                for (var c = sp.Start; c < sp.End; c++)
                {
                    exact[p] = TextFold.UnifyChar(text[c]);
                    folded[p] = TextFold.FoldChar(text[c]);
                    p++;
                }
                ends[k] = p;
                exact[p] = ' ';
                folded[p] = ' ';
                p++;
            }
            var buffers = new Buffers(folded, exact, starts, ends);

            // Every unit of the document first: contextual aliases depend on what else the story mentions.
            var units = new List<Unit>[sentences.Length];
            for (var si = 0; si < sentences.Length; si++) units[si] = FindUnits(text, tokens, sentences[si], buffers);
            if (places is { Length: > 0 }) DropCountriesThePlacesReadOtherwise(text, tokens, units, places);
            PreferSurnamesOfPeopleNamedInFull(units);
            if (places is { Length: > 0 }) DropSurnamesThatNamePlaces(tokens, units, places);
            DropYoungNamesakes(text, tokens, units);
            DropTitlesOfPlaces(text, tokens, units);
            var context = new LinkContext(DocumentContext(units), OtherBearers(text, tokens, sentences, units, entities));

            var entityAt = entities is null ? null : EntityIndex(entities, tokens.Length);
            for (var si = 0; si < sentences.Length; si++)
                LinkSentence(text, tokens, sentences[si], si, units[si], context, date, entityAt, drafts);
            foreach (var d in drafts)
                if (d.Kind == ActorKind.Person && d.Gender == '\0' && d.First > 0 && HonorificGender(text, tokens, d.First - 1) is var g and not '\0') d.Gender = g;
            // Text order (members of one phrase in their order) before coreference.
            var ordered = drafts.Select((d, i) => (d, i)).OrderBy(x => x.d.Span.Start).ThenBy(x => x.d.Member).ThenBy(x => x.i).Select(x => x.d).ToList();
            drafts.Clear();
            drafts.AddRange(ordered);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<char>.Shared.Return(exact);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(ends);
        }
        return drafts;
    }

    private readonly record struct Buffers(char[] Folded, char[] Exact, int[] Starts, int[] Ends)
    {
        public ReadOnlySpan<char> F(int i, int j) => Folded.AsSpan(Starts[i], Ends[j] - Starts[i]);
        public ReadOnlySpan<char> E(int i, int j) => Exact.AsSpan(Starts[i], Ends[j] - Starts[i]);
    }

    private static string?[] EntityIndex(EntityMention[] entities, int n)
    {
        var at = new string?[n];
        foreach (var e in entities)
            for (var k = e.FirstToken; k < e.FirstToken + e.TokenCount && k < n; k++) at[k] = e.Type;
        return at;
    }

    // ---- alias matching --------------------------------------------------------------------------------------

    private List<Unit> FindUnits(string text, Token[] tokens, Sentence s, Buffers b)
    {
        var units = new List<Unit>();
        int end = s.FirstToken + s.TokenCount;
        for (var i = s.FirstToken; i < end;)
        {
            var best = MatchAt(text, tokens, i, end, b);
            if (best is { } u) { units.Add(u); i = u.End; }
            else i++;
        }
        return units;
    }

    /// <summary>
    /// A country's name that the place stage read as a region or city of another country ("Georgia" beside "Atlanta",
    /// the US state) is not that country anywhere in the document: its country entries are dropped, so the phrase takes
    /// the place's country ("A Georgia judge" USAJUD, as "A Texas judge").
    /// </summary>
    private static void DropCountriesThePlacesReadOtherwise(string text, Token[] tokens, List<Unit>[] units, PlaceMention[] places)
    {
        Dictionary<string, string>? elsewhere = null;
        List<PlaceMention>? regions = null;
        foreach (var p in places)
            if (!PlaceKinds.IsCountry(p.Kind))
            {
                // A region of several countries ("Latin America", "North America") holds no country of its own; a
                // country's name inside it ("America") is part of the region's name.
                if (p.Country is not null) (elsewhere ??= new(StringComparer.Ordinal)).TryAdd(TextFold.Fold(text.AsSpan(p.Span.Start, p.Span.Length).ToString()), p.Country);
                (regions ??= []).Add(p);
            }
        if (regions is null) return;
        foreach (var list in units)
            for (var u = list.Count - 1; u >= 0; u--)
            {
                var unit = list[u];
                // Only the country's name: a capital ("London" in Ontario) or a demonym ("Brits") keeps its own rules.
                if (unit.IsAgent || !unit.Entries.Any(e => e.Entity is KbCountry && e.Alias?.Kind is AliasKind.Name or AliasKind.Short)) continue;
                int start = tokens[unit.First].Span.Start, end = tokens[unit.End - 1].Span.End;
                // The same name as the place, or a part of a longer place name ("Jersey" in "New Jersey").
                string? country = null;
                if (elsewhere is null || !elsewhere.TryGetValue(TextFold.Fold(text[start..end]), out country))
                {
                    // Place mentions are in text order and do not overlap: only the last one starting at or before the
                    // unit can hold it (a binary search keeps a long document linear).
                    int lo = 0, hi = regions.Count - 1, last = -1;
                    while (lo <= hi)
                    {
                        var mid = (lo + hi) >>> 1;
                        if (regions[mid].Span.Start <= start) { last = mid; lo = mid + 1; } else hi = mid - 1;
                    }
                    if (last < 0 || end > regions[last].Span.End || regions[last].Span.Length <= end - start) continue;
                    country = regions[last].Country;
                }
                var kept = unit.Entries.Where(e => e.Entity is not KbCountry c || e.Alias?.Kind is not (AliasKind.Name or AliasKind.Short)
                    || (country is not null && (c.Id == country || c.Cameo == country))).ToArray();
                if (kept.Length == unit.Entries.Length) continue;
                if (kept.Length == 0) list.RemoveAt(u);
                else list[u] = unit with { Entries = kept };
            }
    }

    /// <summary>
    /// "Michael Bloomberg … Warren accused Bloomberg": once the document names a KB person in full, a one-word unit that is
    /// also their surname is theirs, not the organization or country of the same name (the news agency Bloomberg).
    /// </summary>
    private static void PreferSurnamesOfPeopleNamedInFull(List<Unit>[] units)
    {
        if (PeopleNamedInFull(units) is not { } named) return;
        foreach (var list in units)
            for (var u = 0; u < list.Count; u++)
            {
                var unit = list[u];
                if (unit.IsAgent || unit.Count != 1 || unit.Entries.Length < 2) continue;
                if (!unit.Entries.Any(e => e.Entity is KbPerson p && e.Alias?.Kind == AliasKind.Surname && named.Contains(p))) continue;
                list[u] = unit with { Entries = [.. unit.Entries.Where(e => e.Entity is KbPerson p && named.Contains(p))] };
            }
    }

    /// <summary>KB people the document names by more than a surname ("Joe Biden", "President Biden" does not count), or null.</summary>
    private static HashSet<KbPerson>? PeopleNamedInFull(List<Unit>[] units)
    {
        HashSet<KbPerson>? named = null;
        foreach (var list in units)
            foreach (var unit in list)
                foreach (var e in unit.Entries)
                    if (e.Entity is KbPerson p && e.Alias?.Kind is not AliasKind.Surname) (named ??= []).Add(p);
        return named;
    }

    /// <summary>
    /// "a Satanic ritual in downtown Toledo": a bare surname that the gazetteer reads as a city there is the city, not the
    /// person of that surname (Alejandro Toledo), unless the document names that person in full.
    /// </summary>
    private static void DropSurnamesThatNamePlaces(Token[] tokens, List<Unit>[] units, PlaceMention[] places)
    {
        // A unit may take in a modifier the place does not ("downtown Toledo"): the city ends where the unit ends.
        List<(int First, int End)>? cities = null;
        foreach (var p in places)
            if (p.Kind == PlaceKinds.City) (cities ??= []).Add((p.FirstToken, p.FirstToken + p.TokenCount));
        if (cities is null) return;
        var named = PeopleNamedInFull(units);
        foreach (var list in units)
            for (var u = list.Count - 1; u >= 0; u--)
            {
                var unit = list[u];
                if (!SurnameOnly(unit) || !cities.Any(c => c.First >= unit.First && c.End == unit.First + unit.Count)) continue;
                if (named is not null && unit.Entries.Any(e => e.Entity is KbPerson person && named.Contains(person))) continue;
                list.RemoveAt(u);
            }
    }

    /// <summary>
    /// "Brother Zillur Rahman, 29, was jailed": a name with an age under 30 after it, as news writes the age of ordinary
    /// people, is a namesake of the knowledge base's office holder (a former president of Bangladesh), not that person.
    /// Its later bare surname is theirs too.
    /// </summary>
    private static void DropYoungNamesakes(string text, Token[] tokens, List<Unit>[] units)
    {
        HashSet<KbPerson>? young = null;
        foreach (var list in units)
            for (var u = list.Count - 1; u >= 0; u--)
            {
                var unit = list[u];
                if (unit.IsAgent || !unit.Entries.All(e => e.Entity is KbPerson) || !IsAgeApposition(text, tokens, unit.End)) continue;
                foreach (var e in unit.Entries) (young ??= []).Add((KbPerson)e.Entity!);
                list.RemoveAt(u);
            }
        if (young is null) return;
        foreach (var list in units)
            list.RemoveAll(unit => !unit.IsAgent && unit.Entries.All(e => e.Entity is KbPerson p && young.Contains(p)));
    }

    private static readonly HashSet<string> TitleSurnames = new(StringComparer.Ordinal)
    { "bishop", "archbishop", "prince", "princess", "duke", "duchess", "earl", "baron", "lord", "king", "queen", "cardinal", "abbot", "marquis" };

    /// <summary>"Don Antonio de Valdiviesco, Bishop of Nicaragua": a title of a see or a realm is no surname (Julie Bishop).</summary>
    private static void DropTitlesOfPlaces(string text, Token[] tokens, List<Unit>[] units)
    {
        foreach (var list in units)
            list.RemoveAll(unit => unit.Count == 1 && SurnameOnly(unit) && TitleSurnames.Contains(Lower(text, tokens[unit.First]))
                && unit.End + 1 < tokens.Length && tokens[unit.End].Sentence == tokens[unit.First].Sentence
                && Lower(text, tokens[unit.End]) == "of" && IsCapitalized(text, tokens[unit.End + 1]));
    }

    /// <summary>", 29," or ", 29." right after token k - 1, in the same sentence: an age under 30.</summary>
    private static bool IsAgeApposition(string text, Token[] tokens, int k)
    {
        if (k + 2 >= tokens.Length || tokens[k].Sentence != tokens[k - 1].Sentence || Word(text, tokens[k]) != ",") return false;
        var age = tokens[k + 1];
        if (age.Sentence != tokens[k].Sentence || age.Span.Length is < 1 or > 2) return false;
        var value = 0;
        for (var c = age.Span.Start; c < age.Span.End; c++)
        {
            if (!char.IsAsciiDigit(text[c])) return false;
            value = value * 10 + (text[c] - '0');
        }
        return value is >= 1 and < 30 && Word(text, tokens[k + 2]) is "," or "." or ")";
    }

    private Unit? MatchAt(string text, Token[] tokens, int i, int end, Buffers b)
    {
        Unit? entity = null;
        var ex = _index.Exact;
        if (ex.FirstLookup.Contains(b.E(i, i)))
            for (var j = Math.Min(end, i + ex.MaxTokens) - 1; j >= i; j--)
                if (ex.Lookup.TryGetValue(b.E(i, j), out var es)) { entity = new Unit(i, j - i + 1, es, false); break; }
        var fo = _index.Folded;
        if (fo.FirstLookup.Contains(b.F(i, i)))
            for (var j = Math.Min(end, i + fo.MaxTokens) - 1; j >= i && (entity is null || j - i + 1 > entity.Value.Count); j--)
                if (fo.Lookup.TryGetValue(b.F(i, j), out var es))
                {
                    var ok = Filter(es, text, tokens, i, j);
                    if (ok.Length > 0) { entity = new Unit(i, j - i + 1, ok, false); break; }
                }
        if (_index.Stems is { } st && entity is null)
            entity = StemMatch(st, b, tokens, i, end);
        Unit? agent = null;
        var ag = _index.Agents;
        if (ag.FirstLookup.Contains(b.F(i, i)))
            for (var j = Math.Min(end, i + ag.MaxTokens) - 1; j >= i; j--)
                if (ag.Lookup.TryGetValue(b.F(i, j), out var es))
                {
                    // "NGOs", "MPs" are acronyms: written otherwise ("Prime Minister Ngo Dinh Diem") they are a name
                    if (i == j && AcronymAgents.Contains(b.F(i, i)) && !(tokens[i].Span.Length >= 2 && char.IsUpper(text[tokens[i].Span.Start]) && char.IsUpper(text[tokens[i].Span.Start + 1]))) break;
                    agent = new Unit(i, j - i + 1, es, true);
                    break;
                }
        if (entity is { } e && (agent is not { } a || e.Count >= a.Count))
            return agent is { } same && same.Count == e.Count ? e with { AgentEntries = same.Entries } : e;
        return agent ?? MisspeltCountry(text, tokens, i, end, b);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AcronymAgents =
        FrozenSet.ToFrozenSet(["ngo", "ngos", "mp", "mps"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static Unit? StemMatch(AliasIndex.Table st, Buffers b, Token[] tokens, int i, int end)
    {
        for (var j = Math.Min(end, i + st.MaxTokens) - 1; j >= i; j--)
        {
            var full = b.F(i, j);
            var lastLen = tokens[j].Span.Length;
            for (var cut = 0; cut <= lastLen - 3; cut++)
                if (st.Lookup.TryGetValue(full[..^cut], out var es)) return new Unit(i, j - i + 1, es, false);
        }
        return null;
    }

    /// <summary>Case rules: a name matched ignoring case must be capitalized in the text ("Turkey", not "turkey").</summary>
    private static LexEntry[] Filter(LexEntry[] entries, string text, Token[] tokens, int i, int j)
    {
        var capital = IsCapitalized(text, tokens[i]);
        var lastCapital = IsCapitalized(text, tokens[j]);
        var prevThe = i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence && IsThe(text, tokens[i - 1]);
        var tail = IsTailOfLongerName(text, tokens, i);
        // A region named as a bloc ("the West", "Western powers") is one only before a lowercase word or none, and not
        // after a locative preposition: "Western Europe", "West Virginia", "targets in the West" are parts of the world.
        var notABloc = j + 1 < tokens.Length && tokens[j + 1].Sentence == tokens[j].Sentence
            && (IsCapitalized(text, tokens[j + 1]) && char.IsLetter(text[tokens[j + 1].Span.Start])
                || IsHyphen(text, tokens[j + 1]) && tokens[j + 1].Span.Start == tokens[j].Span.End); // "African-American"
        var before = prevThe ? i - 2 : i - 1;
        notABloc |= before >= 0 && tokens[before].Sentence == tokens[i].Sentence && BlocLocatives.Contains(Lower(text, tokens[before]));
        var allOk = true;
        foreach (var e in entries) if (!Allowed(e, capital, lastCapital, prevThe, tail, notABloc)) { allOk = false; break; }
        if (allOk) return entries;
        return [.. entries.Where(e => Allowed(e, capital, lastCapital, prevThe, tail, notABloc))];
    }

    private static readonly FrozenSet<string> BlocLocatives = FrozenSet.ToFrozenSet(["in", "across", "throughout", "within", "into"], StringComparer.Ordinal);

    private static bool Allowed(LexEntry e, bool capital, bool lastCapital, bool prevThe, bool tail, bool notABloc)
    {
        if (e.Kind == LexKind.PetrarchActor) return true;
        if (!capital) return false;
        // "the West" only with its article, and not as the end of another name ("Kanye West")
        if (IsBloc(e) && (notABloc || tail || e.Alias is { } ba && ba.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !prevThe)) return false;
        // An alias the KB writes as a definite description ("the Commission", "the Security Council") names its entity
        // only as such, not as the end of another body's name: "the African Union Commission", "the Peace and Security
        // Council", "Russia's Security Council".
        if (tail && e.Alias is { } described && IsGenericDescription(described.Text)) return false;
        // The last word must be capitalized as the alias writes it ("the Biden administration" ends in lowercase).
        if (!lastCapital && e.Alias is { } al && LastWordCapitalized(al.Text)) return false;
        if (e.Alias is { Kind: AliasKind.Contextual } a && a.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !prevThe) return false;
        return true;
    }

    /// <summary>
    /// An alias written as "the" and a body's generic head ("the Commission", "the Security Council"), which other
    /// bodies' names end in too; "the Washington Post", "the White House" are names of their own.
    /// </summary>
    private static bool IsGenericDescription(string alias)
    {
        if (!alias.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return false;
        var last = alias.AsSpan(alias.LastIndexOf(' ') + 1);
        return GenericBodyHeads.Contains(last);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericBodyHeads = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Commission", "Council", "Committee", "Assembly", "Court", "Parliament", "Congress", "Senate", "Ministry", "Bank", "Fund",
        "Agency", "Authority", "Brotherhood", "Commonwealth", "Union", "League", "Party", "Front", "Army", "Movement", "Government",
        "Alliance", "Coalition", "Organization", "Organisation", "Secretariat", "Tribunal", "Office", "Department", "Board").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the words before token <paramref name="i"/> make it the end of a longer name: a proper noun right before it
    /// ("African Union | Commission"), a possessive ("Russia's | Security Council"), or "and"/"of" after a proper noun
    /// ("Peace and | Security Council").
    /// </summary>
    private static bool IsTailOfLongerName(string text, Token[] tokens, int i)
    {
        if (i == 0 || tokens[i - 1].Sentence != tokens[i].Sentence) return false;
        var prev = tokens[i - 1];
        if (IsClitic(text, prev) && Word(text, prev) is "'s" or "\u2019s") return true;
        if (prev.Upos == "PROPN" && IsCapitalized(text, prev) && !IsThe(text, prev)) return true;
        // a capitalized modifier or number inside the sentence ("the Iraqi High Electoral | Commission", "the Sept. 11 |
        // Commission") makes a name of its own too
        if (prev.Upos is "ADJ" or "NOUN" or "NUM" && IsCapitalized(text, prev) && !IsThe(text, prev)
            && (prev.Upos == "NUM" || i - 1 > FirstOfSentence(tokens, i))) return true;
        return i >= 2 && tokens[i - 2].Sentence == prev.Sentence && Lower(text, prev) is "and" or "of" or "&"
            && tokens[i - 2].Upos == "PROPN" && IsCapitalized(text, tokens[i - 2]);
    }

    private static readonly FrozenSet<string> CultureNouns = FrozenSet.ToFrozenSet(
        ["language", "languages", "dialect", "alphabet", "script", "culture", "cuisine", "food", "dish", "coffee", "tea", "wine",
         "beer", "music", "song", "film", "cinema", "literature", "poetry", "novel", "art", "style", "accent", "name", "word",
         "cat", "dog", "breed", "horse",
         // "1,015 French francs", "the Mexican peso": a currency is a country's money, not the country acting
         "currency", "franc", "dollar", "peso", "pound", "mark", "ruble", "rouble", "yen", "yuan", "renminbi", "rupee", "rupiah",
         "lira", "dinar", "dirham", "riyal", "rial", "shekel", "rand", "krona", "krone", "kroner", "kronor", "won", "real",
         "ringgit", "baht", "dong", "hryvnia", "zloty", "forint", "escudo", "drachma", "guilder", "schilling", "peseta"], StringComparer.OrdinalIgnoreCase);

    private static bool IsNameParticle(string w) =>
        w is "bin" or "ibn" or "bint" or "al" or "el" or "abu" or "ben" or "van" or "von" or "de" or "da"
        || w.StartsWith("al-", StringComparison.Ordinal) || w.StartsWith("el-", StringComparison.Ordinal);

    private static int FirstOfSentence(Token[] tokens, int i)
    {
        while (i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence) i--;
        return i;
    }

    private static bool LastWordCapitalized(string alias)
    {
        var sp = alias.LastIndexOf(' ');
        var w = sp < 0 ? alias : alias[(sp + 1)..];
        foreach (var c in w) if (char.IsLetter(c)) return char.IsUpper(c);
        return true;
    }

    private static bool IsCapitalized(string text, Token t)
    {
        for (var c = t.Span.Start; c < t.Span.End; c++)
            if (char.IsLetter(text[c])) return char.IsUpper(text[c]);
            else if (char.IsDigit(text[c])) return true;
        return true;
    }

    /// <summary>
    /// A dateline's city: the words [<paramref name="first"/>, <paramref name="end"/>) open their sentence and are written
    /// in capitals before "(", ",", a dash or "_" ("AUSTIN (AP) --", "LUANDA, March 21"), or in any case before a colon or
    /// a long dash ("Seoul: North Korea fired …", "New Delhi — …").
    /// </summary>
    private static bool IsDatelineWord(string text, Token[] tokens, Sentence s, int first, int end)
    {
        if (first != s.FirstToken || end >= s.FirstToken + s.TokenCount) return false;
        var next = Word(text, tokens[end]);
        if (next is ":" or "\u2014" or "\u2013" or "--") return true;
        for (var k = first; k < end; k++) if (!IsAllCaps(text, tokens[k])) return false;
        return next is "(" or "," or "-" or "_";
    }

    /// <summary>
    /// The country (or state) after a dateline's city: "STRASBOURG, France (AP) —", "KYIV, Ukraine —": a city in capitals
    /// opening the sentence, a comma, the words [<paramref name="first"/>, <paramref name="end"/>), then "(" or a dash.
    /// </summary>
    private static bool IsDatelineCountry(string text, Token[] tokens, Sentence s, int first, int end)
    {
        if (first < s.FirstToken + 2 || end >= s.FirstToken + s.TokenCount || Word(text, tokens[first - 1]) != ",") return false;
        for (var k = s.FirstToken; k < first - 1; k++) if (!IsAllCaps(text, tokens[k])) return false;
        return Word(text, tokens[end]) is "(" or "\u2014" or "\u2013" or "--" or "-" or "_";
    }

    /// <summary>
    /// The agency in a dateline's parentheses: "WASHINGTON (AP) —", "STRASBOURG, France (AP) —", "LONDON, March 4
    /// (Reuters) -": a sentence opening in capitals, a few words, then "(" the words [<paramref name="first"/>,
    /// <paramref name="end"/>) ")".
    /// </summary>
    private static bool IsDatelineCredit(string text, Token[] tokens, Sentence s, int first, int end)
    {
        if (first < s.FirstToken + 2 || first - s.FirstToken > 7 || end >= s.FirstToken + s.TokenCount) return false;
        return Word(text, tokens[first - 1]) == "(" && Word(text, tokens[end]) == ")" && IsAllCaps(text, tokens[s.FirstToken]);
    }

    private bool IsCity(string name) =>
        _places.Value is { } gazetteer && gazetteer.Find(name).Any(e => e.Kind == PlaceKinds.City);

    private static bool IsAllCaps(string text, Token t)
    {
        var letters = 0;
        for (var c = t.Span.Start; c < t.Span.End; c++)
            if (char.IsLetter(text[c])) { if (!char.IsUpper(text[c])) return false; letters++; }
        return letters >= 3;
    }

    private static bool IsThe(string text, Token t) => t.Span.Length == 3 && text.AsSpan(t.Span.Start, 3).Equals("the", StringComparison.OrdinalIgnoreCase);

    private static string Word(string text, Token t) => text.Substring(t.Span.Start, t.Span.Length);

    private static string Lower(string text, Token t) => TextFold.Fold(Word(text, t));

    /// <summary>Countries the story names outright (not through contextual aliases): the context of "the North" and of ambiguous names.</summary>
    /// <summary>What the whole document says that linking one phrase needs: the countries it names, and surnames it gives to people other than their KB bearers.</summary>
    private sealed record LinkContext(HashSet<string> Countries, Dictionary<string, int> OtherBearers);

    /// <summary>
    /// Surnames the document first writes after a given name that is not their KB bearer's ("Andy Kim", "Andy Reid"):
    /// folded surname → token of that first mention.
    /// </summary>
    private static Dictionary<string, int> OtherBearers(string text, Token[] tokens, Sentence[] sentences, List<Unit>[] units, EntityMention[]? entities)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        // "Cameron Brooksbank was 17 … a tearful Cameron was seen talking to police": a KB surname that starts a person's
        // full name the tagger reads as one, with no KB name after it, is that person's given name, and alone it is theirs.
        if (entities is not null)
            foreach (var e in entities)
            {
                if (e.Type != "PER" || e.TokenCount != 2) continue;
                var unit = UnitAt(units, tokens[e.FirstToken].Sentence, e.FirstToken);
                if (unit is not { Count: 1 } u || !SurnameOnly(u) || UnitAt(units, tokens[e.FirstToken].Sentence, e.FirstToken + 1) is not null) continue;
                var next = tokens[e.FirstToken + 1];
                if (next.Upos != "PROPN" || !IsCapitalized(text, next)) continue;
                found.TryAdd(Lower(text, tokens[e.FirstToken]), e.FirstToken);
            }
        for (var si = 0; si < sentences.Length; si++)
        {
            var list = units[si];
            for (var u = 0; u < list.Count; u++)
            {
                var unit = list[u];
                if (unit.IsAgent || unit.Count != 1 || !SurnameOnly(unit) || unit.First == sentences[si].FirstToken) continue;
                var before = tokens[unit.First - 1];
                // a given name starts with a letter ("’President Musharraf", its quote mark glued on, names no one else)
                if (before.Upos != "PROPN" || !IsCapitalized(text, before) || !char.IsLetter(text[before.Span.Start]) || u > 0 && list[u - 1].End > unit.First - 1) continue;
                var given = Word(text, before);
                if (unit.Entries.Any(e => e.Entity is KbPerson p && NearGivenName(p, given))) continue;
                found.TryAdd(Lower(text, tokens[unit.First]), unit.First);
            }
        }
        if (found.Count == 0 || PeopleNamedInFull(units) is not { } named) return found;
        // A KB bearer the document also names in full ("Joe Biden" beside "Hunter Biden") keeps the bare surname.
        foreach (var p in named)
            foreach (var a in p.Aliases)
                if (a.Kind == AliasKind.Surname) found.Remove(TextFold.Fold(a.Text));
        return found;
    }

    private static Unit? UnitAt(List<Unit>[] units, int sentence, int token)
    {
        if (sentence < 0 || sentence >= units.Length) return null;
        foreach (var u in units[sentence])
            if (u.First <= token && token < u.End) return u;
        return null;
    }

    /// <summary>"the Kim", "a frustrated Cook": only lower-case determiners and adjectives before the name, no title to decide.</summary>
    private static bool OnlyDeterminersAndAdjectivesBefore(string text, Token[] tokens, int from, int head)
    {
        for (var k = from; k < head; k++)
            if (tokens[k].Upos is not ("DET" or "ADJ") || IsCapitalized(text, tokens[k]) && !IsThe(text, tokens[k]) && !StartsSentence(tokens, k)) return false;
        return from < head;
    }

    private static readonly HashSet<string> NoCountryModifiers = new(StringComparer.Ordinal)
    { "western", "world", "international", "global", "overseas", "multinational" };

    private static bool HasNoCountryModifier(string text, Token[] tokens, MentionDraft d)
    {
        for (var k = d.First; k < d.Head; k++)
            if (NoCountryModifiers.Contains(Lower(text, tokens[k]))) return true;
        // "thank you for the help that your governments have provided", Albright told African ministers: "your" is the
        // addressees', whom the sentence does not name
        var before = d.First - 1;
        return before >= 0 && tokens[before].Sentence == tokens[d.First].Sentence && Lower(text, tokens[before]) == "your"
            || Lower(text, tokens[d.First]) == "your";
    }

    private static bool StartsSentence(Token[] tokens, int k) => k == 0 || tokens[k - 1].Sentence != tokens[k].Sentence;

    /// <summary>A name written right after a hyphen that follows a capitalized word, with no space: "Lopez-Galvan".</summary>
    private static bool IsDoubleBarrelled(string text, Token[] tokens, int k) =>
        k >= 2 && tokens[k - 1].Sentence == tokens[k].Sentence && IsHyphen(text, tokens[k - 1])
        && tokens[k - 1].Span.End == tokens[k].Span.Start && tokens[k - 2].Span.End == tokens[k - 1].Span.Start && IsCapitalized(text, tokens[k - 2]);

    private static HashSet<string> DocumentContext(List<Unit>[] units)
    {
        var ctx = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in units)
            foreach (var u in list)
                if (!u.IsAgent && u.Entries.Length == 1 && u.Top.Entity is { } e && u.Top.Alias?.Kind != AliasKind.Contextual)
                    if (CountryOf(e) is { } c) ctx.Add(c);
        return ctx;
    }

    private static string? CountryOf(KbEntity e) => e switch
    {
        KbCountry c => c.Id,
        KbOrganization o => o.Country,
        KbPerson p => p.Roles.Select(r => r.Country).LastOrDefault(c => c is not null),
        _ => null,
    };

    private static bool ContextHolds(string context, HashSet<string> ctx, KnowledgeBase? kb)
    {
        if (ctx.Contains(context)) return true;
        // A word context ("korea") holds when a country named with it is in the story.
        foreach (var c in ctx)
            if (kb?.Country(c) is { } k && k.Name.Contains(context, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // ---- phrases ---------------------------------------------------------------------------------------------

    private void LinkSentence(string text, Token[] tokens, Sentence s, int si, List<Unit> units, LinkContext context,
        DateOnly? date, string?[]? entityAt, List<MentionDraft> drafts)
    {
        int end = s.FirstToken + s.TokenCount;
        var firstDraft = drafts.Count;
        var unitAt = new int[s.TokenCount];
        Array.Fill(unitAt, -1);
        for (var u = 0; u < units.Count; u++)
            for (var k = units[u].First; k < units[u].End; k++) unitAt[k - s.FirstToken] = u;

        var chunks = Chunks(text, tokens, s, unitAt, entityAt);
        var consumed = new bool[chunks.Count];
        for (var c = 0; c < chunks.Count; c++)
        {
            if (consumed[c]) continue;
            var ch = chunks[c];
            // "Hungarian and Romanian officials": a modifier-only phrase coordinated with an agent phrase.
            if (c + 1 < chunks.Count && ch.End < end && tokens[ch.End].Upos == "CCONJ" && chunks[c + 1].First == ch.End + 1)
            {
                var last = unitAt[ch.End - 1 - s.FirstToken];
                var next = chunks[c + 1];
                var nextHead = unitAt[next.End - 1 - s.FirstToken];
                if (last >= 0 && IsDemonym(units[last]) && nextHead >= 0 && units[nextHead].IsAgent && units[nextHead].First > next.First
                    && unitAt[next.First - s.FirstToken] is var nm && nm >= 0 && IsCountryish(units[nm]))
                {
                    var whole = new Chunk(ch.First, next.End);
                    var before = drafts.Count;
                    AgentPhrase(text, tokens, s, si, whole, [units[last]], units[nextHead], units, unitAt, date, drafts, member: 0);
                    AgentPhrase(text, tokens, s, si, whole, ModifiersOf(units, unitAt, s, next, nextHead), units[nextHead], units, unitAt, date, drafts, member: 1);
                    if (drafts.Count > before) { consumed[c + 1] = true; continue; }
                }
            }
            Phrase(text, tokens, s, si, ch, units, unitAt, context, date, entityAt, drafts);
        }
        AppositiveNames(text, tokens, s, si, unitAt, entityAt, drafts, firstDraft);
        UnknownOrganizations(text, tokens, s, si, units, unitAt, entityAt, drafts, firstDraft);
        // Pronouns become mentions when coreference finds their antecedent.
        for (var k = s.FirstToken; k < end; k++)
        {
            if (tokens[k].Upos != "PRON" && tokens[k].Upos != "DET") continue;
            var w = Lower(text, tokens[k]);
            if (!CoreferenceResolver.IsPronoun(w)) continue;
            var d = NewDraft(text, tokens, s, si, new Chunk(k, k + 1), 0);
            d.Pending = Pending.Pronoun;
            d.Key = w;
            d.Kind = ActorKind.Other;
            d.Gender = w is "he" or "him" or "his" or "himself" ? 'm' : w is "she" or "her" or "hers" or "herself" ? 'f' : '\0';
            drafts.Add(d);
        }
    }

    private static bool Covered(List<MentionDraft> drafts, int from, int first, int end)
    {
        for (var x = from; x < drafts.Count; x++)
            if (drafts[x].First < end && drafts[x].First + drafts[x].Count > first) return true;
        return false;
    }

    /// <summary>
    /// "Salaheddine Sidhoum, Algeria's leading human rights activist, …": a name the KB lacks, followed by a comma and a
    /// title phrase with a country, is the person the title describes (two words or more, or a name the NER calls a person).
    /// </summary>
    private void AppositiveNames(string text, Token[] tokens, Sentence s, int si, int[] unitAt, string?[]? entityAt, List<MentionDraft> drafts, int firstDraft)
    {
        int end = s.FirstToken + s.TokenCount, count = drafts.Count;
        for (var x = firstDraft; x < count; x++)
        {
            var t = drafts[x];
            if (t.Country is null || t.Plural || !t.Resolution.StartsWith("agent+", StringComparison.Ordinal)) continue;
            int last = t.First - 2, after = t.First + t.Count;
            if (last < s.FirstToken || Word(text, tokens[t.First - 1]) != "," || (after < end && Word(text, tokens[after]) != ",")) continue;
            bool NameAt(int k) => unitAt[k - s.FirstToken] < 0 && tokens[k].Upos == "PROPN" && IsCapitalized(text, tokens[k]);
            if (!NameAt(last)) continue;
            var a = last;
            while (a - 1 >= s.FirstToken && NameAt(a - 1)) a--;
            if (last == a && entityAt?[last] != "PER") continue;
            if (entityAt?[last] is { } et && et != "PER") continue;
            if (Covered(drafts, firstDraft, a, last + 1)) continue;
            var d = NewDraft(text, tokens, s, si, new Chunk(a, last + 1), 0);
            d.Code = t.Code;
            d.Country = t.Country;
            d.Sector = t.Sector;
            d.Role = t.Role;
            d.Kind = ActorKind.Person;
            d.Name = text[tokens[a].Span.Start..tokens[last].Span.End];
            d.Resolution = "appositive-name";
            d.Surnames = [Lower(text, tokens[last])];
            drafts.Add(d);
        }
    }

    private static readonly FrozenSet<string> CivilOrgWords = FrozenSet.ToFrozenSet(
        ["association", "associations", "forum", "foundation", "federation", "society", "league", "institute", "committee", "centre", "center", "network", "watch", "trust"], StringComparer.Ordinal);

    /// <summary>
    /// An organization the KB lacks, named as one by the NER and by its own words ("Third World Water Forum",
    /// "Association of African Jurists"): CAMEO's NGO, with the country a demonym or name inside gives ("Kenyan ... Association").
    /// Not when a KB actor or agent noun is inside ("Senate Foreign Relations Committee" is the legislature's).
    /// </summary>
    private void UnknownOrganizations(string text, Token[] tokens, Sentence s, int si, List<Unit> units, int[] unitAt, string?[]? entityAt,
        List<MentionDraft> drafts, int firstDraft)
    {
        if (entityAt is null) return;
        int end = s.FirstToken + s.TokenCount;
        for (var k = s.FirstToken; k < end; k++)
        {
            if (entityAt[k] != "ORG" || (k > s.FirstToken && entityAt[k - 1] == "ORG")) continue;
            var e = k;
            while (e < end && entityAt[e] == "ORG") e++;
            var orgWord = false;
            var ok = true;
            KbCountry? country = null;
            for (var j = k; j < e && ok; j++)
            {
                if (IsCapitalized(text, tokens[j]) && CivilOrgWords.Contains(Lower(text, tokens[j]))) orgWord = true;
                var u = unitAt[j - s.FirstToken];
                if (u < 0) continue;
                if (units[u].IsAgent || units[u].Top.Entity is not KbCountry c) ok = false;
                else country ??= c;
            }
            if (!ok || !orgWord || Covered(drafts, firstDraft, k, e)) continue;
            var d = NewDraft(text, tokens, s, si, new Chunk(k, e), 0);
            // "the House Oversight Committee", "House Special Select Committee": a chamber's committee is the legislature's,
            // its country the sentence's or story's (as "Senate …" gets from the agent noun)
            if (Lower(text, tokens[k]) == "house" && e - k >= 2 && Lower(text, tokens[e - 1]) is "committee" or "subcommittee" or "caucus")
            {
                d.Code = country is null ? "LEG" : country.Cameo + "LEG";
                d.Country = country?.Id;
                d.Sector = "LEG";
                d.Kind = ActorKind.Organization;
                d.Role = "committee";
                d.Name = text[tokens[k].Span.Start..tokens[e - 1].Span.End];
                d.Resolution = country is null ? "agent" : "agent+country";
                drafts.Add(d);
                continue;
            }
            d.Code = country is null ? "NGO" : country.Cameo + "NGO";
            d.Country = country?.Id;
            d.Sector = country is null ? null : "NGO";
            d.Kind = ActorKind.Organization;
            d.Name = text[tokens[k].Span.Start..tokens[e - 1].Span.End];
            d.Resolution = "org-name";
            drafts.Add(d);
        }
    }

    private static List<Unit> ModifiersOf(List<Unit> units, int[] unitAt, Sentence s, Chunk ch, int headUnit)
    {
        var mods = new List<Unit>();
        for (var u = 0; u < units.Count; u++)
            if (u != headUnit && units[u].First >= ch.First && units[u].End <= ch.End) mods.Add(units[u]);
        return mods;
    }

    /// <summary>Noun phrases from the tags: determiner, adjectives, nouns, proper nouns, numbers, possessive 's and inner hyphens; a determiner starts a new phrase.</summary>
    private static List<Chunk> Chunks(string text, Token[] tokens, Sentence s, int[] unitAt, string?[]? entityAt)
    {
        var chunks = new List<Chunk>();
        int end = s.FirstToken + s.TokenCount, start = -1;
        for (var k = s.FirstToken; k <= end; k++)
        {
            var inChunk = k < end && Chunkable(text, tokens, k, s, unitAt, entityAt, start >= 0);
            // "an incident Azerbaijan described as …", "a force Kenya has offered to lead": a name opening a relative clause
            // without "that" after a common noun starts a phrase of its own.
            var isDet = k < end && (tokens[k].Upos == "DET" && unitAt[k - s.FirstToken] < 0 || start >= 0 && OpensReducedRelative(text, tokens, k, end));
            if (start >= 0 && (!inChunk || isDet))
            {
                var e = k;
                // "forces loyal to Assad", "militants responsible for": a postpositive adjective is not part of the noun phrase.
                while (e > start && (IsTrailing(text, tokens[e - 1]) || e - 1 > start && tokens[e - 1].Upos == "ADJ" && unitAt[e - 1 - s.FirstToken] < 0
                    && e < end && tokens[e].Upos == "ADP")) e--;
                if (e > start) chunks.Add(new Chunk(start, e));
                start = -1;
            }
            // "Mr. DeSantis", "Ms Haley", "Mr Trump": the honorific is no part of the name (it gives the gender, below).
            if (start < 0 && inChunk && !IsClitic(text, tokens[k]) && !IsHyphen(text, tokens[k]) && HonorificGender(text, tokens, k) == '\0') start = k;
        }
        return chunks;
    }

    private static bool OpensReducedRelative(string text, Token[] tokens, int k, int end)
    {
        if (k == 0 || tokens[k].Upos != "PROPN" || tokens[k - 1].Upos != "NOUN" || !IsCapitalized(text, tokens[k]) || IsCapitalized(text, tokens[k - 1])) return false;
        for (var j = k + 1; j < end && j <= k + 6; j++)
            if (tokens[j].Head == k - 1 && tokens[j].Deprel == "acl:relcl" && tokens[k].Head == j) return true;
        // However it was parsed, an indefinite noun right before a name whose phrase a finite verb follows ("an account China's
        // foreign ministry rejected", "no evidence Bloomberg has violated any law") is no apposition: English writes "a group
        // called Hamas", not "a group Hamas".
        if (k < 2 || TextFold.Fold(Word(text, tokens[k - 2])) is not ("a" or "an" or "no" or "any")) return false;
        for (var j = k + 1; j < end && j <= k + 5; j++)
        {
            if (tokens[j].Upos == "AUX" || tokens[j].Xpos is "VBD" or "VBZ" or "VBP" or "MD" or "VBN" && tokens[j].Upos == "VERB") return true;
            if (tokens[j].Upos is not ("PROPN" or "NOUN" or "ADJ" or "PART") && !IsClitic(text, tokens[j])) return false;
        }
        return false;
    }

    private static bool Chunkable(string text, Token[] tokens, int k, Sentence s, int[] unitAt, string?[]? entityAt, bool open)
    {
        if (entityAt?[k] is not null) return true;
        // "was set to press Israel's prime minister": a word of the knowledge base used as a verb ("press", "police",
        // "head") starts no phrase.
        if (unitAt[k - s.FirstToken] >= 0) return !(tokens[k].Upos == "VERB" && tokens[k].Xpos is "VB" or "VBP" or "VBZ" or "VBD");
        // "The German government today welcomed": a time word ends the phrase.
        if (TimeWords.Contains(TextFold.Fold(Word(text, tokens[k])))) return false;
        // "at a meeting in April 2003 Bin Laden was planning": a year right before a name ends the phrase as a time word
        // does ("the 2003 Iraq war", after an article, stays one phrase).
        if (IsYearBeforeName(text, tokens, k, s, unitAt)) return false;
        // "at least 51 people": "least" belongs to "at", a quantifier, not to the people
        if (k > s.FirstToken && TextFold.Fold(Word(text, tokens[k])) is "least" or "most" && TextFold.Fold(Word(text, tokens[k - 1])) == "at") return false;
        var u = tokens[k].Upos;
        if (u is "ADJ" or "NOUN" or "PROPN" or "NUM" or "DET") return u != "DET" || IsDeterminerWord(text, tokens[k]);
        if (!open) return false;
        // "Algeria's leading rights activist", "the ruling party": a participle the tagger calls a verb, right after a
        // possessive or an article and before the noun it modifies.
        if (tokens[k].Upos == "VERB" && tokens[k].Xpos is "VBG" or "VBN" && k > s.FirstToken && k + 1 < s.FirstToken + s.TokenCount
            && (IsClitic(text, tokens[k - 1]) || TextFold.Fold(Word(text, tokens[k - 1])) is "the" or "a" or "an")
            && tokens[k + 1].Upos is "ADJ" or "NOUN" or "PROPN") return true;
        // Possessive 's and hyphens inside a phrase ("South Korea's military", "Kremlin-Pyongyang talks").
        if (IsClitic(text, tokens[k])) return true;
        // "Saudi-led coalition", "US-backed forces": a participle right after an inner hyphen.
        if (tokens[k].Upos == "VERB" && k > s.FirstToken && IsHyphen(text, tokens[k - 1])) return true;
        if (IsHyphen(text, tokens[k])) return k + 1 < s.FirstToken + s.TokenCount && tokens[k + 1].Upos is "ADJ" or "NOUN" or "PROPN" or "VERB";
        return false;
    }

    private static bool IsYearBeforeName(string text, Token[] tokens, int k, Sentence s, int[] unitAt)
    {
        var t = tokens[k];
        if (t.Upos != "NUM" || t.Span.Length != 4 || k + 1 >= s.FirstToken + s.TokenCount || unitAt[k + 1 - s.FirstToken] < 0) return false;
        for (var c = t.Span.Start; c < t.Span.End; c++)
            if (!char.IsAsciiDigit(text[c])) return false;
        if (text[t.Span.Start] is not ('1' or '2') || tokens[k + 1].Upos != "PROPN" || !IsCapitalized(text, tokens[k + 1])) return false;
        return k == s.FirstToken || tokens[k - 1].Upos != "DET";
    }

    private static bool IsDeterminerWord(string text, Token t)
    {
        var w = TextFold.Fold(Word(text, t));
        return w is "the" or "a" or "an" or "both" or "this" or "these" or "those" or "that" or "another" or "some" or "several" or "many" or "all" or "two";
    }

    /// <summary>The gender an honorific before a capitalized name gives ('m' for "Mr", 'f' for "Mrs", "Ms", "Miss"), or '\0'.</summary>
    private static char HonorificGender(string text, Token[] tokens, int k)
    {
        if (k + 1 >= tokens.Length || tokens[k + 1].Sentence != tokens[k].Sentence || !IsCapitalized(text, tokens[k + 1])) return '\0';
        return Word(text, tokens[k]) switch
        {
            "Mr" or "Mr." or "MR." => 'm',
            "Mrs" or "Mrs." or "Ms" or "Ms." or "Miss" => 'f',
            _ => '\0',
        };
    }

    private static bool IsClitic(string text, Token t)
    {
        var w = Word(text, t);
        return w is "'s" or "\u2019s" or "'" or "\u2019" or "s'";
    }

    private static bool IsHyphen(string text, Token t) => t.Span.Length == 1 && text[t.Span.Start] is '-' or '\u2010' or '\u2011' or '\u2013';

    private static bool IsTrailing(string text, Token t) => IsClitic(text, t) || IsHyphen(text, t) || t.Upos == "DET";

    // A bloc's adjective ("Western") coordinates like a demonym: "Afghan and Western leaders" are two.
    private static bool IsDemonym(Unit u) => !u.IsAgent && (u.Top.Alias?.Kind is AliasKind.Demonym || IsBloc(u.Top) && u.Top.Alias?.Kind is AliasKind.Short);

    private static bool IsCountryish(Unit u) => !u.IsAgent && (u.Top.Entity is KbCountry || u.Top.Kind == LexKind.PetrarchActor || IsBloc(u.Top));

    /// <summary>A region named as one side ("the West"): the KB writes it as an organization whose code is its region.</summary>
    private static bool IsBloc(LexEntry e) => e.Entity is KbOrganization { Region: { } region } bloc && bloc.Code == region;

    private void Phrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, List<Unit> units, int[] unitAt,
        LinkContext context, DateOnly? date, string?[]? entityAt, List<MentionDraft> drafts)
    {
        var headTok = ch.End - 1;
        var hu = unitAt[headTok - s.FirstToken];
        if (hu >= 0)
        {
            var head = units[hu];
            var mods = ModifiersOf(units, unitAt, s, ch, hu);
            if (head.IsAgent && mods.Count == 0 && LeadersPair(text, tokens, s, si, ch, head, drafts)) return;
            if (head.IsAgent) { AgentPhrase(text, tokens, s, si, ch, mods, head, units, unitAt, date, drafts, 0); return; }
            if (EntityPhrase(text, tokens, s, si, ch, head, mods, context, date, drafts, unitAt, null, units)) return;
            // "marched towards Congress" in a Peruvian story: no entity reading applies, so the agent noun does.
            if (head.AgentEntries is { } agentReading)
            {
                AgentPhrase(text, tokens, s, si, ch, mods, head with { Entries = agentReading, IsAgent = true, AgentEntries = null }, units, unitAt, date, drafts, 0);
                return;
            }
        }
        // No actor at the head: an unknown name after a title ("Kyrgyz Prime Minister Nikolai Tanaev"), a pair
        // ("the two countries"), or the entities inside a phrase about something else ("Shoigu's visit").
        if (UnknownNamePhrase(text, tokens, s, si, ch, units, unitAt, entityAt, date, drafts)) return;
        if (PairPhrase(text, tokens, s, si, ch, drafts)) return;
        if (PlacePhrase(text, tokens, s, si, ch, unitAt, entityAt, drafts)) return;
        if (BareSurname(text, tokens, s, si, ch, units, unitAt, entityAt, drafts)) return;
        // "Israeli army bulldozers": the actor phrase inside ends at its last agent noun.
        for (var u = units.Count - 1; u >= 0; u--)
        {
            var unit = units[u];
            if (unit.First < ch.First || unit.End > ch.End || !unit.IsAgent) continue;
            var inner = new Chunk(ch.First, unit.End);
            var mods = ModifiersOf(units, unitAt, s, inner, u);
            if (mods.Count == 0 || mods.Any(m => m.IsAgent && m.First > unit.First)) break;
            var before = drafts.Count;
            AgentPhrase(text, tokens, s, si, inner, mods, unit, units, unitAt, date, drafts, 0);
            if (drafts.Count > before && drafts[^1].Country is not null) return;
            if (drafts.Count > before) drafts.RemoveAt(drafts.Count - 1);
            break;
        }
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (unit.First < ch.First || unit.End > ch.End || unit.IsAgent) continue;
            var withThe = unit.First > ch.First && IsThe(text, tokens[unit.First - 1]) && unit.Top.Alias?.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) == true;
            var sub = new Chunk(withThe ? unit.First - 1 : unit.First, unit.End);
            if (EntityPhrase(text, tokens, s, si, sub, unit, [], context, date, drafts, unitAt, ch, units)) drafts[^1].Inner = true;
        }
    }

    private MentionDraft NewDraft(string text, Token[] tokens, Sentence s, int si, Chunk ch, int member)
    {
        var head = SyntacticHead(tokens, ch);
        var d = new MentionDraft
        {
            Span = new TextSpan(tokens[ch.First].Span.Start, tokens[ch.End - 1].Span.End),
            First = ch.First, Count = ch.End - ch.First, Head = head, Sentence = si, Member = member,
        };
        var rel = tokens[head].Deprel ?? "";
        d.IsSubject = rel.StartsWith("nsubj", StringComparison.Ordinal);
        d.IsPossessor = rel == "nmod:poss" || (ch.End < s.FirstToken + s.TokenCount && IsClitic(text, tokens[ch.End]));
        var gov = tokens[head].Head;
        if (d.IsSubject && gov >= 0 && gov < tokens.Length && tokens[gov].Lemma is { } lemma)
            d.SpeechSubject = CoreferenceResolver.SpeechVerbs.Contains(lemma);
        return d;
    }

    /// <summary>The token of the phrase attached outside it (the one the verb sees); else the last token.</summary>
    /// <summary>Nouns of dealings between parties: a capital modifying one of them is a party ("the Moscow talks" are Russia's).</summary>
    private static readonly HashSet<string> RelationNouns = new(StringComparer.Ordinal)
    {
        "talk", "talks", "relation", "relations", "tie", "ties", "deal", "agreement", "summit", "negotiation", "negotiations",
        "cooperation", "alliance", "axis", "partnership", "dialogue", "accord", "pact", "treaty", "channel", "contact",
        "contacts", "rift", "feud", "dispute", "tension", "tensions", "standoff", "rapprochement", "meeting", "visit",
    };

    /// <summary>"Kremlin-Pyongyang", "Moscow-Beijing": a name joined by a hyphen to another.</summary>
    /// <summary>
    /// The name ending before token <paramref name="end"/> is written with a hyphen and a word that says where something
    /// is or comes from ("-based", "-born", "-branch", "-bound"), with no space; not "-backed" or "-led", which name a doer.
    /// </summary>
    private static bool IsBasedCompound(string text, Token[] tokens, int end) =>
        end + 1 < tokens.Length && tokens[end].Sentence == tokens[end - 1].Sentence && tokens[end + 1].Sentence == tokens[end].Sentence
        && IsHyphen(text, tokens[end]) && tokens[end].Span.Start == tokens[end - 1].Span.End && tokens[end + 1].Span.Start == tokens[end].Span.End
        && WhereWords.Contains(Word(text, tokens[end + 1]).ToLowerInvariant());

    private static readonly HashSet<string> WhereWords = new(StringComparer.Ordinal)
    { "based", "born", "bred", "raised", "branch", "area", "bound", "made", "headquartered", "registered", "listed", "style" };

    private static bool IsHyphenPair(string text, Token[] tokens, int k) =>
        k + 1 < tokens.Length && Word(text, tokens[k + 1]) is "-" or "\u2013" || k > 0 && Word(text, tokens[k - 1]) is "-" or "\u2013";

    private static int SyntacticHead(Token[] tokens, Chunk ch)
    {
        var best = -1;
        for (var k = ch.First; k < ch.End; k++)
        {
            var h = tokens[k].Head;
            if (h == Token.Unparsed) return ch.End - 1;
            if (h < ch.First || h >= ch.End)
            {
                if (tokens[k].Deprel is "punct" or "cc" or "case") continue;
                if (best < 0 || tokens[k].Upos is "NOUN" or "PROPN" || tokens[best].Upos is not ("NOUN" or "PROPN")) best = k;
            }
        }
        return best >= 0 ? best : ch.End - 1;
    }

    /// <summary>Root (country, organization or person's country) from modifier units: "Russian", "South Korea's", "UN", "Putin's".</summary>
    private (string? Root, string? Country, string? Id, string? Name, ActorKind Kind) RootOf(IEnumerable<Unit> mods, DateOnly? date)
    {
        foreach (var m in mods)
        {
            if (m.IsAgent) continue;
            var e = m.Top;
            switch (e.Entity)
            {
                case KbCountry c: return (c.Cameo, c.Id, c.Id, c.Name, ActorKind.State);
                case KbOrganization o:
                    {
                        var code = o.Code;
                        return (code, o.Country, o.Id, o.Name, o.Type == "MED" ? ActorKind.Media : o.Kind == KbEntityKind.Group ? ActorKind.Group : ActorKind.Organization);
                    }
                case KbPerson p:
                    {
                        var (code, _) = PersonCode(p, date, null);
                        var country = code?.Root;
                        if (country is not null && _kb is not null && _kb.InternationalTypes.Contains(country)) return (code!.Root + code.Organization, null, p.Id, p.Name, ActorKind.Person);
                        if (country is not null) return (country, _kb?.Country(country)?.Id ?? country, null, null, ActorKind.State);
                        break;
                    }
            }
            if (e.Petrarch is { } pa && pa.CodeAt(date) is { } pc) return (pc, pc.Length >= 3 ? pc[..3] : null, null, pa.Name, ActorKind.Other);
        }
        return (null, null, null, null, ActorKind.Agent);
    }

    /// <summary>Titles of the head of a state, province or region within a country.</summary>
    private static readonly HashSet<string> RegionTitles = new(StringComparer.Ordinal) { "premier", "governor", "gov.", "gov" };

    /// <summary>
    /// "Victoria Premier Daniel Andrews", "Georgia Gov. Brian Kemp": before the title of a state's or province's head, a
    /// capital's name that is also a region of one other country is that region (not Victoria, Seychelles).
    /// </summary>
    private KbCountry? RegionBeforeTitle(string text, Token[] tokens, List<Unit> mods, Unit title, string? country)
    {
        if (title.Count != 1 || !RegionTitles.Contains(Lower(text, tokens[title.First])) || mods.Count != 1
            || mods[0].Top.Alias?.Kind != AliasKind.Capital || _places.Value is not { } gazetteer || _kb is null) return null;
        var regions = gazetteer.Find(text[tokens[mods[0].First].Span.Start..tokens[mods[0].End - 1].Span.End])
            .Where(e => e.Kind == PlaceKinds.Region && e.Countries.Length == 1 && e.Countries[0] != country)
            .Select(e => e.Countries[0]).Distinct(StringComparer.Ordinal).ToList();
        return regions.Count == 1 ? _kb.Country(regions[0]) : null;
    }

    private void AgentPhrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, List<Unit> mods, Unit head,
        List<Unit> units, int[] unitAt, DateOnly? date, List<MentionDraft> drafts, int member)
    {
        var (root, country, id, name, kind) = RootOf(mods, date);
        if (kind == ActorKind.State && RegionBeforeTitle(text, tokens, mods, head, country) is { } rc) (root, country, id, name) = (rc.Cameo, rc.Id, rc.Id, rc.Name);
        var resident = false;
        // "ethnic Albanian guerrillas operating in Macedonia", "the Albanian population of the province" (in Montenegro).
        if (kind == ActorKind.State && country is not null && mods.FirstOrDefault(m => !m.IsAgent && m.Top.Entity is KbCountry) is { Entries: not null } dem
            && dem.Top.Alias?.Kind is AliasKind.Demonym or AliasKind.DemonymPlural && IsResident(text, tokens, ch, dem.First)
            && ResidenceCountry(text, tokens, units, ch, country) is { } res)
        {
            (root, country, id, name) = (res.Cameo, res.Id, res.Id, res.Name);
            resident = true;
        }
        var span = ch;
        // "president of Armenia", "the leaders of the two countries": the country in an of-phrase.
        int end = s.FirstToken + s.TokenCount;
        if (root is null && ch.End + 1 < end && Lower(text, tokens[ch.End]) == "of")
        {
            var k = ch.End + 1;
            if (IsThe(text, tokens[k]) && k + 1 < end) k++;
            var u = unitAt[k - s.FirstToken];
            if (u >= 0 && !units[u].IsAgent)
            {
                (root, country, id, name, kind) = RootOf([units[u]], date);
                if (root is not null) span = new Chunk(ch.First, units[u].End);
            }
        }
        // "Darfur rebels", "rebels in Darfur", "government of Sindh province": a place the KB does not hold as an actor
        // still gives the agent its country (a gazetteer city or region).
        var placed = false;
        if (root is null && PlaceCountryIn(text, tokens, s, ch.First, head.First, unitAt) is { } pc1) { (root, country) = (pc1.Cameo, pc1.Id); placed = true; }
        else if (root is null && ch.End + 1 < end && Lower(text, tokens[ch.End]) is "of" or "in" or "from"
            && PlaceCountryIn(text, tokens, s, IsThe(text, tokens[ch.End + 1]) ? ch.End + 2 : ch.End + 1, Math.Min(end, ch.End + 5), unitAt, leading: true) is { } pc2)
        { (root, country) = (pc2.Cameo, pc2.Id); placed = true; }
        var agentCode = AgentCodeOf(text, tokens, head, mods);
        // Mass nouns name an actor only with an owner: "US intelligence", not "gathered the intelligence".
        if (root is null && head.Count == 1 && MassNouns.Contains(Lower(text, tokens[head.First]))) return;
        string code;
        if (head.Top.PetrarchAgent is { } pa) code = pa.Compose(root);
        else code = root is null ? agentCode : ComposeSector(root, agentCode);
        if (code.Length == 0) return;
        var d = NewDraft(text, tokens, s, si, span, member);
        d.Code = code;
        d.Country = country ?? (root is { Length: >= 3 } && _kb?.Country(root[..3]) is { } kc ? kc.Id : null);
        d.Sector = SectorOf(code, root);
        d.Role = text[tokens[head.First].Span.Start..tokens[head.End - 1].Span.End];
        var headWord = Lower(text, tokens[head.End - 1]);
        d.Plural = tokens[head.End - 1].Xpos is "NNS" or "NNPS" || headWord.EndsWith('s') && !headWord.EndsWith("ss", StringComparison.Ordinal) && tokens[head.End - 1].Xpos is null;
        d.Kind = d.Plural ? ActorKind.Agent : IsPersonTitle(headWord) ? ActorKind.Person : ActorKind.Agent;
        d.ActorId = kind is ActorKind.Organization or ActorKind.Group or ActorKind.Media ? id : country;
        d.Name = name ?? (country is not null && _kb?.Country(country) is { } cc ? cc.Name : d.Role ?? code);
        d.Resolution = root is null ? "agent" : placed ? "agent+place" : resident ? "agent+residence" : "agent+" + (kind == ActorKind.State ? "country" : "org");
        if (d.Kind == ActorKind.Person || root is null)
        {
            // A title without a name is a person (or body) to find by coreference: "The National Security Council spokesperson".
            d.Pending = Pending.Title;
            d.Key = headWord;
            d.TitleModifiers = string.Join(' ', Enumerable.Range(ch.First, head.First - ch.First).Select(k => Lower(text, tokens[k])).Where(w => w is not ("the" or "a" or "an")));
        }
        if (root is null) d.Resolution = "agent";
        drafts.Add(d);
    }

    private string AgentCodeOf(string text, Token[] tokens, Unit head, List<Unit> mods)
    {
        var code = head.Top.AgentCode ?? head.Top.PetrarchAgent?.Part ?? "";
        if (GenericHeads.Contains(Lower(text, tokens[head.End - 1])))
            foreach (var m in mods)
                if (m.IsAgent && m.Top.AgentCode is { } mc && mc != "GOV") code = mc;
        return code;
    }

    private static bool IsPersonTitle(string w) => w is "president" or "spokesperson" or "spokesman" or "spokeswoman" or "minister" or "secretary" or "leader"
        or "premier" or "chancellor" or "king" or "queen" or "emir" or "ambassador" or "envoy" or "general" or "commander" or "adviser" or "advisor" or "chief" or "governor" or "mayor" or "prosecutor" or "judge";

    private string ComposeSector(string root, string agent)
    {
        if (agent.Length == 0) return root;
        // An organization code that already has a sector keeps it ("IGOUNO" + "MIL" = "IGOUNOMIL"; "PSEREB" + "MIL" stays "PSEREB").
        if (_kb is not null && root.Length > 3)
        {
            var parsed = ActorCode.Parse(root, _kb.Sectors);
            if (parsed.Sector is not null) return root;
        }
        return root + agent;
    }

    private string? SectorOf(string code, string? root)
    {
        if (_kb is null || code.Length < 6 || code.Length % 3 != 0) return code.Length == 3 && root is null ? code : null;
        return ActorCode.Parse(code, _kb.Sectors).Sector;
    }

    private static readonly HashSet<string> KinshipNouns = new(StringComparer.Ordinal)
    {
        "mother", "father", "mom", "mum", "dad", "wife", "husband", "son", "daughter", "sister", "brother", "aunt", "uncle",
        "grandmother", "grandfather", "grandson", "granddaughter", "cousin", "niece", "nephew", "partner", "girlfriend",
        "boyfriend", "fiancée", "fiancee", "fiancé", "fiance", "stepmother", "stepfather", "stepson", "stepdaughter",
    };

    private static readonly HashSet<string> RegnalTitles = new(StringComparer.Ordinal)
    { "king", "queen", "prince", "princess", "emperor", "empress", "pope", "tsar", "czar", "tsarina", "kaiser", "pharaoh", "sultan", "saint", "st." };

    /// <summary>A regnal number: II to XXX in capitals ("VIII"), not the one-letter "I", "V" or "X" that are also words or initials.</summary>
    internal static bool IsRomanNumeral(string word) =>
        word.Length >= 2 && word.Length <= 6 && word.All(c => c is 'I' or 'V' or 'X')
        && System.Text.RegularExpressions.Regex.IsMatch(word, "^X{0,3}(IX|IV|V?I{0,3})$");

    private bool EntityPhrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, Unit head, List<Unit> mods,
        LinkContext context, DateOnly? date, List<MentionDraft> drafts, int[] unitAt, Chunk? outer = null, List<Unit>? units = null)
    {
        var around = outer ?? ch;
        // A surname followed by another, unknown name is someone's first name ("Abdelaziz Bouteflika"); one after an
        // unknown first name is still a surname ("Iyad Allawi" for Ayad Allawi).
        var besideName = IsUnknownName(tokens, head.End, s, around, unitAt);
        // A surname after an unknown given name is that person only when the given names are near ("Iyad Allawi" for Ayad
        // Allawi); otherwise it is someone else's name ("Steve Martin", "Plaza San Martín" are not Paul Martin).
        // A capitalized word of the name that the tagger calls an adjective counts too ("Yellowstone National Park" is not
        // President Park).
        var before = head.First - 1;
        var givenBefore = before >= around.First && (IsUnknownName(tokens, before, s, around, unitAt)
                || tokens[before].Xpos is "NNP" or "NNPS" && unitAt[before - s.FirstToken] < 0) && IsCapitalized(text, tokens[before])
                && char.IsLetter(text[tokens[before].Span.Start])
            ? Word(text, tokens[before]) : null;
        // A surname of one or two letters ("La" of Duwa Lashi La) is too common a word to name its bearer alone ("R., La.").
        // A bare surname that an earlier full name gave to someone else ("Rep. Andy Kim … Kim sued") is that person's.
        // So is the second half of a double-barrelled name ("Lisa Lopez-Galvan" is not Guillermo Galván).
        // A title before it ("President Biden") lets the title decide.
        var otherBearer = givenBefore is null && head.Count == 1 && (IsDoubleBarrelled(text, tokens, head.First)
            || (head.First == around.First || OnlyDeterminersAndAdjectivesBefore(text, tokens, around.First, head.First))
                && context.OtherBearers.TryGetValue(Lower(text, tokens[head.First]), out var at) && at < head.First);
        // "Their mother Sharon", "her husband Kim": a name right after a word of kinship is that relative's first name.
        otherBearer |= head.Count == 1 && head.First > s.FirstToken && KinshipNouns.Contains(Lower(text, tokens[head.First - 1]));
        // A surname opening its sentence that the tagger reads as a common word is that word ("Key Delhi blast suspect arrested").
        var commonWordOpening = head.Count == 1 && head.First == s.FirstToken && tokens[head.First].Upos is not "PROPN";
        // A one-word name or surname followed by another name is someone else's: "Shaikh Abdullah al-Ani" is not King
        // Abdullah, "Kim Yo Jong" not Kim Jong Un, "Trump Tower" not Trump.
        var nameFollows = head.Count == 1 && head.End < s.FirstToken + s.TokenCount && tokens[head.End].Upos == "PROPN"
            && (IsCapitalized(text, tokens[head.End]) && char.IsLetter(text[tokens[head.End].Span.Start]) || IsNameParticle(Lower(text, tokens[head.End])));
        // "Clashes in May", "on June 4": a surname that is a month's name, after a preposition or before a day, is the month.
        var month = head.Count == 1 && CalendarWords.Months.Contains(Lower(text, tokens[head.First]))
            && (head.First > s.FirstToken && tokens[head.First - 1].Upos == "ADP" || head.End < s.FirstToken + s.TokenCount && tokens[head.End].Upos == "NUM");
        // "King Henry VIII", "Pope Francis", "Louis XIV": a name after a monarch's or pope's title, or before a regnal
        // number, is a given name, never someone's surname (not Haiti's Ariel Henry).
        var regnal = head.Count == 1 && (head.First > s.FirstToken && RegnalTitles.Contains(Lower(text, tokens[head.First - 1]))
            || head.End < s.FirstToken + s.TokenCount && IsRomanNumeral(Word(text, tokens[head.End])));
        // "six Sudanese, a Somali national and a Turk": a surname after an indefinite article is some bearer of the word, not
        // the person (Danilo Türk)
        var indefinite = head.Count == 1 && head.First > s.FirstToken && Lower(text, tokens[head.First - 1]) is "a" or "an";
        var entries = head.Entries.Where(e => !((nameFollows || month) && e.Entity is KbPerson && e.Alias?.Kind is AliasKind.Name or AliasKind.Surname)
            && !((regnal || indefinite) && e.Entity is KbPerson && e.Alias?.Kind == AliasKind.Surname)
            && (e.Alias?.Kind != AliasKind.Surname || e.Entity is not KbPerson p
            || (givenBefore is null ? !otherBearer && !commonWordOpening && (e.Alias.Text.Length > 2 || head.First > around.First || LeadsAStateOn(p, date)) : NearGivenName(p, givenBefore)))).ToArray();
        var titleWord = head.First > s.FirstToken ? TitleWord(Lower(text, tokens[head.First - 1])) : null;
        var entry = entries.Length == 0 ? null : Choose(entries, context, date, besideName, titleWord);
        if (entry is null) return false;
        // "Admiral Togo", "Admiral Heihachiro Togo": a country's name after a person's title, a given name maybe between,
        // is the person's name
        if (entry.Entity is KbCountry && entry.Alias?.Kind is AliasKind.Name or AliasKind.Short && head.Count == 1 && units is not null
            && TitleBefore(text, tokens, s, head.First, unitAt, units)) return false;
        // "a rally in Lagos", and a dateline's "AUSTIN (AP) --": a bare surname after a locative preposition, or in capitals
        // opening its sentence, that names a gazetteer city is the city.
        if (entry.Entity is KbPerson && entry.Alias?.Kind == AliasKind.Surname && head.Count == 1
            && (IsLocative(text, tokens, head.First) || IsDatelineWord(text, tokens, s, head.First, head.End) && IsAllCaps(text, tokens[head.First]))
            && _places.Value is { } gazetteer && PlaceCountry(gazetteer, Word(text, tokens[head.First]), locative: true) is not null) return false;
        var d = NewDraft(text, tokens, s, si, ch, 0);
        if (entry.Petrarch is { } pa)
        {
            if (pa.CodeAt(date) is not { } pc) return false;
            d.Code = pc;
            d.Country = pc.Length >= 3 ? pc[..3] : null;
            d.Name = pa.Name.Replace('_', ' ').Trim();
            d.Kind = ActorKind.Other;
            d.Resolution = "petrarch";
            d.Sector = SectorOf(pc, null);
            drafts.Add(d);
            return true;
        }
        var alias = entry.Alias!;
        // "STRASBOURG, France (AP) —": the country of a dateline's city says where the story was filed, like the city.
        if (entry.Entity is KbCountry && IsDatelineCountry(text, tokens, s, head.First, head.End)) return false;
        // "WASHINGTON (Reuters) —": the agency credited in a dateline filed the story; it is the attribution, not an actor.
        if (IsDatelineCredit(text, tokens, s, head.First, head.End)) return false;
        // "the Russian language", "Irish coffee": a demonym on a thing of a culture names no actor
        if (entry.Entity is KbCountry && alias.Kind == AliasKind.Demonym && SyntacticHead(tokens, around) is var noun && noun >= head.End
            && tokens[noun].Lemma is { } nounLemma && CultureNouns.Contains(nounLemma)) return false;
        // "the Madrid bombings", "the Baghdad courtroom": a capital modifying a thing names where it was, not the
        // government ("Beijing officials", "the Moscow government" modify an agent and stay; so does "Washington's policy",
        // and a party to talks or ties: "the Kremlin-Pyongyang weapon talks", "Washington-Beijing relations").
        if (entry.Entity is KbCountry && alias.Kind is AliasKind.Capital or AliasKind.Seat && head.Count == 1
            && tokens[head.First].Deprel == "compound" && tokens[head.First].Head is var modified && modified >= head.End && modified < around.End
            && tokens[modified].Upos == "NOUN" && !(unitAt[modified - s.FirstToken] is var mu && mu >= 0 && units is not null && mu < units.Count && units[mu].IsAgent)
            && !IsHyphenPair(text, tokens, head.First) && !(tokens[modified].Lemma is { } relation && RelationNouns.Contains(relation)))
            return false;
        // "Amsterdam-based United Repair Centre", "a London-based think tank", "our Cairo-branch members": a city before
        // "-based", "-branch", "-born" says where an organization sits or someone comes from, not that the government acts.
        if (entry.Entity is KbCountry && alias.Kind is AliasKind.Capital or AliasKind.Seat && IsBasedCompound(text, tokens, head.End)) return false;
        // "Little Havana", "Little Saigon": a neighbourhood named after a city is elsewhere
        if (entry.Entity is KbCountry && alias.Kind is AliasKind.Capital or AliasKind.Seat && head.First > s.FirstToken && Word(text, tokens[head.First - 1]) == "Little") return false;
        switch (entry.Entity)
        {
            case KbCountry c:
                {
                    d.ActorId = c.Id;
                    d.Name = c.Name;
                    d.Country = c.Id;
                    d.Kind = ActorKind.State;
                    d.Code = c.Cameo;
                    d.Resolution = "kb";
                    // A dateline's city ("ISLAMABAD —", "BOGOTÁ —", whichever kind of alias names it) says where the story was
                    // filed: no actor, and no antecedent for "it".
                    if (alias.Kind is AliasKind.Capital or AliasKind.Seat or AliasKind.Name && IsDatelineWord(text, tokens, s, head.First, head.End) && IsCity(alias.Text)) return false;
                    if (alias.Kind is AliasKind.Capital or AliasKind.Seat or AliasKind.Contextual)
                    {
                        var sector = alias.Sector;
                        // "in Moscow", "at the O2 Arena in London": a capital, or a seat that is a city, after a locative
                        // preposition is the place, not the government.
                        var city = alias.Kind == AliasKind.Capital || alias.Kind == AliasKind.Seat && IsCity(alias.Text);
                        // the parser made the place a subject or object: no actor at all, as it would not be one there
                        if (city && !IsLocative(text, tokens, d.Head) && AfterLocativeWord(text, tokens, d.First, d.First + d.Count)
                            && tokens[d.Head].Deprel is "nsubj" or "nsubj:pass" or "obj") return false;
                        if (city && IsLocative(text, tokens, FirstConjunct(tokens, d.Head))) { sector = null; d.Resolution = "place"; }
                        else if (alias.Kind != AliasKind.Contextual) d.Resolution = "metonymy";
                        else d.Resolution = "context";
                        if (sector is not null) { d.Code = c.Cameo + sector; d.Sector = sector; }
                    }
                    if (alias.Kind == AliasKind.DemonymPlural)
                    {
                        d.Plural = true;
                        // "Bosnian Serbs": CAMEO codes a people by the country they live in, named first.
                        if (mods.FirstOrDefault(m => IsDemonym(m) && m.Top.Entity is KbCountry other && other.Id != c.Id) is { Entries: not null } where
                            && where.Top.Entity is KbCountry home)
                        {
                            d.ActorId = home.Id; d.Name = home.Name; d.Country = home.Id; d.Code = home.Cameo; d.Resolution = "kb+home";
                        }
                        else if (units is not null && IsResident(text, tokens, ch, head.First) && ResidenceCountry(text, tokens, units, outer ?? ch, c.Id) is { } res)
                        {
                            d.ActorId = res.Id; d.Name = res.Name; d.Country = res.Id; d.Code = res.Cameo; d.Resolution = "kb+residence";
                        }
                    }
                    break;
                }
            case KbOrganization o:
                d.ActorId = o.Id;
                d.Name = o.Name;
                d.Code = o.Code;
                d.Country = o.Country;
                d.Kind = o.Type == "MED" ? ActorKind.Media : o.Kind == KbEntityKind.Group ? ActorKind.Group : ActorKind.Organization;
                d.Sector = _kb is null ? null : ActorCode.Parse(o.Code, _kb.Sectors).Sector ?? (o.Type is { } t && _kb.Sectors.Contains(t) ? t : null);
                d.Resolution = "kb";
                break;
            case KbPerson p:
                {
                    var hint = RootOf(mods, date).Country;
                    var (code, role) = PersonCode(p, date, hint);
                    d.ActorId = p.Id;
                    d.Name = p.Name;
                    d.Kind = ActorKind.Person;
                    d.Surnames = [.. p.Aliases.Where(a => a.Kind == AliasKind.Surname).Select(a => TextFold.Fold(a.Text))];
                    if (p.Gender != '\0') d.Gender = p.Gender;
                    if (code is null && date is { } on && FormerRole(p, on) is { } former && _kb!.CodeFor(former) is { } fc)
                    {
                        // Out of office on that date: CAMEO's elite code (ELI) with the country of the last role held,
                        // or the country alone before the first role.
                        var ended = former.End is { } e && KbRole.EndExclusive(e) <= on;
                        code = ended ? new ActorCode(fc.Root, "ELI") : new ActorCode(fc.Root);
                        role = former;
                    }
                    if (code is null)
                    {
                        // No role in the KB at that date: the title and country in the phrase still say something.
                        var title = mods.FirstOrDefault(m => m.IsAgent);
                        var root = RootOf(mods, date).Root;
                        d.Code = title.Entries is null ? root ?? "" : root is null ? title.Top.AgentCode ?? "" : ComposeSector(root, title.Top.AgentCode ?? "");
                        if (d.Code.Length == 0) return false;
                        d.Resolution = "kb-norole";
                    }
                    else
                    {
                        d.Code = code.Code;
                        d.Role = role?.Title;
                        d.Resolution = alias.Kind == AliasKind.Surname ? "surname" : "kb";
                        if (role is not null && !role.IsHeldOn(date ?? DateOnly.MaxValue) && date is not null)
                        {
                            // A bare surname of someone who left office years before is too weak to name them ("Fox & Friends" is
                            // not Vicente Fox, "Roe v. Wade" not Abdoulaye Wade): only a full name does, and coreference carries
                            // it to the surname. A recent office holder keeps it ("Trump" in 2024).
                            if (alias.Kind == AliasKind.Surname && head.Count == ch.End - ch.First && role.End is { } ended
                                && KbRole.EndExclusive(ended).AddYears(BareSurnameYearsOutOfOffice) <= date.Value) return false;
                            // Nor does one of someone before their first office ("Jordan" in 2000 is the country, not Jim Jordan).
                            if (alias.Kind == AliasKind.Surname && head.Count == ch.End - ch.First && code.Sector != "ELI") return false;
                            d.Role = (code.Sector == "ELI" ? "former " : "future ") + role.Title;
                            d.Resolution += "-out-of-office";
                        }
                    }
                    d.Country = code?.CountryCode(_kb!.InternationalTypes) is { } cc ? _kb.Country(cc)?.Id ?? cc : d.Code.Length >= 3 && _kb?.Country(d.Code[..3]) is { } k3 ? k3.Id : null;
                    d.Sector = code?.Sector ?? SectorOf(d.Code, null);
                    if (alias.Kind == AliasKind.Surname && head.Count == ch.End - ch.First) { d.Pending = Pending.Surname; d.Key = TextFold.Fold(alias.Text); }
                    break;
                }
            default:
                return false;
        }
        if (d.Sector is null && d.Code.Length == 6 && _kb is not null && _kb.Sectors.Contains(d.Code[3..])) d.Sector = d.Code[3..];
        drafts.Add(d);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="word"/> can be the given name of <paramref name="person"/> as written in the KB: the same
    /// initial ("V."), or within two edits of a given name of at least three letters ("Iyad" for Ayad).
    /// </summary>
    private static bool NearGivenName(KbPerson person, string word)
    {
        var w = TextFold.Fold(word).TrimEnd('.');
        if (w.Length == 0) return false;
        foreach (var name in person.Aliases.Where(a => a.Kind is AliasKind.Name).Select(a => a.Text).Prepend(person.Name))
        {
            var sp = name.IndexOf(' ', StringComparison.Ordinal);
            if (sp <= 0) continue;
            var given = TextFold.Fold(name[..sp]).TrimEnd('.');
            if (given.Length == 0) continue;
            if (w.Length == 1 ? w[0] == given[0] : given.Length >= 3 && Edits(w, given) <= 2) return true;
        }
        return false;
    }

    /// <summary>How long after leaving office a person is still named by a bare surname.</summary>
    private const int BareSurnameYearsOutOfOffice = 8;

    /// <summary>Levenshtein distance, for short words.</summary>
    private static int Edits(string a, string b)
    {
        Span<int> row = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) row[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            int diag = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                int up = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] == b[j - 1] ? 0 : 1));
                diag = up;
            }
        }
        return row[b.Length];
    }

    /// <summary>Picks one reading of an ambiguous alias: contextual ones only in their context, then the story's countries, then people holding a role, then KB order.</summary>
    private static bool IsUnknownName(Token[] tokens, int k, Sentence s, Chunk ch, int[] unitAt) =>
        k >= ch.First && k < ch.End && tokens[k].Upos == "PROPN" && unitAt[k - s.FirstToken] < 0;

    private static bool TitleBefore(string text, Token[] tokens, Sentence s, int name, int[] unitAt, List<Unit> units)
    {
        var k = name - 1;
        if (k > s.FirstToken && unitAt[k - s.FirstToken] < 0 && tokens[k].Xpos == "NNP" && IsCapitalized(text, tokens[k])) k--;
        if (k < s.FirstToken || unitAt[k - s.FirstToken] is var u && (u < 0 || u >= units.Count || !units[u].IsAgent)) return false;
        return tokens[k].Xpos is "NNP" or "NN" && IsCapitalized(text, tokens[k]);
    }

    /// <summary>The office word a title before a surname names ("President", "Gov.", "Sen."), or null.</summary>
    private static string? TitleWord(string word) => word switch
    {
        "president" or "governor" or "senator" or "secretary" or "minister" or "chancellor" or "premier" or "king" or "queen"
            or "prince" or "general" or "mayor" or "ambassador" or "judge" or "justice" or "representative" => word,
        "gov." or "gov" => "governor",
        "sen." or "sen" => "senator",
        "rep." or "rep" => "representative",
        "gen." or "gen" => "general",
        _ => null,
    };

    private LexEntry? Choose(LexEntry[] entries, LinkContext context, DateOnly? date, bool besideName = false, string? titleWord = null)
    {
        LexEntry? best = null;
        var bestScore = int.MinValue;
        foreach (var e in entries)
        {
            if (e.Alias is { Kind: AliasKind.Contextual, Context: { } cx } && !ContextHolds(cx, context.Countries, _kb)) continue;
            if (besideName && e.Alias?.Kind == AliasKind.Surname) continue;
            var score = 0;
            // A country's own name outranks a person's surname ("Montenegro" the state, not Luís Montenegro).
            if (e.Entity is KbCountry && e.Alias?.Kind is AliasKind.Name or AliasKind.Short) score += 3;
            if (e.Alias?.Kind == AliasKind.Surname) score -= 2;
            if (e.Entity is { } ent && CountryOf(ent) is { } c && context.Countries.Contains(c)) score += 4;
            if (e.Entity is KbPerson p && PersonCode(p, date, null).Code is not null && (date is null || p.Roles.Any(r => r.IsHeldOn(date.Value)))) score += 3;
            if (e.Alias?.Kind is AliasKind.Name or AliasKind.Short) score += 1;
            // "Putin hails Kim": the holder of a single-holder office (a president, a minister, a supreme leader) is the
            // likelier bearer of a bare surname than a legislator of the same name, and a head of state likelier still
            if (e.Entity is KbPerson holder)
            {
                var office = 0;
                foreach (var r in holder.Roles)
                    if (r.Office is { } o && (date is { } on ? r.IsHeldOn(on) : r.End is null)) office = Math.Max(office, IsHeadOfStateOffice(o) ? 2 : 1);
                score += office;
            }
            if (e.Entity is KbCountry { Kind: KbEntityKind.HistoricalState } h && date is { } d && h.To is { } to && to.Earliest < d) score -= 5;
            // "President Bush" in 2000 is one of the presidents Bush, not the governor of Florida in office then
            if (titleWord is not null && e.Entity is KbPerson titled)
                score += titled.Roles.Any(r => r.Title.Contains(titleWord, StringComparison.OrdinalIgnoreCase)) ? 5 : -5;
            if (score > bestScore) { best = e; bestScore = score; }
        }
        return best;
    }

    private static bool IsHeadOfStateOffice(string office)
    {
        var key = office.AsSpan(office.IndexOf('.') + 1);
        return key is "president" or "supreme-leader" or "monarch" or "head-of-state" or "emir" or "king";
    }

    /// <summary>
    /// The country of a gazetteer city or region named by capitalized proper nouns in [<paramref name="from"/>,
    /// <paramref name="to"/>) outside any KB unit: the longest name (at the start only, when <paramref name="leading"/>).
    /// </summary>
    private KbCountry? PlaceCountryIn(string text, Token[] tokens, Sentence s, int from, int to, int[] unitAt, bool leading = false)
    {
        if (_kb is null || from >= to || _places.Value is not { } places) return null;
        for (var i = from; i < to; i++)
        {
            for (var j = to; j > i; j--)
            {
                var ok = true;
                for (var k = i; k < j && ok; k++)
                    ok = unitAt[k - s.FirstToken] < 0 && tokens[k].Upos == "PROPN" && IsCapitalized(text, tokens[k]);
                if (!ok) continue;
                if (PlaceCountry(places, text[tokens[i].Span.Start..tokens[j - 1].Span.End]) is { } c) return c;
            }
            if (leading) break;
        }
        return null;
    }

    /// <summary>The one country of the cities and regions a name denotes; several: the far most populous one's (≥ 5×), else none.</summary>
    private KbCountry? PlaceCountry(PlaceGazetteer places, string name, bool locative = false)
    {
        var found = places.Find(name).Where(e => e.Kind is PlaceKinds.City or PlaceKinds.Region && e.Countries.Length == 1).ToList();
        if (found.Count == 0) return null;
        // A word that also names a KB person ("Kirby") is not taken for a place.
        if (!locative && !name.Contains(' ') && places.IsPersonName(TextFold.Fold(name))) return null;
        var code = found[0].Countries[0];
        if (found.Any(e => e.Countries[0] != code))
        {
            // A region outranks towns elsewhere that share its name: "Florida Gov." is the US state's, not Florida, Cuba's;
            // "Ontario Premier" the Canadian province's, not Ontario, California's.
            var regions = found.Where(e => e.Kind == PlaceKinds.Region).Select(e => e.Countries[0]).Distinct(StringComparer.Ordinal).ToList();
            if (regions.Count == 1) return _kb!.Country(regions[0]);
            var byPop = found.OrderByDescending(e => e.Population).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            if (byPop[0].Population < 5 * Math.Max(1, byPop[1].Population)) return null;
            code = byPop[0].Countries[0];
        }
        return _kb!.Country(code);
    }

    /// <summary>
    /// "Samarra", "Darfur" as a subject or object (never after a preposition): a city or region standing for the
    /// people there, coded with its country.
    /// </summary>
    private bool PlacePhrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, int[] unitAt, string?[]? entityAt, List<MentionDraft> drafts)
    {
        // A name the entity layer calls a person is not the town it shares ("Levin is not alone in arguing").
        if (entityAt is not null && entityAt[ch.End - 1] == "PER") return false;
        var first = IsThe(text, tokens[ch.First]) ? ch.First + 1 : ch.First;
        // "the Darfur region": the generic noun after the name is not part of it.
        var last = ch.End;
        if (last - 1 > first && PlaceNouns.Contains(Word(text, tokens[last - 1]))) last--;
        if (first >= last) return false;
        // a dateline's city ("STRASBOURG, France (AP) —") says where the story was filed
        if (IsDatelineWord(text, tokens, s, first, ch.End)) return false;
        for (var k = first; k < last; k++)
            if (unitAt[k - s.FirstToken] >= 0 || tokens[k].Upos != "PROPN" || !IsCapitalized(text, tokens[k])) return false;
        var head = SyntacticHead(tokens, ch);
        // Subjects and objects; also who something is for or against ("access for the Darfur region").
        var rel = tokens[head].Deprel ?? "";
        var core = rel is "nsubj" or "nsubj:pass" or "obj" or "iobj";
        var forAgainst = (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal) && rel != "nmod:poss")
            && CaseOf(text, tokens, head) is "for" or "against";
        if (!core && !forAgainst) return false;
        // "GOD provided cancer to the wife": a common word is no town however it is written (Göd, Hungary)
        if (last - first == 1 && PlaceRecognizer.IsCommonWord(TextFold.Fold(Word(text, tokens[first])))) return false;
        if (_places.Value is not { } places || PlaceCountry(places, text[tokens[first].Span.Start..tokens[last - 1].Span.End]) is not { } c) return false;
        var d = NewDraft(text, tokens, s, si, new Chunk(first, ch.End), 0);
        d.ActorId = c.Id;
        d.Name = c.Name;
        d.Country = c.Id;
        d.Code = c.Cameo;
        d.Kind = ActorKind.State;
        d.Resolution = "place";
        drafts.Add(d);
        return true;
    }

    private static readonly FrozenSet<string> PlaceNouns = FrozenSet.ToFrozenSet(
        ["region", "province", "district", "area", "city", "town", "valley", "enclave", "territory", "governorate", "county"], StringComparer.Ordinal);

    /// <summary>The lowercased preposition (case dependent) of a nominal, if any.</summary>
    private static string? CaseOf(string text, Token[] tokens, int head)
    {
        var sent = tokens[head].Sentence;
        for (var k = head - 1; k >= 0 && k >= head - 5 && tokens[k].Sentence == sent; k--)
            if (tokens[k].Head == head && tokens[k].Deprel == "case") return Lower(text, tokens[k]);
        return null;
    }

    private static readonly FrozenSet<string> ResidentHeads = FrozenSet.ToFrozenSet(
        ["population", "populations", "minority", "minorities", "community", "communities"], StringComparer.Ordinal);

    /// <summary>A people named as residents: "ethnic" before the demonym, or a population/minority/community head.</summary>
    private static bool IsResident(string text, Token[] tokens, Chunk ch, int demonymFirst)
    {
        for (var k = ch.First; k < demonymFirst; k++)
            if (Lower(text, tokens[k]) == "ethnic") return true;
        return ResidentHeads.Contains(Lower(text, tokens[ch.End - 1]));
    }

    /// <summary>
    /// CAMEO codes an ethnic group by the country it lives in ("ethnic Albanians in Macedonia" → MKD): another country
    /// the sentence names outside the phrase, one in a locative phrase first, else the first named.
    /// </summary>
    private static KbCountry? ResidenceCountry(string text, Token[] tokens, List<Unit> units, Chunk ch, string own)
    {
        KbCountry? first = null;
        foreach (var u in units)
        {
            if (u.IsAgent || (u.First < ch.End && u.End > ch.First)) continue;
            // A country's name, even one that is also a surname ("Montenegro").
            if (u.Entries.FirstOrDefault(e => e.Entity is KbCountry && e.Alias?.Kind != AliasKind.Contextual) is not { Entity: KbCountry c } || c.Id == own) continue;
            if (u.Entries.Any(e => e.Entity is not KbCountry && e.Alias?.Kind != AliasKind.Surname)) continue;
            if (IsLocative(text, tokens, u.End - 1)) return c;
            first ??= c;
        }
        return first;
    }

    /// <summary>
    /// "A newspaper based in Christian east Beirut has violated a ban", parsed with Beirut as a second subject: a phrase
    /// right after a locative preposition is where, whatever the parser made of it ("in Moscow's view" is Moscow's).
    /// </summary>
    private static bool AfterLocativeWord(string text, Token[] tokens, int first, int end)
    {
        // back over the phrase's own modifiers ("in Christian east Beirut")
        var k = first - 1;
        while (k >= 0 && k >= first - 4 && tokens[k].Sentence == tokens[first].Sentence && tokens[k].Upos is "ADJ" or "NOUN" or "PROPN" or "DET") k--;
        if (k < 0 || tokens[k].Sentence != tokens[first].Sentence || tokens[k].Upos != "ADP" || !Locative.Contains(Lower(text, tokens[k]))) return false;
        return end >= tokens.Length || tokens[end].Sentence != tokens[first].Sentence || !IsClitic(text, tokens[end]);
    }

    /// <summary>"in Nairobi and Dar es Salaam": the first conjunct of a coordination, whose relation the others share.</summary>
    private static int FirstConjunct(Token[] tokens, int head)
    {
        for (var guard = 0; guard < 4 && tokens[head].Deprel == "conj" && tokens[head].Head is var first && first >= 0 && first < head; guard++) head = first;
        return head;
    }

    private static bool IsLocative(string text, Token[] tokens, int head)
    {
        var rel = tokens[head].Deprel ?? "";
        if (!(rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal) && rel != "nmod:poss")) return false;
        var sent = tokens[head].Sentence;
        for (var k = head - 1; k >= 0 && k >= head - 4 && tokens[k].Sentence == sent; k--)
        {
            if (tokens[k].Head != head || tokens[k].Deprel != "case") continue;
            var prep = Lower(text, tokens[k]);
            if (Locative.Contains(prep)) return true;
            var gov = tokens[head].Head;
            if (prep == "to" && gov >= 0 && (Motion.Contains(tokens[gov].Lemma ?? "") || Motion.Contains(Lower(text, tokens[gov])))) return true;
        }
        return false;
    }

    /// <summary>A person's code on a date: the role held then (one in the phrase's country first, then an office); else the latest role's country.</summary>
    internal (ActorCode? Code, KbRole? Role) PersonCode(KbPerson p, DateOnly? date, string? countryHint)
    {
        if (_kb is null || p.Roles.IsEmpty) return (null, null);
        IEnumerable<KbRole> held = date is { } d ? p.Roles.Where(r => r.IsHeldOn(d)) : p.Roles.Where(r => r.End is null);
        var pick = held.OrderBy(r => countryHint is not null && r.Country == countryHint ? 0 : 1).ThenBy(r => r.Office is null ? 1 : 0)
            .ThenByDescending(r => r.Start?.Earliest ?? DateOnly.MinValue).FirstOrDefault();
        if (pick is null && date is null) pick = p.Roles.OrderByDescending(r => r.Start?.Earliest ?? DateOnly.MinValue).First();
        if (pick is not null) return (_kb.CodeFor(pick), pick);
        return (null, null);
    }

    /// <summary>The last role ended before <paramref name="date"/>, else the first role starting after it.</summary>
    private static KbRole? FormerRole(KbPerson p, DateOnly date) =>
        p.Roles.Where(r => r.End is { } e && KbRole.EndExclusive(e) <= date).OrderByDescending(r => KbRole.EndExclusive(r.End!.Value)).FirstOrDefault()
        ?? p.Roles.Where(r => r.Start is { } st && st.Earliest > date).OrderBy(r => r.Start!.Value.Earliest).FirstOrDefault();

    private static bool IsAcronym(string word)
    {
        if (word.Length < 2) return false;
        foreach (var c in word) if (!char.IsUpper(c)) return false;
        return true;
    }

    private bool UnknownNamePhrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, List<Unit> units, int[] unitAt,
        string?[]? entityAt, DateOnly? date, List<MentionDraft> drafts)
    {
        // Trailing proper nouns not in the KB, after a title agent: "Kyrgyz Prime Minister Nikolai Tanaev".
        var k = ch.End - 1;
        while (k >= ch.First && (unitAt[k - s.FirstToken] < 0 || SurnameOnly(units[unitAt[k - s.FirstToken]])) && (tokens[k].Upos == "PROPN" || entityAt?[k] == "PER")) k--;
        if (k == ch.End - 1 || k < ch.First) return false;
        // "a moderate Republican", "moderate Democrats": a party or creed after the word is no person's name.
        if (k + 2 == ch.End && Affiliations.Contains(Lower(text, tokens[k + 1]))) return false;
        var title = unitAt[k - s.FirstToken];
        if (title < 0 || !units[title].IsAgent) return false;
        var mods = ModifiersOf(units, unitAt, s, new Chunk(ch.First, k + 1), title);
        var (root, country, _, _, rootKind) = RootOf(mods, date);
        if (rootKind == ActorKind.State && RegionBeforeTitle(text, tokens, mods, units[title], country) is { } region) (root, country) = (region.Cameo, region.Id);
        // "Texas Gov. Greg Abbott": a gazetteer place before the title gives the country.
        // The place is the longest run of proper nouns at the start ("Oregon Federal District Court Judge" is Oregon's); an
        // adjective is no place ("Federal Judge Robert Jones" is not of Federal, Argentina).
        // A shorter run must name a region or a city of some size: "Federal District Judge" is not of Federal, Argentina.
        var lead = IsThe(text, tokens[ch.First]) ? ch.First + 1 : ch.First;
        if (root is null && units[title].First > lead && _places.Value is { } gazetteer)
            for (var j = units[title].First; j > lead; j--)
            {
                var proper = true;
                for (var q = lead; q < j && proper; q++) proper = tokens[q].Xpos is "NNP" or "NNPS" && IsCapitalized(text, tokens[q]);
                var name = text[tokens[lead].Span.Start..tokens[j - 1].Span.End];
                if (proper && (j == units[title].First || gazetteer.Find(name).Any(e => e.Kind == PlaceKinds.Region || e.Population >= 100_000))
                    && PlaceCountry(gazetteer, name) is { } placed)
                {
                    (root, country) = (placed.Cameo, placed.Id);
                    break;
                }
            }
        var agent = AgentCodeOf(text, tokens, units[title], mods);
        var code = units[title].Top.PetrarchAgent is { } pa ? pa.Compose(root) : root is null ? agent : ComposeSector(root, agent);
        if (code.Length == 0) return false;
        var d = NewDraft(text, tokens, s, si, ch, 0);
        d.Code = code;
        d.Country = country;
        d.Sector = SectorOf(code, root);
        // "Iran's Press TV", "Army Black Knights": after an institution's word the name is the institution's, not a person's
        // (no "his" or "him" refers to it), unless the recognizer read a person's name there
        var titleWord = Lower(text, tokens[units[title].End - 1]);
        d.Kind = !CoreferenceResolver.InstitutionNouns.Contains(titleWord) || entityAt?[ch.End - 1] == "PER" ? ActorKind.Person
            : titleWord is "media" or "press" or "television" or "newspaper" or "broadcaster" ? ActorKind.Media : ActorKind.Organization;
        d.Name = text[tokens[k + 1].Span.Start..tokens[ch.End - 1].Span.End];
        d.Role = text[tokens[units[title].First].Span.Start..tokens[units[title].End - 1].Span.End];
        d.Resolution = "title+name";
        d.Surnames = [Lower(text, tokens[ch.End - 1])];
        // "JAXA spokesman Kenji Tanaka": an organization's name before the title (an acronym, or a name the recognizer calls
        // one) that names no country is the employer; "Chief Judge", "Republican Sen." are not
        if (root is null)
            for (var q = lead; q < units[title].First && !d.OfUnknownOrganization; q++)
                d.OfUnknownOrganization = unitAt[q - s.FirstToken] < 0 && (entityAt?[q] == "ORG" || IsAcronym(Word(text, tokens[q])));
        drafts.Add(d);
        return true;
    }

    /// <summary>
    /// A lone capitalized name ("McAfee said", "Kim sued") waits for coreference: it is the person an earlier mention
    /// gave that surname ("Judge Scott McAfee", "Rep. Andy Kim"), or nobody.
    /// </summary>
    private bool BareSurname(string text, Token[] tokens, Sentence s, int si, Chunk ch, List<Unit> units, int[] unitAt,
        string?[]? entityAt, List<MentionDraft> drafts)
    {
        if (ch.End - ch.First != 1) return false;
        var k = ch.First;
        // A person's name by the entity layer where it ran ("Democrats", "Republican" are not), else a singular proper noun.
        if (!IsCapitalized(text, tokens[k]) || IsAllCaps(text, tokens[k]) || !(entityAt is null ? tokens[k].Xpos == "NNP" : entityAt[k] == "PER")) return false;
        if (unitAt[k - s.FirstToken] is var u and >= 0 && !SurnameOnly(units[u])) return false;
        var d = NewDraft(text, tokens, s, si, ch, 0);
        d.Kind = ActorKind.Person;
        d.Name = Word(text, tokens[k]);
        d.Pending = Pending.Surname;
        d.Key = Lower(text, tokens[k]);
        drafts.Add(d);
        return true;
    }

    /// <summary>
    /// "Biden met Xi in San Francisco": a two-letter surname alone is too common to name someone, except a head of state
    /// or party leader in office on the story's date (undated: still in office, as the linker reads undated stories).
    /// </summary>
    private static bool LeadsAStateOn(KbPerson p, DateOnly? date) =>
        p.Roles.Any(r => r.Office is { } o && (o.EndsWith(".president", StringComparison.Ordinal) || o.EndsWith(".general-secretary", StringComparison.Ordinal)
            || o.EndsWith(".supreme-leader", StringComparison.Ordinal)) && (date is { } d ? r.IsHeldOn(d) : r.End is null));

    /// <summary>Capitalized nouns of political affiliation, which follow role words ("moderate Republican") as names do.</summary>
    private static readonly FrozenSet<string> Affiliations = FrozenSet.ToFrozenSet(
        ["republican", "republicans", "democrat", "democrats", "conservative", "conservatives", "tory", "tories", "liberal", "liberals",
         "socialist", "socialists", "communist", "communists", "labourite", "labourites", "green", "greens", "independent", "independents",
         "islamist", "islamists", "nationalist", "nationalists", "unionist", "unionists", "loyalist", "loyalists", "maoist", "maoists"], StringComparer.Ordinal);

    private static bool SurnameOnly(Unit u) => !u.IsAgent && u.Entries.All(e => e.Alias?.Kind == AliasKind.Surname);

    /// <summary>
    /// "the two leaders", "both ministers": a pair like "the two countries", each member in the sector of the title
    /// (ARMGOV and AZEGOV after "Armenia and Azerbaijan"). Only with "both" or "the two": "two officials said" is no pair.
    /// </summary>
    private static bool LeadersPair(string text, Token[] tokens, Sentence s, int si, Chunk ch, Unit head, List<MentionDraft> drafts)
    {
        if (head.End != ch.End || !PairTitles.Contains(Lower(text, tokens[ch.End - 1]))) return false;
        var first = Lower(text, tokens[ch.First]);
        if (!(first == "both" || first == "the" && ch.First + 1 < head.First && Lower(text, tokens[ch.First + 1]) == "two")) return false;
        var sector = head.Top.AgentCode;
        if (sector is not ("GOV" or "MIL")) return false;
        for (var m = 0; m < 2; m++)
            drafts.Add(new MentionDraft
            {
                Span = new TextSpan(tokens[ch.First].Span.Start, tokens[ch.End - 1].Span.End),
                First = ch.First, Count = ch.End - ch.First, Head = SyntacticHead(tokens, ch), Sentence = si, Member = m,
                Pending = Pending.Pair, Key = Lower(text, tokens[ch.End - 1]), Plural = true, Kind = ActorKind.Agent, Sector = sector,
            });
        return true;
    }

    private static readonly FrozenSet<string> PairTitles = FrozenSet.ToFrozenSet(
        ["leaders", "presidents", "ministers", "prime ministers", "foreign ministers", "governments", "militaries", "armies", "delegations", "heads"], StringComparer.Ordinal);

    private static bool PairPhrase(string text, Token[] tokens, Sentence s, int si, Chunk ch, List<MentionDraft> drafts)
    {
        if (ch.End - ch.First < 2) return false;
        var head = Lower(text, tokens[ch.End - 1]);
        if (!PairHeads.Contains(head)) return false;
        var hasTwo = false;
        for (var k = ch.First; k < ch.End - 1; k++)
        {
            var w = Lower(text, tokens[k]);
            if (w is "two" or "both") hasTwo = true;
        }
        if (!hasTwo) return false;
        for (var m = 0; m < 2; m++)
        {
            var d = new MentionDraft
            {
                Span = new TextSpan(tokens[ch.First].Span.Start, tokens[ch.End - 1].Span.End),
                First = ch.First, Count = ch.End - ch.First, Head = SyntacticHead(tokens, ch), Sentence = si, Member = m,
                Pending = Pending.Pair, Key = head, Plural = true, Kind = ActorKind.State,
            };
            drafts.Add(d);
        }
        return true;
    }
}
