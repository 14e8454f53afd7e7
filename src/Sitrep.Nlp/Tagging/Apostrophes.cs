namespace Sitrep.Nlp.Tagging;

/// <summary>
/// The typographic apostrophe (’, U+2019) and the modifier letter apostrophe (ʼ, U+02BC) read as the ASCII one by the
/// tagger and lemmatizer. News writes "they’d", "Russia’s", "don’t"; the treebanks the tagger learned from write them
/// with ' (EWT train 4,751 tokens to 137): "’d killed" was tagged a modal (would) where "'d killed" is a past perfect.
/// The parser keeps the forms as written: it learned GUM's curly ones (613 training tokens), and folding them for it too
/// made no difference on GUM dev (LAS 81.87 either way).
/// </summary>
public static class Apostrophes
{
    /// <summary>Recorded with the tagger's model version: its output changed with it.</summary>
    public const string Version = "apostrophes/1";

    public static bool NeedsFolding(ReadOnlySpan<char> form) => form.IndexOfAny('\u2019', '\u02BC') >= 0;

    /// <summary><paramref name="form"/> itself, or a copy in <paramref name="buffer"/> (same length) with the apostrophes folded.</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> form, Span<char> buffer)
    {
        if (!NeedsFolding(form)) return form;
        var folded = buffer[..form.Length];
        for (int i = 0; i < form.Length; i++) folded[i] = form[i] is '\u2019' or '\u02BC' ? '\'' : form[i];
        return folded;
    }

    /// <summary>The folded form as a string (the same instance when nothing is folded).</summary>
    public static string Fold(string form) => NeedsFolding(form) ? form.Replace('\u2019', '\'').Replace('\u02BC', '\'') : form;
}
