using Sitrep.Nlp.Conllu;

namespace Sitrep.Nlp.Parsing;

/// <summary>
/// Derives wire-news sentences from treebank trees. UD English EWT and GUM hold few of a news lead's constructions:
/// a title before a name ("Russian President Vladimir Putin"), the day between the subject and its verb ("… on Tuesday
/// signed") or after a reporting verb ("said Tuesday that …"), and an attribution at the end ("…, the ministry said.").
/// Trained without them, the parser made "Russian" the root of "Russian President Boris Yeltsin on Saturday hosted …".
/// Each derived sentence is a copy of a training tree with such words inserted, attached as the treebanks attach their
/// own few cases (a title by amod/compound and nmod:desc, "on Tuesday" as obl, a bare day as obl:unmarked, "said" as
/// the root over the old root as its ccomp), so no tree is invented: only where words go. Deterministic for a seed.
/// See docs/parser.md for what training with them does.
/// </summary>
public static class NewsTreeAugmenter
{
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Demonyms =
    [
        "Russian", "Chinese", "French", "German", "Iranian", "Israeli", "Japanese", "Turkish", "Ukrainian", "Indian",
        "Pakistani", "Syrian", "Egyptian", "Saudi", "Brazilian", "Mexican", "Canadian", "British", "Italian", "Polish",
        "Iraqi", "Afghan", "Venezuelan", "Nigerian", "Kenyan", "Palestinian", "Lebanese", "Australian", "Spanish", "Greek",
    ];

    private static readonly string[] Places =
    [
        "Moscow", "Beijing", "Kyiv", "Washington", "Tehran", "Ankara", "Paris", "Berlin", "Gaza", "Seoul", "Tokyo", "Ottawa",
        "London", "Damascus", "Baghdad", "Kabul", "Cairo", "Nairobi", "Caracas", "Brussels", "Pyongyang", "Jerusalem", "Islamabad", "Delhi",
    ];

    /// <summary>A title: its words as (form, UPOS, XPOS, relation to the last word); the last word is nmod:desc of the name.</summary>
    private static readonly (string Form, string Upos, string Xpos, string Deprel)[][] Titles =
    [
        [("President", "PROPN", "NNP", "")],
        [("Prime", "ADJ", "NNP", "amod"), ("Minister", "PROPN", "NNP", "")],
        [("Foreign", "ADJ", "NNP", "amod"), ("Minister", "PROPN", "NNP", "")],
        [("Defense", "PROPN", "NNP", "compound"), ("Minister", "PROPN", "NNP", "")],
        [("Chancellor", "PROPN", "NNP", "")],
        [("leader", "NOUN", "NN", "")],
        [("opposition", "NOUN", "NN", "compound"), ("leader", "NOUN", "NN", "")],
        [("spokesman", "NOUN", "NN", "")],
        [("Ambassador", "PROPN", "NNP", "")],
        [("General", "PROPN", "NNP", "")],
    ];

    private static readonly HashSet<string> ReportingLemmas = new(StringComparer.Ordinal)
    {
        "say", "tell", "announce", "warn", "report", "confirm", "deny", "add", "insist", "claim", "state", "argue", "write",
    };

    private static readonly HashSet<string> NameRelations = new(StringComparer.Ordinal)
    {
        "nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "conj", "appos",
    };

    /// <summary>Counts of what <see cref="Derive"/> inserted.</summary>
    public sealed record Summary(int Sentences, int Titles, int Attributions, int DaysBeforeVerb, int DaysAfterVerb, int DaysBeforeAttribution, int DaysAfterAttribution, int PlacesAfterSubject);

    /// <summary>One derived sentence for each tree where a construction fits (each with the given chance); the input is not changed.</summary>
    public static List<ConlluSentence> Derive(IReadOnlyList<ConlluSentence> sentences, int seed, out Summary summary,
        double titleChance = 0.5, double dayChance = 0.6, double attributionChance = 0.0)
    {
        var random = new Random(seed);
        var result = new List<ConlluSentence>();
        int titles = 0, attributions = 0;
        var inserted = new int[6];
        foreach (var s in sentences)
        {
            if (s.EmptyNodes.Count > 0 || s.Tokens.Count is < 3 or > 70 || !IsTree(s)) continue;
            var words = Copy(s);
            bool changed = false;
            if (random.NextDouble() < titleChance && TryTitle(words, random)) { changed = true; titles++; }
            if (random.NextDouble() < attributionChance && TryAttribution(words, random)) { changed = true; attributions++; }
            if (random.NextDouble() < dayChance)
            {
                int kind = TryDay(words, random);
                if (kind > 0) { changed = true; inserted[kind]++; }
            }
            if (changed) result.Add(ToSentence(s, words));
        }
        summary = new Summary(result.Count, titles, attributions, inserted[DayBeforeVerb], inserted[DayAfterVerb], inserted[DayBeforeAttribution], inserted[DayAfterAttribution], inserted[PlaceAfterSubject]);
        return result;
    }

    private sealed class Word
    {
        public required string Form { get; init; }
        public required string Lemma { get; init; }
        public required string Upos { get; init; }
        public required string Xpos { get; init; }
        public string Feats { get; init; } = "_";
        public string Misc { get; init; } = "_";
        public required string Deprel { get; init; }
        public Word? Head { get; set; }
    }

    private static bool IsTree(ConlluSentence s)
    {
        int roots = 0;
        for (int i = 0; i < s.Tokens.Count; i++)
        {
            var t = s.Tokens[i];
            if (t.Id != i + 1 || t.Head < 0 || t.Head > s.Tokens.Count) return false;
            if (t.Head == 0) roots++;
        }
        return roots == 1;
    }

    private static List<Word> Copy(ConlluSentence s)
    {
        var words = s.Tokens.Select(t => new Word
        {
            Form = t.Form, Lemma = t.Lemma, Upos = t.Upos, Xpos = t.Xpos, Feats = t.Feats, Misc = t.Misc, Deprel = t.Deprel,
        }).ToList();
        for (int i = 0; i < words.Count; i++)
            if (s.Tokens[i].Head > 0) words[i].Head = words[s.Tokens[i].Head - 1];
        return words;
    }

    /// <summary>A title before a person's name: a PROPN with flat parts after it and no dependents before it.</summary>
    private static bool TryTitle(List<Word> words, Random random)
    {
        var candidates = new List<int>();
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Upos != "PROPN" || !NameRelations.Contains(w.Deprel)) continue;
            bool hasFlat = false, ok = true;
            for (int j = 0; j < words.Count && ok; j++)
            {
                if (words[j].Head != w) continue;
                if (j < i) ok = false;
                else if (words[j].Deprel == "flat") { hasFlat = true; ok = words[j].Upos == "PROPN"; }
            }
            if (!ok || !hasFlat) continue;
            // The name must not already be modified or run on from another word ("the", "Mr", a title, a number).
            if (i > 0 && words[i - 1].Upos is "PROPN" or "ADJ" or "DET" or "NUM" or "NOUN" or "PRON" or "PART" or "X" or "SYM") continue;
            candidates.Add(i);
        }
        if (candidates.Count == 0) return false;
        int at = candidates[random.Next(candidates.Count)];
        var name = words[at];
        var title = Titles[random.Next(Titles.Length)];
        double prefix = random.NextDouble();
        var inserted = new List<Word>();
        var last = new Word { Form = title[^1].Form, Lemma = title[^1].Form, Upos = title[^1].Upos, Xpos = title[^1].Xpos, Feats = "Number=Sing", Deprel = "nmod:desc", Head = name };
        if (prefix < 0.65)
        {
            var demonym = Demonyms[random.Next(Demonyms.Length)];
            inserted.Add(new Word { Form = demonym, Lemma = demonym, Upos = "ADJ", Xpos = "JJ", Feats = "Degree=Pos", Deprel = "amod", Head = last });
        }
        else if (prefix < 0.75)
            inserted.Add(new Word { Form = "U.S.", Lemma = "U.S.", Upos = "PROPN", Xpos = "NNP", Feats = "Number=Sing", Deprel = "compound", Head = last });
        else if (at == 0 && char.IsLower(title[0].Form[0]))
            return false; // "leader Kim said" does not open a sentence
        for (int k = 0; k < title.Length - 1; k++)
            inserted.Add(new Word { Form = title[k].Form, Lemma = title[k].Form, Upos = title[k].Upos, Xpos = title[k].Xpos, Deprel = title[k].Deprel, Head = last });
        inserted.Add(last);
        words.InsertRange(at, inserted);
        return true;
    }

    /// <summary>Who a sentence-final attribution credits: words as (form, UPOS, XPOS, relation, index of the head within the phrase or -1 for "said").</summary>
    private static readonly (string Form, string Upos, string Xpos, string Deprel, int Head)[][] Attributors =
    [
        [("officials", "NOUN", "NNS", "nsubj", -1)],
        [("the", "DET", "DT", "det", 1), ("ministry", "NOUN", "NN", "nsubj", -1)],
        [("the", "DET", "DT", "det", 2), ("*", "ADJ", "JJ", "amod", 2), ("embassy", "NOUN", "NN", "nsubj", -1)],
        [("a", "DET", "DT", "det", 2), ("senior", "ADJ", "JJ", "amod", 2), ("official", "NOUN", "NN", "nsubj", -1)],
        [("the", "DET", "DT", "det", 1), ("military", "NOUN", "NN", "nsubj", -1)],
        [("police", "NOUN", "NNS", "nsubj", -1)],
        [("Japan", "PROPN", "NNP", "nmod:poss", 2), ("'s", "PART", "POS", "case", 0), ("military", "NOUN", "NN", "nsubj", -1)],
        [("the", "DET", "DT", "det", 2), ("state", "NOUN", "NN", "compound", 2), ("media", "NOUN", "NN", "nsubj", -1)],
        [("Kirby", "PROPN", "NNP", "nsubj", -1)],
        [("witnesses", "NOUN", "NNS", "nsubj", -1)],
    ];

    /// <summary>
    /// Turns a declarative sentence into a report with its attribution at the end ("…, the ministry said."), as the
    /// treebanks annotate the few they have: the reporting verb is the root, the old root its ccomp, the comma on the
    /// report and the final punctuation on the verb.
    /// </summary>
    private static bool TryAttribution(List<Word> words, Random random)
    {
        int root = words.FindIndex(w => w.Head is null && w.Deprel == "root");
        if (root < 0 || words[root].Upos != "VERB" || words[root].Xpos is not ("VBD" or "VBZ" or "VBP")) return false;
        var last = words[^1];
        if (last.Form != "." || last.Head != words[root] || words.Count < 5) return false;
        if (words[^2].Upos == "PUNCT" || words.Any(w => w.Form is "\"" or "“" or "”" or "?" or "!" or "``" or "''")) return false;
        if (words.Any(w => w.Head == words[root] && w.Deprel is "ccomp" or "parataxis")) return false; // already a report or two clauses
        var oldRoot = words[root];
        var verbForm = random.NextDouble() switch { < 0.8 => ("said", "say"), < 0.9 => ("reported", "report"), _ => ("added", "add") };
        var said = new Word { Form = verbForm.Item1, Lemma = verbForm.Item2, Upos = "VERB", Xpos = "VBD", Feats = "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", Deprel = "root" };
        var phrase = Attributors[random.Next(Attributors.Length)];
        var subject = new Word[phrase.Length];
        for (int k = 0; k < phrase.Length; k++)
        {
            var form = phrase[k].Form == "*" ? Demonyms[random.Next(Demonyms.Length)] : phrase[k].Form;
            subject[k] = new Word { Form = form, Lemma = form, Upos = phrase[k].Upos, Xpos = phrase[k].Xpos, Deprel = phrase[k].Deprel };
        }
        for (int k = 0; k < phrase.Length; k++) subject[k].Head = phrase[k].Head < 0 ? said : subject[phrase[k].Head];
        // The old root becomes the report; the comma hangs on it, the final full stop on "said".
        var demoted = new Word { Form = oldRoot.Form, Lemma = oldRoot.Lemma, Upos = oldRoot.Upos, Xpos = oldRoot.Xpos, Feats = oldRoot.Feats, Misc = oldRoot.Misc, Deprel = "ccomp", Head = said };
        foreach (var w in words) if (w.Head == oldRoot) w.Head = demoted;
        words[root] = demoted;
        last.Head = said;
        var comma = new Word { Form = ",", Lemma = ",", Upos = "PUNCT", Xpos = ",", Deprel = "punct", Head = demoted };
        words.InsertRange(words.Count - 1, [comma, .. subject, said]);
        return true;
    }

    private const int DayBeforeVerb = 1, DayAfterVerb = 2, DayBeforeAttribution = 3, PlaceAfterSubject = 4, DayAfterAttribution = 5;

    /// <summary>
    /// Inserts, at one site chosen at random: a day between a past-tense verb and the subject just before it, or
    /// "in Moscow" on that subject when it is a common noun ("officials in Moscow said": the treebanks attach a place
    /// there to the noun, a day to the verb, and the parser must learn the difference from the words); a day after a
    /// reporting root verb (and its object) before the clause it governs ("told reporters on Sunday that"); or a day at
    /// the end of a clause before its attribution ("…, the military said") or after the attribution's verb ("…, the
    /// embassy said on Tuesday."). 0 when no site fits.
    /// </summary>
    private static int TryDay(List<Word> words, Random random)
    {
        var sites = new List<(int At, Word Verb, int Kind, Word? Subject)>();
        int root = words.FindIndex(w => w.Head is null && w.Deprel == "root");
        for (int v = 1; v < words.Count; v++)
        {
            var w = words[v];
            if (w.Upos != "VERB" || w.Xpos != "VBD" || words[v - 1].Upos == "PUNCT") continue;
            for (int i = 0; i < v; i++)
            {
                // A news subject is a name or a noun phrase; "I on Tuesday noticed" is not how anyone writes.
                if (words[i].Head != w || words[i].Deprel != "nsubj" || words[i].Upos == "PRON" || SubtreeEnd(words, i) != v - 1) continue;
                sites.Add((v, w, DayBeforeVerb, words[i]));
                break;
            }
        }
        if (root >= 1 && words[root].Upos == "VERB")
        {
            var verb = words[root];
            for (int i = root + 1; i < words.Count; i++)
            {
                if (words[i].Head != verb) continue;
                if (words[i].Deprel == "ccomp" && ReportingLemmas.Contains(verb.Lemma))
                {
                    int start = SubtreeStart(words, i);
                    bool objectsOnly = true; // between the verb and its clause only its objects: "told reporters"
                    for (int k = root + 1; k < start && objectsOnly; k++)
                        objectsOnly = words.Any(o => o.Head == verb && o.Deprel is "obj" or "iobj" && Dominates(o, words[k]));
                    if (start > root && objectsOnly) sites.Add((start, verb, DayAfterVerb, null));
                }
            }
            // "… fired a missile into the sea, the military said.": the treebanks make "said" the root and the report
            // its ccomp, with the comma on the report.
            if (ReportingLemmas.Contains(verb.Lemma))
            {
                for (int i = 0; i < root; i++)
                {
                    if (words[i].Head != verb || words[i].Deprel != "ccomp" || words[i].Upos != "VERB") continue;
                    int comma = SubtreeEnd(words, i);
                    if (words[comma].Form != ",") comma++; // the comma may hang on "said" instead
                    if (comma >= root || words[comma].Form != "," || comma < 1 || words[comma - 1].Upos == "PUNCT") continue;
                    // The day goes to the verb nearest the comma ("the effort [was] put on track on Monday").
                    var lowest = words[comma - 1];
                    while (lowest != words[i] && lowest.Upos != "VERB" && lowest.Head is not null) lowest = lowest.Head;
                    if (lowest.Upos == "VERB" && Dominates(words[i], lowest)) sites.Add((comma, lowest, DayBeforeAttribution, null));
                    // "…, the embassy said on Tuesday.": the day after the attribution's verb, at the end.
                    if (root + 1 == words.Count || (words[root + 1].Upos == "PUNCT" && words.Skip(root + 1).All(w => w.Upos == "PUNCT")))
                        sites.Add((root + 1, verb, DayAfterAttribution, null));
                }
            }
        }
        if (sites.Count == 0) return 0;
        var (at, head, kind, subject) = sites[random.Next(sites.Count)];
        if (kind == DayBeforeVerb && subject is { Upos: "NOUN" } && words[at - 1] == subject && random.NextDouble() < 0.4)
        {
            var form = Places[random.Next(Places.Length)];
            var place = new Word { Form = form, Lemma = form, Upos = "PROPN", Xpos = "NNP", Feats = "Number=Sing", Deprel = "nmod", Head = subject };
            words.InsertRange(at, [new Word { Form = "in", Lemma = "in", Upos = "ADP", Xpos = "IN", Deprel = "case", Head = place }, place]);
            return PlaceAfterSubject;
        }
        InsertDay(words, at, head, random, allowBare: kind != DayBeforeAttribution);
        return kind;
    }

    private static void InsertDay(List<Word> words, int at, Word verb, Random random, bool allowBare)
    {
        double kind = random.NextDouble();
        if (kind < 0.55 || (!allowBare && kind < 0.85))
        {
            var form = Weekdays[random.Next(7)];
            var day = new Word { Form = form, Lemma = form, Upos = "PROPN", Xpos = "NNP", Feats = "Number=Sing", Deprel = "obl", Head = verb };
            words.InsertRange(at, [new Word { Form = "on", Lemma = "on", Upos = "ADP", Xpos = "IN", Deprel = "case", Head = day }, day]);
        }
        else if (kind < 0.85)
        {
            var form = Weekdays[random.Next(7)];
            words.Insert(at, new Word { Form = form, Lemma = form, Upos = "PROPN", Xpos = "NNP", Feats = "Number=Sing", Deprel = "obl:unmarked", Head = verb });
        }
        else
        {
            var form = Months[random.Next(Months.Length)];
            var month = new Word { Form = form, Lemma = form, Upos = "PROPN", Xpos = "NNP", Feats = "Number=Sing", Deprel = "obl", Head = verb };
            var number = (1 + random.Next(28)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            words.InsertRange(at,
            [
                new Word { Form = "on", Lemma = "on", Upos = "ADP", Xpos = "IN", Deprel = "case", Head = month },
                month,
                new Word { Form = number, Lemma = number, Upos = "NUM", Xpos = "CD", Feats = "NumForm=Digit|NumType=Card", Deprel = "nummod", Head = month },
            ]);
        }
    }

    private static bool Dominates(Word ancestor, Word w)
    {
        for (var x = w; x is not null; x = x.Head)
            if (x == ancestor) return true;
        return false;
    }

    private static int SubtreeEnd(List<Word> words, int head)
    {
        int end = head;
        for (int i = head + 1; i < words.Count; i++) if (Dominates(words[head], words[i])) end = i;
        return end;
    }

    private static int SubtreeStart(List<Word> words, int head)
    {
        int start = head;
        for (int i = head - 1; i >= 0; i--) if (Dominates(words[head], words[i])) start = i;
        return start;
    }

    private static ConlluSentence ToSentence(ConlluSentence source, List<Word> words)
    {
        var s = new ConlluSentence();
        s.Comments.Add("sent_id = " + (source.Id ?? "?") + "-news");
        s.Comments.Add("text = " + string.Join(' ', words.Select(w => w.Form)));
        var index = new Dictionary<Word, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < words.Count; i++) index[words[i]] = i + 1;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            s.Tokens.Add(new ConlluToken
            {
                Id = i + 1, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos, Feats = w.Feats,
                Head = w.Head is null ? 0 : index[w.Head], Deprel = w.Deprel, Misc = w.Misc,
            });
        }
        return s;
    }
}
