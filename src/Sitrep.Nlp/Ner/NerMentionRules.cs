namespace Sitrep.Nlp.Ner;

/// <summary>The rules that turn a sentence's BIO classes into typed mentions, shared by the default and the MiniLM tagger.</summary>
internal static class NerMentionRules
{
    /// <summary>
    /// Mentions from BIO classes, as both taggers type them: adjacent mentions that are exactly one KB name merge (the greedy
    /// tagger sometimes restarts inside a name it has never seen whole), titles are trimmed from persons, KB country/capital
    /// names become GPE, gazetteer-only organizations ("Kremlin", "AP") become ORG, capitalized demonyms outside mentions NORP.
    /// </summary>
    internal static void Spans(NerModel model, ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, List<NerSpan> spans)
    {
        int n = words.Length;
        for (int i = 0; i < n;)
        {
            if (classes[i] == 0)
            {
                if (TryNorp(model, words, classes, i, out int len)) { spans.Add(new NerSpan(i, len, NerTagger.Norp)); i += len; }
                else if (IsOrgAcronym(model, words, i)) { spans.Add(new NerSpan(i, 1, "ORG")); i++; }
                else if (TryGazetteerOrg(model, words, classes, i, out int olen)) { spans.Add(new NerSpan(i, olen, "ORG")); i += olen; }
                else if (TryFirstName(model, words, classes, i, out int plen)) { spans.Add(new NerSpan(i, plen, "PER")); i += plen; }
                else i++;
                continue;
            }
            int type = (classes[i] - 1) / 2;
            int j = i;
            while (j + 1 < n && classes[j + 1] == NerModel.ClassOf(type, 1)) j++;
            if (TryMerge(model, words, classes, i, j, out int merged, out string mergedType)) { spans.Add(new NerSpan(i, merged, mergedType)); i += merged; continue; }
            // Titles are not part of names (UNER, CoNLL): "Defense Minister Sergei Shoigu" is the person "Sergei Shoigu".
            int a = i;
            while (a <= j && s_titles.Contains(words[a].Lower)) a++;
            if (model.Types[type] != "PER" && a <= j) a = i;
            // A capitalized given name the tagger left outside a person ("Sergei | Shoigu") belongs to the person.
            if (model.Types[type] == "PER" && a <= j)
            {
                int free = spans.Count > 0 ? spans[^1].Start + spans[^1].Length : 0;
                while (a - 1 >= free && classes[a - 1] == 0 && words[a - 1].Cap && (words[a - 1].Gaz & FirstNameUnit) != 0) a--;
            }
            // A descriptor ending in titles right before a person ("Russian Defense Minister | Sergei Shoigu", "Pentagon spokesman |
            // John Kirby") is not a name: the titles go, and what is left is the organization or, if a demonym, NORP.
            int e = j;
            if (model.Types[type] != "PER" && j + 1 < n && classes[j + 1] > 0 && (classes[j + 1] - 1) % 2 == 0 && model.Types[(classes[j + 1] - 1) / 2] == "PER")
                while (e >= a && s_titles.Contains(words[e].Lower)) e--;
            if (e < j && e >= a && (model.Gazetteer.TypesOf(words, a, e - a + 1) & 1UL << (int)GazetteerType.Norp) != 0)
                spans.Add(new NerSpan(a, e - a + 1, NerTagger.Norp));
            else if (a <= e) spans.Add(new NerSpan(a, e - a + 1, Refine(model, words, a, e - a + 1, model.Types[type])));
            i = j + 1;
        }
        MergeIntoOrganizations(words, spans);
        ExtendCorporateSuffixes(words, spans);
        JoinInvertedNames(words, spans);
    }

    /// <summary>
    /// A corporate suffix after a comma belongs to the organization before it ("Google | , Inc." is "Google , Inc."), as in UNER,
    /// when no mention already holds it.
    /// </summary>
    private static void ExtendCorporateSuffixes(ReadOnlySpan<NerWord> words, List<NerSpan> spans)
    {
        for (int k = 0; k < spans.Count; k++)
        {
            var cur = spans[k];
            int end = cur.Start + cur.Length;
            if (cur.Type != "ORG" || end + 1 >= words.Length || words[end].Lower != s_comma || !s_corporate.Contains(words[end + 1].Lower)) continue;
            if (k + 1 < spans.Count && spans[k + 1].Start <= end + 1) continue;
            spans[k] = cur with { Length = cur.Length + 2 };
        }
    }

    /// <summary>
    /// A name written surname first, alone between quotes or other delimiters ("Lenhart , Matthew" in an e-mail header), is one
    /// person: the tagger, reading left to right, stops at the comma and takes the given name for a second person.
    /// </summary>
    private static void JoinInvertedNames(ReadOnlySpan<NerWord> words, List<NerSpan> spans)
    {
        int n = words.Length;
        for (int k = 0; k < spans.Count; k++)
        {
            var cur = spans[k];
            if (cur.Type != "PER" || cur.Length != 1) continue;
            // The one-word person is either the surname (the given name follows) or the given name (the surname precedes).
            int x, y;
            if (cur.Start + 2 < n && words[cur.Start + 1].Lower == s_comma) { x = cur.Start; y = x + 2; }
            else if (cur.Start >= 2 && words[cur.Start - 1].Lower == s_comma) { y = cur.Start; x = y - 2; }
            else continue;
            if (!words[x].Cap || !words[y].Cap || (words[y].Gaz & FirstNameUnit) == 0) continue;
            if (x > 0 && !s_nameDelimiters.Contains(words[x - 1].Lower)) continue;
            if (y + 1 < n && !s_nameDelimiters.Contains(words[y + 1].Lower)) continue;
            // The other word must be free or a one-word person, never part of a place or organization.
            int first = k, last = k;
            if (k > 0 && spans[k - 1].Start + spans[k - 1].Length > x) first = k - 1;
            if (k + 1 < spans.Count && spans[k + 1].Start <= y) last = k + 1;
            bool ok = true;
            for (int j = first; j <= last; j++) ok &= spans[j].Type == "PER" && spans[j].Length == 1;
            if (!ok) continue;
            spans.RemoveRange(first, last - first + 1);
            spans.Insert(first, new NerSpan(x, 3, "PER"));
            k = first;
        }
    }

    private static readonly HashSet<ulong> s_nameDelimiters = [.. Hashes("\" `` '' < > ; ( ) [ ] : |")];

    private static readonly HashSet<ulong> s_corporate = [.. Hashes("inc. inc ltd. ltd corp. corp llc l.l.c. plc co. gmbh ag s.a. pvt. l.p. lp")];

    /// <summary>
    /// A place or person name directly before an organization is part of it ("Chicago | Symphony Orchestra", "El Paso | Energy"),
    /// and a lone corporate suffix after a comma closes the name before it ("Google , | Inc.").
    /// </summary>
    private static void MergeIntoOrganizations(ReadOnlySpan<NerWord> words, List<NerSpan> spans)
    {
        for (int k = spans.Count - 1; k > 0; k--)
        {
            var prev = spans[k - 1]; var cur = spans[k];
            if (cur.Type != "ORG") continue;
            int gap = cur.Start - (prev.Start + prev.Length);
            bool adjacent = gap == 0 && prev.Type is "LOC" or "PER" or NerTagger.Gpe;
            bool suffix = cur.Length == 1 && s_corporate.Contains(words[cur.Start].Lower) && gap == 1 && words[cur.Start - 1].Lower == s_comma;
            if (!adjacent && !suffix) continue;
            spans[k - 1] = new NerSpan(prev.Start, cur.Start + cur.Length - prev.Start, "ORG");
            spans.RemoveAt(k);
        }
    }

    private static string Refine(NerModel model, ReadOnlySpan<NerWord> words, int start, int length, string type)
    {
        if (type is "ORG" or "LOC" && (model.Gazetteer.TypesOf(words, start, length) & 1UL << (int)GazetteerType.Gpe) != 0) return NerTagger.Gpe;
        if (length == 1 && IsOrgAcronym(model, words, start)) return "ORG";
        // An all-caps word alone is an acronym, and acronyms name organizations and places, almost never persons.
        if (type == "PER" && length == 1 && ((words[start].Flags - 1) & 16) != 0) return "ORG";
        // A place-like name the gazetteer knows only as an organization (a seat of government: "Kremlin") is the organization.
        if (type == "LOC" && model.Gazetteer.TypesOf(words, start, length) == 1UL << (int)GazetteerType.Organization) return "ORG";
        return type;
    }

    /// <summary>Title words that precede names but are not part of them, hashed the way <see cref="NerWord.Lower"/> is.</summary>
    private static readonly HashSet<ulong> s_titles = [.. Hashes("president vice prime minister defense defence foreign interior finance secretary general gen. sen. senator rep. gov. governor mr. mrs. ms. dr. prof. mr mrs ms dr prof professor doctor rev. reverend rabbi imam sheikh ayatollah cardinal bishop archbishop coach detective officer sergeant lieutenant king queen prince princess pope chancellor premier spokesman spokeswoman commander ambassador deputy colonel col. lt. sgt. captain capt. admiral adm. judge mayor chairman ceo")];

    /// <summary>An all-caps word that is exactly a one-word gazetteer organization and nothing else ("AP", "NATO"): an organization whatever the model said.</summary>
    private static bool IsOrgAcronym(NerModel model, ReadOnlySpan<NerWord> words, int i)
    {
        if (((words[i].Flags - 1) & 16) == 0 || (words[i].Gaz & OrgUnit) == 0) return false;
        return model.Gazetteer.TypesOf(words, i, 1) == 1UL << (int)GazetteerType.Organization;
    }

    /// <summary>
    /// An untagged capitalized phrase that is exactly a gazetteer organization and nothing else ("Google", "Hezbollah",
    /// "International Atomic Energy Agency"), whose first word is not usually written in lower case: an organization.
    /// </summary>
    private static bool TryGazetteerOrg(NerModel model, ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int i, out int length)
    {
        length = 0;
        var w = words[i];
        if (!w.Cap || (w.Gaz & (OrgUnit | OrgBegin)) == 0) return false;
        // Case: 1 unseen in training, 2 mostly lower case, 3 mixed, 4 mostly capitalized, 5 mostly upper case.
        if (w.Case is 2 or 3 || i == 0 && w.Case == 1) return false;
        int max = Math.Min(model.Gazetteer.MaxTokens, words.Length - i);
        for (int len = max; len >= 1; len--)
        {
            bool free = true;
            for (int j = i; j < i + len && free; j++) free = classes[j] == 0;
            if (!free) continue;
            if (len > 1 && !words[i + len - 1].Cap) continue;
            if (model.Gazetteer.TypesOf(words, i, len) == 1UL << (int)GazetteerType.Organization) { length = len; return true; }
        }
        return false;
    }

    /// <summary>
    /// An untagged capitalized given name (not usually written in lower case, and not a place or organization name) followed by a
    /// capitalized surname, or standing where names stand in mail and reviews: alone in a short line ("Kay Mann"), as the
    /// addressee opening a sentence ("Ginny , please ..."), or after a greeting ("Good morning Debra").
    /// </summary>
    private static bool TryFirstName(NerModel model, ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int i, out int length)
    {
        length = 0;
        var w = words[i];
        if (!w.Cap || (w.Gaz & FirstNameUnit) == 0 || w.Case is 2 or 3 || ((w.Flags - 1) & 16) != 0) return false;
        const ulong nameTypes = 1UL << (int)GazetteerType.FirstName | 1UL << (int)GazetteerType.Surname | 1UL << (int)GazetteerType.Person;
        if ((model.Gazetteer.TypesOf(words, i, 1) & ~nameTypes) != 0) return false;
        int n = words.Length;
        bool nextName = i + 1 < n && classes[i + 1] == 0 && words[i + 1].Cap && words[i + 1].Case is 1 or 4 && ((words[i + 1].Flags - 1) & 16) == 0
            && (model.Gazetteer.TypesOf(words, i + 1, 1) & ~nameTypes) == 0;
        if (nextName) { length = 2; return true; }
        bool shortLine = n <= 3;
        bool vocative = i == 0 && n > 1 && words[1].Lower == s_comma;
        bool greeted = i > 0 && s_greetings.Contains(words[i - 1].Lower);
        if (shortLine || vocative || greeted) { length = 1; return true; }
        return false;
    }

    private static readonly ulong s_comma = Hashes(",").Single();
    private static readonly HashSet<ulong> s_greetings = [.. Hashes("hi hello dear morning afternoon evening welcome thanks thank hey congratulations congrats")];

    private static IEnumerable<ulong> Hashes(string words)
    {
        var w = new NerWord();
        var empty = new UInt64Table([]);
        foreach (var t in words.Split(' '))
        {
            NerFeatures.Compute(t, 0, empty, ref w);
            yield return w.Lower;
        }
    }

    private const uint OrgBegin = 1u << ((int)GazetteerType.Organization * 4);
    private const uint OrgUnit = 1u << ((int)GazetteerType.Organization * 4 + 3);
    private const uint FirstNameUnit = 1u << ((int)GazetteerType.FirstName * 4 + 3);

    private const uint GazStarts = 1u << (int)GazetteerType.Person * 4 | 1u << (int)GazetteerType.Organization * 4 | 1u << (int)GazetteerType.Gpe * 4;

    private static bool TryMerge(NerModel model, ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int start, int end, out int length, out string type)
    {
        length = 0; type = "";
        if ((words[start].Gaz & GazStarts) == 0) return false;
        int max = Math.Min(model.Gazetteer.MaxTokens, words.Length - start);
        for (int len = max; len > end - start + 1; len--)
        {
            int last = start + len - 1;
            bool inside = true;
            for (int k = end + 1; k <= last && inside; k++) inside = classes[k] != 0 || k < last && words[k].Flags - 1 == 2; // "Coca | - | Cola"
            if (!inside || last + 1 < words.Length && classes[last + 1] != 0 && (classes[last + 1] - 1) % 2 == 1) continue;
            ulong t = model.Gazetteer.TypesOf(words, start, len);
            if ((t & 1UL << (int)GazetteerType.Gpe) != 0) type = NerTagger.Gpe;
            else if ((t & 1UL << (int)GazetteerType.Organization) != 0) type = "ORG";
            else if ((t & 1UL << (int)GazetteerType.Person) != 0) type = "PER";
            else continue;
            length = len;
            return true;
        }
        return false;
    }

    private static bool TryNorp(NerModel model, ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int i, out int length)
    {
        length = 0;
        if (!words[i].Cap) return false;
        const int b = (int)GazetteerType.Norp * 4;
        uint g = words[i].Gaz;
        if ((g & (1u << b)) != 0)
        {
            int max = Math.Min(model.Gazetteer.MaxTokens, words.Length - i);
            for (int len = max; len >= 2; len--)
            {
                bool free = true;
                for (int j = i; j < i + len; j++) free &= classes[j] == 0;
                if (free && (model.Gazetteer.TypesOf(words, i, len) & 1UL << (int)GazetteerType.Norp) != 0) { length = len; return true; }
            }
        }
        if ((g & (1u << (b + 3))) != 0) { length = 1; return true; }
        return false;
    }
}
