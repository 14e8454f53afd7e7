using Sitrep.Core;

namespace Sitrep.Nlp.Tokenization;

/// <summary>
/// Splits a token sequence into sentences: after . ! ? … (plus closing quotes and brackets) when the next token can start a sentence,
/// after an abbreviation only when the next word is capitalized and the abbreviation is not a title; always at a blank line;
/// at a single line break unless the text plainly runs on (lowercase or comma before, lowercase after), so headlines stand alone.
/// No sentence is longer than <see cref="MaxTokens"/>: scraped junk without punctuation (a tag cloud, a table flattened
/// to one line) is cut, at a comma, semicolon or colon where there is one, so that no later stage works on an
/// unbounded span. The longest sentence of the UD English treebanks has 159 tokens.
/// </summary>
public static class SentenceSplitter
{
    public const int MaxTokens = 250;

    /// <summary>Returns the index of the first token of each sentence after the first (sentence i spans starts[i-1]..starts[i]).</summary>
    public static List<int> Split(string text, IReadOnlyList<RawToken> tokens)
    {
        var breaks = new List<int>();
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            var t = tokens[i];
            var next = tokens[i + 1];
            // Line breaks between the tokens.
            int newlines = 0;
            for (int k = t.End; k < next.Start; k++) if (text[k] == '\n') newlines++;
            if (newlines >= 2) { breaks.Add(i + 1); continue; }
            if (newlines == 1 && !RunsOn(text, t, next)) { breaks.Add(i + 1); continue; }

            if (!IsTerminal(text, t, out bool abbreviation)) continue;
            // Absorb closing quotes and brackets that belong to this sentence.
            int j = i + 1;
            while (j < tokens.Count && tokens[j].Length == 1 && Tokenizer.IsClosing(text[tokens[j].Start]) && !OpensHere(text, tokens, j)) j++;
            if (j >= tokens.Count) break;
            if (CanStart(text, tokens[j], abbreviation)
                || j == i + 1 && !abbreviation && StartsLowerCaseSentence(text, i > 0 ? tokens[i - 1] : null, t, tokens[j])) { breaks.Add(j); i = j - 1; }
        }
        return CapLength(text, tokens, breaks);
    }

    private static List<int> CapLength(string text, IReadOnlyList<RawToken> tokens, List<int> breaks)
    {
        List<int>? capped = null;
        var start = 0;
        for (var k = 0; k <= breaks.Count; k++)
        {
            var end = k < breaks.Count ? breaks[k] : tokens.Count;
            while (end - start > MaxTokens)
            {
                capped ??= [.. breaks.Take(k)];
                // the last clause punctuation in the second half of the window, else a hard cut
                var cut = start + MaxTokens;
                for (var i = start + MaxTokens - 1; i >= start + MaxTokens / 2; i--)
                    if (tokens[i].Length == 1 && text[tokens[i].Start] is ',' or ';' or ':') { cut = i + 1; break; }
                capped.Add(cut);
                start = cut;
            }
            if (k < breaks.Count) capped?.Add(end);
            start = end;
        }
        return capped ?? breaks;
    }

    private static bool RunsOn(string text, RawToken prev, RawToken next)
    {
        char p = text[prev.End - 1], n = text[next.Start];
        return (char.IsLower(p) || p == ',') && char.IsLower(n);
    }

    // A quote after sentence-final punctuation with a space before it and none after opens the next sentence.
    private static bool OpensHere(string text, IReadOnlyList<RawToken> tokens, int j)
    {
        char c = text[tokens[j].Start];
        if (c is ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB') return false;
        bool spaceBefore = tokens[j].Start > 0 && Tokenizer.IsSpace(text[tokens[j].Start - 1]);
        bool spaceAfter = tokens[j].End >= text.Length || Tokenizer.IsSpace(text[tokens[j].End]);
        return spaceBefore && !spaceAfter;
    }

    private static bool IsTerminal(string text, RawToken t, out bool abbreviation)
    {
        abbreviation = false;
        var s = text.AsSpan(t.Start, t.Length);
        char last = s[^1];
        if (last is '!' or '?' or '\u2026' or '\u203C' or '\u3002') return true;
        if (last != '.') return false;
        if (s.Length == 1 || s.Trim('.').IsEmpty) return true;
        abbreviation = true;
        return !Abbreviations.IsNeverFinal(s[..^1]);
    }

    /// <summary>
    /// Web text often starts sentences in lower case ("is it safe? i was told …", "i have a cat. she is old"): after a
    /// question or exclamation mark, or a full stop right after a lower-case word, with a space and no closing quote
    /// ("'Why?' he asked" stays whole), a lower-case word begins a sentence. A full stop after a capitalized word
    /// ("Harvey and Co. are") or in a spaced ellipsis (". . . was lost") does not end one.
    /// </summary>
    private static bool StartsLowerCaseSentence(string text, RawToken? before, RawToken terminal, RawToken next)
    {
        if (next.Start == terminal.End || !char.IsLower(text[next.Start])) return false;
        char last = text[terminal.End - 1];
        if (last is '?' or '!') return true;
        return last == '.' && terminal.Length == 1 && before is { } w && w.End == terminal.Start && char.IsLower(text[w.Start]);
    }

    private static bool CanStart(string text, RawToken t, bool afterAbbreviation)
    {
        char c = text[t.Start];
        if (afterAbbreviation)
        {
            // "U.S. officials" and "3 p.m. Tuesday" stay together; "… Inc. The company" splits.
            if (!char.IsUpper(c)) return false;
            var w = text.AsSpan(t.Start, t.Length);
            return StartWordsLookup.Contains(w);
        }
        return char.IsUpper(c) || char.IsDigit(c) || Tokenizer.IsOpening(c) || c is '-' or '*' or '#' or '$' or '\u2013' or '\u2014' || !char.IsLetter(c) && !char.IsPunctuation(c);
    }

    // Words that begin sentences far more often than they continue a name after an abbreviation.
    private static readonly HashSet<string> StartWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "In", "On", "At", "But", "And",
        "If", "When", "While", "As", "After", "Before", "His", "Her", "Their", "Our", "My", "Its", "Some", "Many", "Most", "Officials", "However",
        "Meanwhile", "Also", "So", "Still", "Yet", "For", "What", "Why", "How", "Who", "Where", "Now", "Then", "Last", "Earlier", "Later",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StartWordsLookup = StartWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sentence spans and token ranges for a tokenized text.</summary>
    public static Sentence[] Sentences(string text, IReadOnlyList<RawToken> tokens)
    {
        if (tokens.Count == 0) return [];
        var breaks = Split(text, tokens);
        var result = new Sentence[breaks.Count + 1];
        int first = 0;
        for (int k = 0; k <= breaks.Count; k++)
        {
            int end = k < breaks.Count ? breaks[k] : tokens.Count;
            result[k] = new Sentence(new TextSpan(tokens[first].Start, tokens[end - 1].End), first, end - first);
            first = end;
        }
        return result;
    }
}
