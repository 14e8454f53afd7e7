using Sitrep.Core;

namespace Sitrep.Nlp.Ner;

/// <summary>
/// Greedy BIO tagging with a <see cref="NerModel"/>, then type refinement from the gazetteer: an ORG or LOC mention that is
/// exactly a country, territory or capital name becomes GPE; a capitalized demonym outside any mention becomes NORP.
/// Whole documents also get <see cref="NerDocumentConsistency"/> (one type per name, missed repeats of a name).
/// Thread-safe: scratch buffers are per thread; nothing is allocated per token.
/// </summary>
public sealed class NerTagger(NerModel model, bool documentPass = true)
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
        public readonly NerDocumentConsistency Document = new();
    }

    public NerModel Model { get; } = model;

    /// <summary>Whether whole documents get the document pass (<see cref="NerDocumentConsistency"/>).</summary>
    public bool DocumentPass { get; } = documentPass;

    /// <summary>Tags the sentences of one document (forms and UPOS per sentence); one list of mentions per sentence.</summary>
    public List<NerSpan>[] TagDocument(IReadOnlyList<NerSentence> sentences)
    {
        var result = new List<NerSpan>[sentences.Count];
        var doc = (t_scratch ??= new Scratch()).Document;
        doc.Clear();
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = TagForms(sentences[k].Forms, sentences[k].Upos);
            result[k] = [.. s.Spans];
            if (DocumentPass) doc.AddSentence(s.Words.AsSpan(0, sentences[k].Forms.Length), s.Spans);
        }
        if (DocumentPass) doc.Resolve(result);
        return result;
    }

    /// <summary>Tags every sentence of a document's tokens; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void TagDocument(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<EntityMention> output)
    {
        if (!DocumentPass)
        {
            foreach (var sentence in sentences) Tag(text, tokens.Slice(sentence.FirstToken, sentence.TokenCount), sentence.FirstToken, output);
            return;
        }
        var perSentence = new List<NerSpan>[sentences.Length];
        var doc = (t_scratch ??= new Scratch()).Document;
        doc.Clear();
        for (int k = 0; k < sentences.Length; k++)
        {
            var s = TagTokens(text, tokens.Slice(sentences[k].FirstToken, sentences[k].TokenCount));
            perSentence[k] = [.. s.Spans];
            doc.AddSentence(s.Words.AsSpan(0, sentences[k].TokenCount), s.Spans);
        }
        doc.Resolve(perSentence);
        for (int k = 0; k < sentences.Length; k++) AddMentions(tokens, sentences[k].FirstToken, perSentence[k], output);
    }

    /// <summary>Tags one sentence given as word forms and UPOS tags (null entries allowed).</summary>
    public List<NerSpan> Tag(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos) => [.. TagForms(forms, upos).Spans];

    /// <summary>Tags the tokens of one sentence of <paramref name="text"/>; appends mentions (document token indices) to <paramref name="output"/>.</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, int firstToken, List<EntityMention> output) =>
        AddMentions(tokens, 0, TagTokens(text, tokens).Spans, output, firstToken);

    private Scratch TagForms(IReadOnlyList<string> forms, IReadOnlyList<string?>? upos)
    {
        var s = Prepare(forms.Count);
        for (int i = 0; i < forms.Count; i++)
            NerFeatures.Compute(forms[i], UposIds.Of(upos?[i]), Model.CaseStats, ref s.Words[i]);
        Decode(s, forms.Count);
        return s;
    }

    private Scratch TagTokens(string text, ReadOnlySpan<Token> tokens)
    {
        var s = Prepare(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
            NerFeatures.Compute(text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length), UposIds.Of(tokens[i].Upos), Model.CaseStats, ref s.Words[i]);
        Decode(s, tokens.Length);
        return s;
    }

    /// <summary>Sentence-relative mentions over <c>tokens[first..]</c> as document mentions; token indices are shifted by <paramref name="indexBase"/> (default: <paramref name="first"/>).</summary>
    private static void AddMentions(ReadOnlySpan<Token> tokens, int first, List<NerSpan> spans, List<EntityMention> output, int? indexBase = null)
    {
        int offset = indexBase ?? first;
        foreach (var m in spans)
        {
            var a = tokens[first + m.Start].Span; var b = tokens[first + m.Start + m.Length - 1].Span;
            output.Add(new EntityMention(new TextSpan(a.Start, b.End), m.Type, offset + m.Start, m.Length));
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
        NerMentionRules.Spans(Model, words, classes, s.Spans);
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
}
