using System.Collections.Frozen;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Actors.Places;

/// <summary>
/// Finds place mentions in tagged text. Every window of up to eight tokens in a sentence is folded into a stack
/// buffer and looked up (longest first, no allocation); hyphenated tokens ("Kremlin-Pyongyang") are also split.
/// A hit must look like a name (capitalized words, or the exact acronym), then ambiguity is settled in the
/// document: "X, Y" qualifiers ("Paris, Texas"), a state or city of the same admin area mentioned elsewhere
/// ("Georgia" with "Atlanta"), a country mentioned elsewhere, otherwise countries before regions before
/// cities, capitals first, then the most populous. Precision comes before recall: lone words that are also
/// common words or person names need a location context ("in Victoria"), and a town name inside a longer
/// proper name ("John Kirby", "Paris Hilton") is not a place.
/// </summary>
public sealed class PlaceRecognizer(PlaceGazetteer gazetteer)
{
    private const int MaxTokens = 8;
    /// <summary>A lone non-capital town below this needs a location context or its country mentioned.</summary>
    private const long SmallTown = 100_000;
    /// <summary>A lone town name this large (or a capital) counts as a place without more context.</summary>
    private const long BigCity = 1_000_000;

    // Months and weekdays are never places, even after "in" ("In March" is not March, Cambridgeshire).
    private static readonly FrozenSet<string> NeverPlaces = FrozenSet.ToFrozenSet(
        [.. CalendarWords.Months, .. CalendarWords.Weekdays, "ho", "un", "date", "ina", "man", "bo"], StringComparer.Ordinal);

    // Common English words (capitalized at a sentence's start or in titles) that are also towns: places only
    // with a location context ("in Nice", "Reading, England") or an entity tag.
    private static readonly FrozenSet<string> CommonWords = FrozenSet.Create(StringComparer.Ordinal,
        "police", "obama", "mao", "bar", "gap", "sale", "rugby", "young", "best", "split", "bath", "reading", "nice", "worms",
        "mission", "independence", "union", "enterprise", "orange", "paradise", "spring", "temple", "surprise", "normal",
        "concord", "mercedes", "deal", "liberty", "roman", "batman", "van", "mobile", "buffalo", "phoenix", "eden", "zion",
        "goodyear", "columbia", "commerce", "progress", "hope", "sandy", "trinidad", "of", "as", "so", "general", "university",
        "summit", "brent", "minister", "president", "centre", "center", "church", "mosque", "temple", "street", "square", "god");

    /// <summary>Whether a folded single word is a common English word that is also a town ("god" and Göd, "nice" and Nice).</summary>
    internal static bool IsCommonWord(string folded) => CommonWords.Contains(folded);

    // Given names that are also towns: places only with a location context.
    private static readonly FrozenSet<string> GivenNames = FrozenSet.Create(StringComparer.Ordinal,
        "victoria", "florence", "charlotte", "lincoln", "jackson", "austin", "madison", "eugene", "marion", "regina",
        "elizabeth", "chandler", "gilbert", "tyler", "allen", "bryan", "carson", "taylor", "murray", "logan", "warren",
        "clinton", "franklin", "hamilton", "milton", "sherman", "dalton", "chester", "preston", "troy", "orlando", "aurora",
        "savannah", "sidney", "kent", "irving", "norman", "garland", "frederick", "davis", "lawrence", "lafayette",
        "lowell", "quincy", "monroe", "burke", "wayne", "nelson", "draper", "layton", "cary",
        "darwin", "salem", "albany", "camden", "dover", "hampton",
        "kingston", "newport");

    // Country names that are also given names: checked like towns for an adjacent name ("Jordan Peterson").
    private static readonly FrozenSet<string> NameLikeCountries = FrozenSet.Create(StringComparer.Ordinal,
        "chad", "jordan", "georgia", "india", "israel", "kenya", "cuba", "niger", "guinea", "turkey", "china", "america");

    private static readonly FrozenSet<string> LocativeWords = FrozenSet.Create(StringComparer.Ordinal,
        "in", "near", "at", "off", "into", "outside", "toward", "towards", "across", "around", "via",
        "through", "inside", "within", "throughout", "northern", "southern", "eastern", "western", "central", "visit",
        "visited", "visiting", "reached", "entered", "fled", "flew", "arrived", "bombed", "shelled", "captured", "struck");

    // Capitalized words that may stand next to a place without making it part of a person's or company's name.
    private static readonly FrozenSet<string> NeighbourWords = FrozenSet.Create(StringComparer.Ordinal,
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
        "greater", "downtown", "in", "the", "at", "near", "from", "to", "mayor", "governor", "police", "airport", "region",
        "oblast", "province", "summit", "agreement", "accords", "accord", "declaration", "protocol", "format", "conference",
        "talks", "process", "stock", "exchange", "metro", "station", "court", "prosecutor", "bureau", "correspondent",
        "on", "and", "or", "but", "as", "by", "for", "with", "while", "after", "before", "when", "if", "said", "says");

    // Lowercase words allowed inside a capitalized name: "Bay of Bengal", "Port-au-Prince", "Dar es Salaam".
    private static readonly FrozenSet<string> NameParticles = FrozenSet.Create(StringComparer.Ordinal,
        "of", "the", "and", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "das", "di", "al", "el", "ez",
        "es", "ed", "en", "au", "aux", "sur", "upon", "on", "am", "an", "im", "y", "e", "i", "van", "der", "den", "von", "bin", "ibn");

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _never = NeverPlaces.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _common = CommonWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _given = GivenNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameLike = NameLikeCountries.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _locative = LocativeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _neighbour = NeighbourWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _particles = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    public PlaceGazetteer Gazetteer => gazetteer;

    /// <summary>A raw hit: tokens [First, First + Count), its span (a part of one token for a hyphen split), its candidates.</summary>
    private sealed class Hit(int first, int count, TextSpan span, bool part, List<PlaceCandidate> candidates)
    {
        public int First { get; } = first;
        public int Count { get; } = count;
        public TextSpan Span { get; } = span;
        public bool Part { get; } = part;
        public List<PlaceCandidate> Candidates { get; set; } = candidates;
        public bool Qualified { get; set; }
    }

    /// <summary>Place mentions in text order. <paramref name="entities"/> (NER) is optional.</summary>
    public PlaceMention[] Recognize(string text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<Token> tokens, ReadOnlySpan<EntityMention> entities = default)
    {
        var hits = FindHits(text, sentences, tokens);
        if (hits.Count == 0) return [];

        string?[]? entityOf = null;
        if (!entities.IsEmpty)
        {
            entityOf = new string?[tokens.Length];
            foreach (var e in entities)
                for (int t = e.FirstToken; t < e.FirstToken + e.TokenCount && t < tokens.Length; t++) entityOf[t] = e.Type;
        }

        Qualify(text, tokens, hits);
        // Tokens of hits that are surely places (several words, a country or region, a capital, a big town): a
        // neighbour of these is no part of a person's name; a small town's name may well be one ("Michael Griffin").
        var inHit = new bool[tokens.Length];
        foreach (var h in hits)
            if (!h.Part && (h.Count > 1 || h.Candidates.Exists(IsSurePlace)))
                for (int t = h.First; t < h.First + h.Count; t++) inHit[t] = true;
        var surnames = Surnames(text, sentences, tokens, inHit);
        var (mentioned, areas) = Evidence(hits);

        var result = new List<PlaceMention>();
        foreach (var h in hits)
        {
            var entry = Choose(h, mentioned, areas);
            if (entry is null) continue;
            if (!Accept(text, tokens, h, entry, entityOf, surnames, mentioned, inHit)) continue;
            result.Add(new PlaceMention(h.Span, h.First, h.Count, entry.Id, entry.Name, entry.Country, entry.Lat, entry.Lon, entry.Kind));
        }
        return [.. result];
    }

    private List<Hit> FindHits(string text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<Token> tokens)
    {
        var hits = new List<Hit>();
        Span<char> key = stackalloc char[PlaceKeys.MaxKeyLength + 1];
        int maxChars = PlaceKeys.MaxKeyLength * 2;
        foreach (var s in sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            for (int i = s.FirstToken; i < end;)
            {
                Hit? hit = null;
                // Only a capitalized, digit-free first token or a lowercase-allowed entry can start a place.
                var firstChar = text[tokens[i].Span.Start];
                if (char.IsLetter(firstChar))
                {
                    for (int n = Math.Min(MaxTokens, end - i); n >= 1 && hit is null; n--)
                    {
                        // A window never ends on punctuation: "Ukraine ." folds like "Ukraine" but is not its span.
                        var last = tokens[i + n - 1].Span;
                        if (!char.IsLetterOrDigit(text[last.Start])) continue;
                        var span = new TextSpan(tokens[i].Span.Start, last.End);
                        if (span.Length > maxChars) continue;
                        var len = PlaceKeys.Fold(text.AsSpan(span.Start, span.Length), key);
                        if (len <= 0 || len > PlaceKeys.MaxKeyLength) continue;
                        var found = Filter(text, span, gazetteer.Lookup(key[..len]));
                        if (found is not null) hit = new Hit(i, n, span, false, found);
                    }
                }
                if (hit is not null)
                {
                    // An organization's name or a seat ("Islamic State of Iraq and the Levant") only hides what is inside it.
                    if (!hit.Candidates.TrueForAll(IsBlocker) && !hit.Candidates.Exists(IsSeat))
                    {
                        hit.Candidates.RemoveAll(IsBlocker);
                        hits.Add(hit);
                    }
                    i += hit.Count;
                    continue;
                }
                // "Kremlin-Pyongyang", "US-led": the parts of a hyphenated token, one by one.
                var tok = tokens[i].Span;
                var word = text.AsSpan(tok.Start, tok.Length);
                if (word.Length > 3 && word.IndexOf('-') > 0)
                {
                    int start = 0;
                    while (start < word.Length)
                    {
                        var dash = word[start..].IndexOf('-');
                        var partEnd = dash < 0 ? word.Length : start + dash;
                        if (partEnd - start >= 2)
                        {
                            var span = new TextSpan(tok.Start + start, tok.Start + partEnd);
                            var len = PlaceKeys.Fold(text.AsSpan(span.Start, span.Length), key);
                            if (len > 0 && len <= PlaceKeys.MaxKeyLength && Filter(text, span, gazetteer.Lookup(key[..len])) is { } found
                                && found.RemoveAll(IsBlocker) >= 0 && found.Count > 0)
                                hits.Add(new Hit(i, 1, span, true, found));
                        }
                        start = partEnd + 1;
                    }
                }
                i++;
            }
        }
        return hits;
    }

    private bool IsSurePlace(PlaceCandidate c) =>
        gazetteer.Entries[c.Entry] is var e && (e.Kind != PlaceKinds.City || e.IsCapital || e.Population >= SmallTown);

    private bool IsBlocker(PlaceCandidate c) => gazetteer.Entries[c.Entry].Kind == PlaceKinds.Blocker;

    private bool IsSeat(PlaceCandidate c) => gazetteer.Entries[c.Entry].Id.StartsWith("kb-seat:", StringComparison.Ordinal);

    /// <summary>The candidates whose written form fits the text: the exact acronym, or capitalized words (unless lowercase is allowed).</summary>
    private List<PlaceCandidate>? Filter(string text, TextSpan span, ReadOnlySpan<PlaceCandidate> candidates)
    {
        if (candidates.IsEmpty) return null;
        List<PlaceCandidate>? kept = null;
        bool? capitalized = null;
        var written = text.AsSpan(span.Start, span.Length);
        foreach (var c in candidates)
        {
            var e = gazetteer.Entries[c.Entry];
            bool ok;
            if (c.Exact is not null) ok = written.SequenceEqual(c.Exact);
            else if (e.AllowLowercase || e.Kind == PlaceKinds.Blocker) ok = true;
            else ok = capitalized ??= IsCapitalizedName(written);
            if (!ok) continue;
            (kept ??= []).Add(c);
        }
        return kept;
    }

    /// <summary>Every word starts with a capital letter, except name particles ("Bay of Bengal"); not a bare particle.</summary>
    private bool IsCapitalizedName(ReadOnlySpan<char> written)
    {
        bool any = false;
        Span<char> w = stackalloc char[16];
        int i = 0;
        while (i < written.Length)
        {
            while (i < written.Length && !char.IsLetterOrDigit(written[i])) i++;
            int start = i;
            while (i < written.Length && (char.IsLetterOrDigit(written[i]) || written[i] is '\'' or '\u2019' or '.')) i++;
            if (i == start) break;
            var word = written[start..i];
            if (char.IsUpper(word[0])) { any = true; continue; }
            // A particle may not start a name: "al-Mansurah" inside a longer Arabic name is not the town.
            if (!any) return false;
            if (word.Length <= w.Length)
            {
                var n = PlaceKeys.Fold(word, w);
                if (n > 0 && _particles.Contains(w[..n])) continue;
            }
            return false;
        }
        return any;
    }

    /// <summary>"Paris, Texas", "Atlanta, Georgia", "Tripoli, Lebanon": keep the pairs of readings that fit together.</summary>
    private void Qualify(string text, ReadOnlySpan<Token> tokens, List<Hit> hits)
    {
        for (int k = 0; k + 1 < hits.Count; k++)
        {
            Hit a = hits[k], b = hits[k + 1];
            if (a.Part || b.Part || b.First != a.First + a.Count + 1) continue;
            var comma = tokens[a.First + a.Count].Span;
            if (comma.Length != 1 || text[comma.Start] != ',') continue;
            PlaceCandidate? bestA = null, bestB = null;
            long bestPop = -1;
            foreach (var ca in a.Candidates)
            {
                var ea = gazetteer.Entries[ca.Entry];
                if (ea.Kind != PlaceKinds.City) continue;
                foreach (var cb in b.Candidates)
                {
                    var eb = gazetteer.Entries[cb.Entry];
                    if (eb.Kind == PlaceKinds.City || eb.Country is not { } country) continue;
                    if (ea.Country != country || (eb.Admin1 is not null && eb.Admin1 != ea.Admin1)) continue;
                    if (ea.Population > bestPop) { bestPop = ea.Population; bestA = ca; bestB = cb; }
                }
            }
            if (bestA is { } x && bestB is { } y)
            {
                a.Candidates = [x];
                b.Candidates = [y];
                a.Qualified = b.Qualified = true;
            }
        }
    }

    /// <summary>
    /// Countries the document mentions unambiguously, and (country, admin1) areas of its unambiguous towns and
    /// states: the evidence that turns "Georgia" into the US state next to "Atlanta".
    /// </summary>
    private (HashSet<string> Countries, HashSet<(string, string)> Areas) Evidence(List<Hit> hits)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var areas = new HashSet<(string, string)>();
        foreach (var h in hits)
        {
            string? country = null;
            bool same = true, strong = h.Count > 1 || h.Qualified;
            foreach (var c in h.Candidates)
            {
                var e = gazetteer.Entries[c.Entry];
                if (!e.Context.IsEmpty || e.Country is null) { same = false; break; }
                country ??= e.Country;
                if (country != e.Country) { same = false; break; }
                if (e.Kind != PlaceKinds.City || e.IsCapital || e.Population >= SmallTown) strong = true;
            }
            if (!same || country is null || !strong) continue;
            countries.Add(country);
            if (h.Candidates.Count == 1 && gazetteer.Entries[h.Candidates[0].Entry] is { Admin1: { } a, IsCapital: false } e1 && !PlaceKinds.IsCountry(e1.Kind))
                areas.Add((country, a));
        }
        return (countries, areas);
    }

    private PlaceEntry? Choose(Hit h, HashSet<string> mentioned, HashSet<(string, string)> areas)
    {
        PlaceEntry? best = null;
        foreach (var c in h.Candidates)
        {
            var e = gazetteer.Entries[c.Entry];
            if (!e.Context.IsEmpty && !e.Context.Any(mentioned.Contains)) continue;
            if (best is null || Better(e, best)) best = e;
        }
        if (best is null || h.Qualified || h.Candidates.Count == 1) return best;

        // Another reading in an admin area the document names ("Georgia" beside "Atlanta"), or a sizeable town in
        // a country it names while the default's country goes unmentioned ("Tripoli" in a story on Lebanon).
        if (best.Country is { } bc && mentioned.Contains(bc) && (best.Admin1 is null || areas.Contains((bc, best.Admin1)))) return best;
        PlaceEntry? alt = null;
        foreach (var c in h.Candidates)
        {
            var e = gazetteer.Entries[c.Entry];
            if (ReferenceEquals(e, best) || e.Country is not { } ec || !e.Context.IsEmpty) continue;
            // In its admin area, or a region among two or more other regions of its country that the document names
            // ("Georgia" in a story on North Carolina, Virginia and Michigan is the US state).
            bool inArea = e.Admin1 is not null && (areas.Contains((ec, e.Admin1))
                || e.Kind == PlaceKinds.Region && areas.Count(a => a.Item1 == ec && a.Item2 != e.Admin1) >= 2);
            bool inCountry = mentioned.Contains(ec) && e.Population >= SmallTown && best.Country is { } b2 && !mentioned.Contains(b2);
            if (!inArea && !inCountry) continue;
            if (alt is null || Better(e, alt)) alt = e;
        }
        return alt ?? best;
    }

    /// <summary>Default order: countries, then regions and waters, then cities; capitals first; then the most populous; then id.</summary>
    private static bool Better(PlaceEntry a, PlaceEntry b)
    {
        int ra = Rank(a), rb = Rank(b);
        if (ra != rb) return ra < rb;
        if (a.IsCapital != b.IsCapital) return a.IsCapital;
        if (a.Population != b.Population) return a.Population > b.Population;
        return string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    private static int Rank(PlaceEntry e) => e.Kind switch
    {
        PlaceKinds.Country => 0,
        PlaceKinds.Territory => 1,
        PlaceKinds.City => 3,
        _ => 2,
    };

    private bool Accept(string text, ReadOnlySpan<Token> tokens, Hit h, PlaceEntry e, string?[]? entityOf,
        HashSet<string> surnames, HashSet<string> mentioned, bool[] inHit)
    {
        // NER, when present: a person's or organization's name is not a place mention of its own.
        bool nerPlace = false;
        if (entityOf is not null)
        {
            var type = entityOf[h.First];
            if (type is "PER" or "PERSON") return false;
            if (type is "ORG" && !PlaceKinds.IsCountry(e.Kind)) return false;
            nerPlace = type is "LOC" or "GPE" or "FAC";
        }

        var written = text.AsSpan(h.Span.Start, h.Span.Length);
        Span<char> key = stackalloc char[PlaceKeys.MaxKeyLength + 1];
        var len = PlaceKeys.Fold(written, key);
        var folded = key[..Math.Max(len, 0)];
        bool single = h.Count == 1;
        bool isCountry = PlaceKinds.IsCountry(e.Kind);
        bool nameLikeCountry = isCountry && single && _nameLike.Contains(folded);
        bool locative = h.Qualified || nerPlace || LocativeBefore(text, tokens, h);

        if (single && _never.Contains(folded) && !h.Qualified) return false;
        if (isCountry && !nameLikeCountry) return true;
        if (e.Kind != PlaceKinds.City && !single) return true;

        // From here: lone words (towns, one-word regions, name-like countries) and multi-word towns.
        if (single && _common.Contains(folded) && !locative) return false;
        // A country's name is rarely a person's ("Israel Katz"): for countries only the neighbour test below applies.
        if (single && !isCountry && (_given.Contains(folded) || gazetteer.IsPersonName(folded) || surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded)) && !locative) return false;
        if (!h.Qualified && PartOfLongerName(text, tokens, h, inHit)) return false;
        if (e.Kind != PlaceKinds.City) return true;

        if (h.Part) return e.IsCapital || e.Population >= BigCity || locative;
        if (!nerPlace && !AnyProperNoun(tokens.Slice(h.First, h.Count))) return false;
        if (single && !e.IsCapital && e.Population < SmallTown && !locative && !(e.Country is { } c && mentioned.Contains(c))) return false;
        return true;
    }

    private static bool AnyProperNoun(ReadOnlySpan<Token> tokens)
    {
        foreach (var t in tokens)
            if (t.Upos == "PROPN") return true;
        return false;
    }

    private bool LocativeBefore(string text, ReadOnlySpan<Token> tokens, Hit h)
    {
        int p = h.First - 1;
        if (p < 0 || tokens[p].Sentence != tokens[h.First].Sentence) return false;
        // "in the Donbas", "near the city of Bakhmut": look past a determiner.
        if (Word(text, tokens[p]) is "the" or "of" && p > 0 && tokens[p - 1].Sentence == tokens[h.First].Sentence) p--;
        if (Word(text, tokens[p]) == "city" && p > 1 && Word(text, tokens[p - 1]) == "the") p -= 2;
        var w = text.AsSpan(tokens[p].Span.Start, tokens[p].Span.Length);
        Span<char> buf = stackalloc char[16];
        if (w.Length > buf.Length) return false;
        var n = PlaceKeys.Fold(w, buf);
        return n > 0 && _locative.Contains(buf[..n]);
    }

    private static string Word(string text, Token t) => t.Span.Length <= 8 ? text.Substring(t.Span.Start, t.Span.Length).ToLowerInvariant() : "";

    /// <summary>A capitalized word right before or after the hit, not itself part of a place ("John Kirby", "Paris Hilton", "Damascus University").</summary>
    private bool PartOfLongerName(string text, ReadOnlySpan<Token> tokens, Hit h, bool[] inHit)
    {
        if (h.Part) return false;
        int sentence = tokens[h.First].Sentence;
        int before = h.First - 1, after = h.First + h.Count;
        return (before >= 0 && tokens[before].Sentence == sentence && !inHit[before] && IsNameWord(text, tokens, before, true))
            || (after < tokens.Length && tokens[after].Sentence == sentence && !inHit[after] && IsNameWord(text, tokens, after, false));
    }

    private bool IsNameWord(string text, ReadOnlySpan<Token> tokens, int t, bool before)
    {
        var span = tokens[t].Span;
        var w = text.AsSpan(span.Start, span.Length);
        // An initial before the name: "Scott C. Dayton", "Scott C . Dayton".
        if (before && w is "." && t > 0 && tokens[t - 1].Span.Length == 1 && char.IsUpper(text[tokens[t - 1].Span.Start])) return true;
        if (w.Length == 0 || !char.IsUpper(w[0])) return false;
        // The first word of a sentence is capitalized anyway: there it must be tagged a proper noun ("Jolene Harvey").
        if (before && (t == 0 || tokens[t - 1].Sentence != tokens[t].Sentence) && tokens[t].Upos != "PROPN") return false;
        Span<char> buf = stackalloc char[PlaceKeys.MaxKeyLength + 1];
        var n = PlaceKeys.Fold(w, buf);
        if (n <= 0) return false;
        return !_neighbour.Contains(buf[..n]);
    }

    /// <summary>Last words of multi-word proper names that are not places ("Kirby" from "John Kirby"): later, alone, a person.</summary>
    private static HashSet<string> Surnames(string text, ReadOnlySpan<Sentence> sentences, ReadOnlySpan<Token> tokens, bool[] inHit)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            int run = 0;
            for (int t = s.FirstToken; t <= s.FirstToken + s.TokenCount; t++)
            {
                bool name = t < s.FirstToken + s.TokenCount && !inHit[t] && tokens[t].Upos == "PROPN"
                    && char.IsUpper(text[tokens[t].Span.Start]);
                if (name) { run++; continue; }
                // Initials inside a name ("Scott C . Dayton") keep the run going.
                if (run > 0 && t < s.FirstToken + s.TokenCount && text[tokens[t].Span.Start] == '.' && tokens[t].Span.Length == 1) continue;
                if (run >= 2) set.Add(PlaceKeys.Key(text.Substring(tokens[t - 1].Span.Start, tokens[t - 1].Span.Length)));
                run = 0;
            }
        }
        return set;
    }
}
