namespace Sitrep.Nlp.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (an integer-id line). Head is 0 for the root and -1 when the column is "_".</summary>
public sealed class ConlluToken
{
    public int Id { get; init; }
    public string Form { get; init; } = "_";
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";
    public int Head { get; set; } = -1;
    public string Deprel { get; set; } = "_";
    public string Deps { get; set; } = "_";
    public string Misc { get; set; } = "_";

    /// <summary>False when MISC carries SpaceAfter=No.</summary>
    public bool SpaceAfter => !ConlluSentence.HasSpaceAfterNo(Misc);
}

/// <summary>A multiword token line ("3-4  don't"): the surface form of syntactic words First..Last.</summary>
public sealed record ConlluMultiword(int First, int Last, string Form, string Misc)
{
    public bool SpaceAfter => !ConlluSentence.HasSpaceAfterNo(Misc);
}

/// <summary>An empty node line ("8.1"); kept verbatim so that writing a read sentence gives the same text, otherwise ignored.</summary>
public sealed record ConlluEmptyNode(int AfterId, string Line);

/// <summary>A surface token as it appears in the raw text: a multiword token or a plain word.</summary>
public readonly record struct ConlluSurfaceToken(string Form, bool SpaceAfter, int FirstWord, int LastWord);

/// <summary>A CoNLL-U sentence: its comment lines, words, multiword tokens and empty nodes.</summary>
public sealed class ConlluSentence
{
    /// <summary>All comment lines in order, without the leading "# " handling (the full line text after '#', trimmed of one leading space).</summary>
    public List<string> Comments { get; } = [];
    public List<ConlluToken> Tokens { get; } = [];
    public List<ConlluMultiword> Multiwords { get; } = [];
    public List<ConlluEmptyNode> EmptyNodes { get; } = [];

    /// <summary>The value of "# sent_id = …", or null.</summary>
    public string? Id => Comment("sent_id");
    /// <summary>The value of "# text = …", or null.</summary>
    public string? Text => Comment("text");
    /// <summary>The id of "# newdoc id = …" (or "" for a bare "# newdoc"), or null when this sentence does not start a document.</summary>
    public string? NewDoc => CommentOrFlag("newdoc");
    /// <summary>The id of "# newpar id = …" (or "" for a bare "# newpar"), or null.</summary>
    public string? NewPar => CommentOrFlag("newpar");

    /// <summary>Value of a "key = value" comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            if (!c.StartsWith(key, StringComparison.Ordinal)) continue;
            var rest = c.AsSpan(key.Length).TrimStart(' ');
            if (rest.Length > 0 && rest[0] == '=') return rest[1..].Trim(' ').ToString();
        }
        return null;
    }

    private string? CommentOrFlag(string key)
    {
        foreach (var c in Comments)
        {
            if (!c.StartsWith(key, StringComparison.Ordinal)) continue;
            var rest = c.AsSpan(key.Length).TrimStart(' ');
            if (rest.IsEmpty) return "";
            if (rest.StartsWith("id", StringComparison.Ordinal))
            {
                var eq = rest.IndexOf('=');
                if (eq >= 0) return rest[(eq + 1)..].Trim(' ').ToString();
            }
        }
        return null;
    }

    /// <summary>The surface tokens (multiword tokens replace the words they cover), as the raw text spells them.</summary>
    public List<ConlluSurfaceToken> SurfaceTokens()
    {
        var result = new List<ConlluSurfaceToken>(Tokens.Count);
        int mw = 0;
        for (int i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            while (mw < Multiwords.Count && Multiwords[mw].Last < t.Id) mw++;
            if (mw < Multiwords.Count && Multiwords[mw].First == t.Id)
            {
                var m = Multiwords[mw];
                result.Add(new ConlluSurfaceToken(m.Form, m.SpaceAfter, m.First, m.Last));
                while (i + 1 < Tokens.Count && Tokens[i + 1].Id <= m.Last) i++;
                mw++;
                continue;
            }
            result.Add(new ConlluSurfaceToken(t.Form, t.SpaceAfter, t.Id, t.Id));
        }
        return result;
    }

    internal static bool HasSpaceAfterNo(string misc)
    {
        if (misc.Length < 12 || misc == "_") return false;
        foreach (var part in misc.AsSpan().Split('|'))
            if (misc.AsSpan(part.Start.Value, part.End.Value - part.Start.Value).SequenceEqual("SpaceAfter=No")) return true;
        return false;
    }
}
