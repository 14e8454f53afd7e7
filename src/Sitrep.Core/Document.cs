using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>
/// One news document: the raw input as read, the clean body derived from it, the offset map between them,
/// metadata, typed annotation layers and per-document errors. Immutable: stages return a new instance.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<AnnotationLayer, object> _layers;

    public Document(string id, SourceText raw, SourceText text, OffsetMap map, DocumentMetadata metadata)
        : this(id, raw, text, map, metadata, ImmutableDictionary<AnnotationLayer, object>.Empty.Add(CoreLayers.CleanText, map), [])
    {
    }

    private Document(string id, SourceText raw, SourceText text, OffsetMap map, DocumentMetadata metadata,
        ImmutableDictionary<AnnotationLayer, object> layers, ImmutableArray<DocumentError> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (map.CleanLength != text.Length) throw new ArgumentException($"Offset map covers {map.CleanLength} characters but the text has {text.Length}.");
        if (map.RawLength != raw.Length) throw new ArgumentException($"Offset map targets {map.RawLength} raw characters but the raw text has {raw.Length}.");
        Id = id;
        Raw = raw;
        Text = text;
        Map = map;
        Metadata = metadata;
        _layers = layers;
        Errors = errors;
    }

    /// <summary>Stable id: derived from the raw bytes and origin by the reader.</summary>
    public string Id { get; }
    public SourceText Raw { get; }
    public SourceText Text { get; }
    public OffsetMap Map { get; }
    public DocumentMetadata Metadata { get; }
    public ImmutableArray<DocumentError> Errors { get; }

    public IEnumerable<AnnotationLayer> Layers => _layers.Keys;

    public bool Has(AnnotationLayer layer) => _layers.ContainsKey(layer);

    public T Get<T>(AnnotationLayer<T> layer) where T : notnull =>
        _layers.TryGetValue(layer, out var v) ? (T)v : throw new InvalidOperationException($"Document {Id} has no '{layer.Name}' layer.");

    public T? GetOrDefault<T>(AnnotationLayer<T> layer) where T : class =>
        _layers.TryGetValue(layer, out var v) ? (T)v : null;

    public Document With<T>(AnnotationLayer<T> layer, T value) where T : notnull =>
        new(Id, Raw, Text, Map, Metadata, _layers.SetItem(layer, value), Errors);

    public Document WithMetadata(DocumentMetadata metadata) => new(Id, Raw, Text, Map, metadata, _layers, Errors);

    public Document WithError(DocumentError error) => new(Id, Raw, Text, Map, Metadata, _layers, Errors.Add(error));

    /// <summary>The raw span a clean-text span came from.</summary>
    public TextSpan ToRaw(TextSpan clean) => Map.MapToRaw(clean);
}
