namespace Sitrep.Core;

/// <summary>The name of an annotation layer; stages declare the layers they require and provide.</summary>
public abstract class AnnotationLayer(string name)
{
    public string Name { get; } = name;
    public abstract Type ValueType { get; }
    public override string ToString() => Name;
}

/// <summary>A typed layer key: the value stored under it is always a <typeparamref name="T"/>.</summary>
public sealed class AnnotationLayer<T>(string name) : AnnotationLayer(name) where T : notnull
{
    public override Type ValueType => typeof(T);
}

/// <summary>Result of language identification: an ISO 639-1 code and the detector's confidence.</summary>
public sealed record LanguageIdentification(string Code, double Confidence, bool IsEnglish);

/// <summary>Content hashes used for de-duplication.</summary>
public sealed record ContentHashes(string BodySha256, ulong SimHash, IReadOnlyList<uint> MinHash);

/// <summary>The layers made in ingestion. Later stages add their own (tokens, entities, TIMEX3, events).</summary>
public static class CoreLayers
{
    /// <summary>The clean body text with its offset map; every reader provides it.</summary>
    public static readonly AnnotationLayer<OffsetMap> CleanText = new("clean_text");
    public static readonly AnnotationLayer<LanguageIdentification> Language = new("language");
    public static readonly AnnotationLayer<ContentHashes> Hashes = new("hashes");
}
