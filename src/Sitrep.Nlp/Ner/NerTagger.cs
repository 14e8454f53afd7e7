using Sitrep.Core;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// Greedy BIO tagging with a <see cref="NerModel"/>, then type refinement from the gazetteer: an ORG or LOC mention that is
/// exactly a country, territory or capital name becomes GPE; a capitalized demonym outside any mention becomes NORP.
/// Thread-safe: scratch buffers are per thread; nothing is allocated per token.
/// </summary>
public sealed class NerTagger(NerModel model)
{
    public const string Gpe = "GPE";
    public const string Norp = "NORP";

    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public NerWord[] Words = new NerWord[64];
        public int[] Classes = new int[64];
        public readonly ulong[] Features = new ulong[NerFeatures.MaxFeatures];
        public float[] Scores = new float[64];
        public readonly List<NerSpan> Spans = [];
    }

    public NerModel Model { get; } = model;

    /// <summary>Tags one sentence given as word forms and UPOS tags (null entries allowed).</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos)
    {
        var s = Prepare(forms.Count);
        for (int i = 0; i < forms.Count; i++)
            NerFeatures.Compute(forms[i], UposIds.Of(upos?[i]), Model.CaseStats, ref s.Words[i]);
        Decode(s, forms.Count);
        return [.. s.Spans];
    }

    /// <summary>Tags the tokens of one sentence of <paramref name="text"/>; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output)
    {
        var s = Prepare(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            NerFeatures.Compute(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), UposIds.Of(tokens[i].Upos), Model.CaseStats, ref s.Words[i]);
        Decode(s, tokens.Length);
        foreach (var m in s.Spans)
        {
            var a = tokens[m.Start].Span; var b = tokens[m.Start + m.Length - 1].Span;
            output.Add(new EntityMention(new TextSpan(a.Start, b.End), m.Type, firstToken + m.Start, m.Length));
        }
    }

    private Scratch Prepare(int n)
    {
        var s = t_scratch ??= new Scratch();
        if (s.Words.Length < n) { s.Words = new NerWord[Math.Max(n, s.Words.Length * 2)]; s.Classes = new int[s.Words.Length]; }
        if (s.Scores.Length < Model.ClassCount) s.Scores = new float[Model.ClassCount];
        s.Spans.Clear();
        return s;
    }

    /// <summary>Classifies the prepared words and fills <see cref="Scratch.Spans"/> with typed mentions.</summary>
    private void Decode(Scratch s, int n)
    {
        var words = s.Words.AsSpan(0, n);
        Model.Gazetteer.Mark(words);
        var classes = s.Classes.AsSpan(0, n);
        Classify(s, words, classes);
        for (int i = 0; i < n;)
        {
            if (classes[i] == 0)
            {
                if (TryNorp(words, classes, i, out int len)) { s.Spans.Add(new NerSpan(i, len, Norp)); i += len; }
                else if (IsOrgAcronym(words, i)) { s.Spans.Add(new NerSpan(i, 1, "ORG")); i++; }
                else i++;
                continue;
            }
            int type = (classes[i] - 1) / 2;
            int j = i;
            while (j + 1 < n && classes[j + 1] == NerModel.ClassOf(type, 1)) j++;
            if (TryMerge(words, classes, i, j, out int merged, out string? mergedType)) { s.Spans.Add(new NerSpan(i, merged, mergedType)); i += merged; continue; }
            // Titles are not part of names (UNER, CoNLL): "Defense Minister Sergei Shoigu" is the person "Sergei Shoigu".
            int a = i;
            while (a <= j && IsTitle(words[a].Lower)) a++;
            if (Model.Types[type] != "PER" && a <= j) a = i;
            if (a <= j) s.Spans.Add(new NerSpan(a, j - a + 1, Refine(words, a, j - a + 1, Model.Types[type])));
            i = j + 1;
        }
    }

    private void Classify(Scratch s, ReadOnlySpan<NerWord> words, Span<int> classes)
    {
        var m = Model;
        int nc = m.ClassCount;
        var scores = s.Scores.AsSpan(0, nc);
        var allowed = m.Allowed;
        int p1 = -1, p2 = -1;
        for (int i = 0; i < words.Length; i++)
        {
            int nf = NerFeatures.Extract(words, i, p1, p2, s.Features);
            m.Weights.Score(s.Features.AsSpan(0, nf), scores);
            int row = (p1 + 1) * nc, best = -1;
            for (int c = 0; c < nc; c++)
                if (allowed[row + c] && (best < 0 || scores[c] > scores[best])) best = c;
            classes[i] = best;
            p2 = p1; p1 = best;
        }
    }

    /// <summary>
    /// Adjacent mentions that together are exactly one KB country, organization or person name ("North" LOC + "Korea" ORG)
    /// become one mention: the greedy tagger sometimes restarts inside a name it has never seen whole.
    /// </summary>
    private bool TryMerge(ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int start, int end, out int length, out string type)
    {
        length = 0; type = "";
        if ((words[start].Gaz & GazStarts) == 0) return false;
        int max = Math.Min(Model.Gazetteer.MaxTokens, words.Length - start);
        for (int len = max; len > end - start + 1; len--)
        {
            int last = start + len - 1;
            bool inside = true;
            for (int k = end + 1; k <= last && inside; k++) inside = classes[k] != 0;
            // The phrase must end where a mention ends, not cut one in two.
            if (!inside || last + 1 < words.Length && classes[last + 1] != 0 && (classes[last + 1] - 1) % 2 == 1) continue;
            ulong t = Model.Gazetteer.TypesOf(words, start, len);
            if ((t & 1UL << (int)GazetteerType.Gpe) != 0) type = Gpe;
            else if ((t & 1UL << (int)GazetteerType.Organization) != 0) type = "ORG";
            else if ((t & 1UL << (int)GazetteerType.Person) != 0) type = "PER";
            else continue;
            length = len;
            return true;
        }
        return false;
    }

    /// <summary>Gazetteer bits for "a multi-word phrase of type PER, ORG or GPE begins here".</summary>
    private const uint GazStarts = 1u << (int)GazetteerType.Person * 4 | 1u << (int)GazetteerType.Organization * 4 | 1u << (int)GazetteerType.Gpe * 4;

    private string Refine(ReadOnlySpan<NerWord> words, int start, int length, string type)
    {
        if (type is "ORG" or "LOC" && (Model.Gazetteer.TypesOf(words, start, length) & 1UL << (int)GazetteerType.Gpe) != 0) return Gpe;
        if (length == 1 && IsOrgAcronym(words, start)) return "ORG";
        // A place-like name that the gazetteer knows only as an organization (a seat of government: "Kremlin") is the organization.
        if (type == "LOC" && Model.Gazetteer.TypesOf(words, start, length) == 1UL << (int)GazetteerType.Organization) return "ORG";
        return type;
    }

    /// <summary>Title words that precede names but are not part of them, hashed the way <see cref="NerWord.Lower"/> is.</summary>
    private static readonly HashSet<ulong> s_titles = TitleHashes();

    private static HashSet<ulong> TitleHashes()
    {
        var w = new NerWord();
        var empty = new UInt64Table([]);
        var set = new HashSet<ulong>();
        foreach (var t in "president vice prime minister defense defence foreign interior finance secretary general gen. sen. senator rep. gov. governor mr. mrs. ms. dr. prof. king queen prince princess pope chancellor premier spokesman spokeswoman commander ambassador deputy colonel col. lt. sgt. captain capt. admiral adm. judge mayor chairman ceo".Split(' '))
        {
            NerFeatures.Compute(t, 0, empty, ref w);
            set.Add(w.Lower);
        }
        return set;
    }

    private static bool IsTitle(ulong lower) => s_titles.Contains(lower);

    /// <summary>
    /// An all-caps word that is exactly a gazetteer organization acronym and nothing else ("AP", "NATO", "FBI"): an organization
    /// whatever the model said, because acronyms are matched case-sensitively and are rarely anything else.
    /// </summary>
    private bool IsOrgAcronym(ReadOnlySpan<NerWord> words, int i)
    {
        if (((words[i].Flags - 1) & 16) == 0 || (words[i].Gaz & OrgUnit) == 0) return false;
        return Model.Gazetteer.TypesOf(words, i, 1) == 1UL << (int)GazetteerType.Organization;
    }

    /// <summary>Gazetteer bit for "a one-word organization phrase is this word".</summary>
    private const uint OrgUnit = 1u << ((int)GazetteerType.Organization * 4 + 3);

    /// <summary>A capitalized demonym phrase ("Russian", "North Korean") starting at <paramref name="i"/>, all outside mentions.</summary>
    private bool TryNorp(ReadOnlySpan<NerWord> words, ReadOnlySpan<int> classes, int i, out int length)
    {
        length = 0;
        if (!words[i].Cap) return false;
        const int b = (int)GazetteerType.Norp * 4;
        uint g = words[i].Gaz;
        if ((g & (1u << b)) != 0)
        {
            int max = Math.Min(Model.Gazetteer.MaxTokens, words.Length - i);
            for (int len = max; len >= 2; len--)
            {
                bool free = true;
                for (int j = i; j < i + len; j++) free &= classes[j] == 0;
                if (free && (Model.Gazetteer.TypesOf(words, i, len) & 1UL << (int)GazetteerType.Norp) != 0) { length = len; return true; }
            }
        }
        if ((g & (1u << (b + 3))) != 0) { length = 1; return true; }
        return false;
    }
}
