using Sitrep.Core;

namespace Sitrep.Nlp;

/// <summary>A token: its span in the clean text and, once tagged and parsed, its analyses. Small and flat: documents hold arrays of these.</summary>
public readonly record struct Token(TextSpan Span, int Sentence, string? Upos = null, string? Xpos = null, string? Lemma = null, int Head = -2, string? Deprel = null)
{
    /// <summary>Head value meaning "not parsed yet"; -1 is the root, as in the record format.</summary>
    public const int Unparsed = -2;
}

/// <summary>A sentence: its span in the clean text and its token range [FirstToken, FirstToken + TokenCount).</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount);

/// <summary>
/// A named-entity mention over whole tokens [FirstToken, FirstToken + TokenCount). Type is PER, ORG or LOC,
/// or a finer type where the model makes it (GPE for countries and cities, NORP for nationalities and demonyms).
/// </summary>
public readonly record struct EntityMention(TextSpan Span, string Type, int FirstToken, int TokenCount);

/// <summary>The linguistic layers of a document. Stages in Sitrep.Nlp provide them.</summary>
public static class NlpLayers
{
    public static readonly AnnotationLayer<Sentence[]> Sentences = new("sentences");
    public static readonly AnnotationLayer<Token[]> Tokens = new("tokens");
    /// <summary>Present once UPOS, XPOS and lemmas are filled on <see cref="Tokens"/>; names the model that did it.</summary>
    public static readonly AnnotationLayer<Stages.PosAnnotation> Pos = new("pos");
    /// <summary>Named-entity mentions, in text order, not overlapping.</summary>
    public static readonly AnnotationLayer<EntityMention[]> Entities = new("entities");
}
