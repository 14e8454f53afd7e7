using System.Text;

namespace Sitrep.Core;

/// <summary>Builds a clean text and its <see cref="OffsetMap"/> to the raw text together, so they cannot drift apart.</summary>
public sealed class CleanTextBuilder
{
    private readonly string _raw;
    private readonly StringBuilder _text = new();
    private readonly OffsetMap.Builder _map;

    public CleanTextBuilder(string raw)
    {
        _raw = raw;
        _map = new OffsetMap.Builder(raw.Length);
    }

    public int Length => _text.Length;
    public char LastChar => _text.Length == 0 ? '\0' : _text[^1];

    /// <summary>Copies raw characters unchanged.</summary>
    public void Copy(TextSpan raw)
    {
        if (raw.End > _raw.Length) throw new ArgumentOutOfRangeException(nameof(raw));
        _text.Append(_raw, raw.Start, raw.Length);
        _map.Add(raw.Length, raw);
    }

    /// <summary>Appends <paramref name="clean"/> standing for the raw span <paramref name="raw"/> (a decoded entity, a normalized run).</summary>
    public void Append(ReadOnlySpan<char> clean, TextSpan raw)
    {
        if (raw.End > _raw.Length) throw new ArgumentOutOfRangeException(nameof(raw));
        if (clean.Length == raw.Length && clean.SequenceEqual(_raw.AsSpan(raw.Start, raw.Length)))
        {
            Copy(raw);
            return;
        }
        _text.Append(clean);
        _map.Add(clean.Length, raw);
    }

    /// <summary>The clean text and its map to the raw text.</summary>
    public (string Text, OffsetMap Map) Build()
    {
        var text = _text.ToString();
        var map = _map.Build();
        return (text, map);
    }
}
