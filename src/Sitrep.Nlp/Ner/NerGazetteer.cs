namespace Sitrep.Nlp.Ner;

/// <summary>Gazetteer phrase types. The model sees them as features; GPE and NORP also refine the output types.</summary>
public enum GazetteerType
{
    Person = 0,
    Organization = 1,
    /// <summary>Countries, territories and capitals.</summary>
    Gpe = 2,
    /// <summary>Nationalities and demonyms ("Russian", "Russians").</summary>
    Norp = 3,
    Location = 4,
    Surname = 5,
    FirstName = 6,
}

/// <summary>One gazetteer phrase as Sitrep's tokenizer splits it. Phrases without lowercase letters (acronyms) match only in that case.</summary>
public sealed record GazetteerEntry(string[] Tokens, GazetteerType Type)
{
    /// <summary>Longer phrases are not matched.</summary>
    public const int MaxTokens = 8;

    public bool CaseSensitive => !Tokens.Any(t => t.Any(char.IsLower));
    public string Key => string.Join(' ', Tokens);
}

/// <summary>Phrase lookup over token hashes: every phrase covering a word sets a (type, B/I/L/U) bit on it.</summary>
internal sealed class NerGazetteer
{
    public const int MaxPhraseTokens = GazetteerEntry.MaxTokens;
    private const ulong LowerSeed = 0x6C6F776572UL, ExactSeed = 0x6578616374UL;
    /// <summary>Marks a key that begins a longer phrase, so that lookups stop as soon as no phrase can continue.</summary>
    private const ulong PrefixBit = 1UL << 62;
    private const ulong TypeBits = 0xFF;

    private readonly UInt64Table _phrases;

    public NerGazetteer(IReadOnlyList<GazetteerEntry> entries)
    {
        Entries = entries;
        var map = new Dictionary<ulong, ulong>();
        var table = new UInt64Table([]);
        var w = new NerWord();
        foreach (var e in entries)
        {
            if (e.Tokens.Length is 0 or > MaxPhraseTokens) continue;
            ulong h = e.CaseSensitive ? ExactSeed : LowerSeed;
            for (int k = 0; k < e.Tokens.Length; k++)
            {
                if (k > 0) map[h] = map.GetValueOrDefault(h) | PrefixBit;
                NerFeatures.Compute(e.Tokens[k], 0, table, ref w);
                h = NerHash.Extend(h, e.CaseSensitive ? w.Exact : w.Lower);
            }
            map[h] = map.GetValueOrDefault(h) | 1UL << (int)e.Type;
            MaxTokens = Math.Max(MaxTokens, e.Tokens.Length);
        }
        _phrases = new UInt64Table(map);
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }
    public int MaxTokens { get; }

    /// <summary>Sets <see cref="NerWord.Gaz"/> on every word of a sentence.</summary>
    public void Mark(Span<NerWord> words)
    {
        // The case profile is sentence-level too: every path that tags a sentence marks it here first.
        NerFeatures.SentenceProfile(words);
        for (int i = 0; i < words.Length; i++) words[i].Gaz = 0;
        for (int i = 0; i < words.Length; i++)
        {
            ulong hl = LowerSeed, he = ExactSeed;
            bool lower = true, exact = true;
            int max = Math.Min(MaxTokens, words.Length - i);
            for (int len = 1; len <= max && (lower || exact); len++)
            {
                ulong mask = 0;
                if (lower)
                {
                    hl = NerHash.Extend(hl, words[i + len - 1].Lower);
                    lower = _phrases.TryGetValue(hl, out var m1) && (m1 & PrefixBit) != 0;
                    mask |= m1;
                }
                if (exact)
                {
                    he = NerHash.Extend(he, words[i + len - 1].Exact);
                    exact = _phrases.TryGetValue(he, out var m2) && (m2 & PrefixBit) != 0;
                    mask |= m2;
                }
                mask &= TypeBits;
                if (mask == 0) continue;
                for (int t = 0; t < 8; t++)
                {
                    if ((mask & 1UL << t) == 0) continue;
                    int b = t * 4;
                    if (len == 1) words[i].Gaz |= 1u << (b + 3);
                    else
                    {
                        words[i].Gaz |= 1u << b;
                        for (int j = i + 1; j < i + len - 1; j++) words[j].Gaz |= 1u << (b + 1);
                        words[i + len - 1].Gaz |= 1u << (b + 2);
                    }
                }
            }
        }
    }

    /// <summary>The gazetteer types of exactly the phrase words[start..start+length), as a bit mask of <see cref="GazetteerType"/>.</summary>
    public ulong TypesOf(ReadOnlySpan<NerWord> words, int start, int length)
    {
        if (length > MaxTokens) return 0;
        ulong hl = LowerSeed, he = ExactSeed;
        for (int j = start; j < start + length; j++) { hl = NerHash.Extend(hl, words[j].Lower); he = NerHash.Extend(he, words[j].Exact); }
        ulong mask = 0;
        if (_phrases.TryGetValue(hl, out var m1)) mask |= m1;
        if (_phrases.TryGetValue(he, out var m2)) mask |= m2;
        return mask & TypeBits;
    }
}
