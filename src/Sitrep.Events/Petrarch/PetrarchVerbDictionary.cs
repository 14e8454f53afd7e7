using System.Collections.Immutable;
using System.Text;
using Sitrep.Actors.Petrarch;

namespace Sitrep.Events.Petrarch;

/// <summary>
/// An event code of a PETRARCH verb dictionary: "[064]" (Primary only), "[032:033]" (a paired code: the event
/// source→target with Primary and the reverse target→source with Secondary), "[:173]" (the reverse only). "[---]"
/// is the null code: no event.
/// </summary>
public sealed record PetrarchEventCode(string? Primary, string? Secondary)
{
    public bool IsNull => Primary is null && Secondary is null;

    /// <summary>TABARI's marker codes "+++" and "###" (test markers in the validation dictionary): such a pattern is ignored.</summary>
    public bool IsMarker { get; init; }

    public override string ToString() => Secondary is null ? Primary ?? "---" : $"{Primary}:{Secondary}";

    /// <summary>
    /// Reads the inside of a code bracket. Codes made only of punctuation ("---", "+++", "###") are null: TABARI used
    /// them as markers that code nothing.
    /// </summary>
    public static PetrarchEventCode Parse(string inner)
    {
        var t = inner.Trim();
        if (t is "+++" or "###") return new PetrarchEventCode(null, null) { IsMarker = true };
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return new PetrarchEventCode(Clean(t), null);
        return new PetrarchEventCode(Clean(t[..colon]), Clean(t[(colon + 1)..]));
    }

    private static string? Clean(string s)
    {
        s = s.Trim();
        return s.Length == 0 || !s.Any(char.IsLetterOrDigit) ? null : s.ToUpperInvariant();
    }
}

/// <summary>What one element of a verb pattern matches.</summary>
public enum PetrarchElementKind
{
    /// <summary>Literal words, consecutive ("TRADE PROTOCOL" inside "{…}" or one word).</summary>
    Words,
    /// <summary>Any member of a synonym set ("&amp;CURRENCY").</summary>
    Synset,
    /// <summary>"$": the source actor is here.</summary>
    Source,
    /// <summary>"+": the target actor is here.</summary>
    Target,
    /// <summary>"%": a compound actor here is both source and target (events between its members).</summary>
    Compound,
    /// <summary>"^": skip a noun phrase.</summary>
    Skip,
}

/// <summary>
/// One element of a pattern. <see cref="Adjacent"/>: joined by "_" to the element nearer the verb (or to the verb),
/// so nothing may come between them; otherwise other words may.
/// </summary>
public sealed record PetrarchElement(PetrarchElementKind Kind, ImmutableArray<string> Words, string? Synset, bool Adjacent)
{
    public override string ToString() => Kind switch
    {
        PetrarchElementKind.Words => string.Join(' ', Words),
        PetrarchElementKind.Synset => "&" + Synset,
        PetrarchElementKind.Source => "$",
        PetrarchElementKind.Target => "+",
        PetrarchElementKind.Compound => "%",
        _ => "^",
    };
}

/// <summary>
/// A verb pattern ("- SAID * SUSPEND CONTRIBUT [102]"): the elements before the verb (in text order) and after it,
/// its code, and its line. <see cref="Weight"/> orders competing matches: longer patterns first, as PETRARCH does.
/// </summary>
public sealed record PetrarchPattern(ImmutableArray<PetrarchElement> Before, ImmutableArray<PetrarchElement> After, PetrarchEventCode Code, string Text, int Line)
{
    public int Weight => Before.Sum(e => Math.Max(1, e.Words.Length)) + After.Sum(e => Math.Max(1, e.Words.Length));
}

/// <summary>
/// A verb of a block: its word and the forms that count as it. <see cref="Before"/>/<see cref="After"/> are the other
/// words of a multi-word verb ("WIRE_+TAP": WIRE before TAP; "+BREAK_DOWN": DOWN after BREAK), which must stand next
/// to it. <see cref="Code"/> overrides the block's code where the line gives one ("DOWNPLAY [014]").
/// </summary>
public sealed record PetrarchVerb(string Word, ImmutableArray<string> Forms, ImmutableArray<string> Before, ImmutableArray<string> After, PetrarchEventCode? Code, int Line);

/// <summary>A verb block ("--- GIVE [070] ---"): its verbs, its default code and its patterns.</summary>
public sealed record PetrarchVerbBlock(string Name, PetrarchEventCode Code, ImmutableArray<PetrarchVerb> Verbs, ImmutableArray<PetrarchPattern> Patterns, int Line);

/// <summary>A problem found while reading a dictionary line.</summary>
public sealed record PetrarchDiagnostic(int Line, string Message);

/// <summary>
/// A PETRARCH verb dictionary (PETR.Validate.verbs.txt, CAMEO.2.0.txt): synonym sets ("&amp;NAME" then "+member"
/// lines, members may name other sets), verb blocks ("--- NAME [code] ---"), verb lines with irregular forms in
/// braces ("BREAK {BROKE BROKEN}", multi-word verbs with "+" before the verb word), and pattern lines
/// ("- words * words [code]"). Comments: "#" to the end of a line and "&lt;!-- … --&gt;". CAMEO.2.0's groupings —
/// "(PREP words)" for a prepositional phrase and "{words}" for a noun phrase — are read as their words in order.
/// Regular forms (-s, -ed, -ing) are made for every verb as PETRARCH does.
/// </summary>
public sealed class PetrarchVerbDictionary
{
    private readonly Dictionary<string, List<(PetrarchVerbBlock Block, PetrarchVerb Verb)>> _byForm;
    private readonly Dictionary<string, List<(PetrarchVerbBlock Block, PetrarchVerb Verb)>> _byWord;

    public ImmutableArray<PetrarchVerbBlock> Blocks { get; }
    /// <summary>Synonym sets by name (without "&amp;" or a trailing "_"); members are word sequences, "&amp;NAME" for a nested set.</summary>
    public ImmutableDictionary<string, ImmutableArray<ImmutableArray<string>>> Synsets { get; }
    public ImmutableArray<PetrarchDiagnostic> Diagnostics { get; }
    public string Path { get; }

    public int PatternCount => Blocks.Sum(b => b.Patterns.Length);
    public int VerbCount => Blocks.Sum(b => b.Verbs.Length);

    private PetrarchVerbDictionary(string path, ImmutableArray<PetrarchVerbBlock> blocks,
        ImmutableDictionary<string, ImmutableArray<ImmutableArray<string>>> synsets, ImmutableArray<PetrarchDiagnostic> diagnostics)
    {
        Path = path;
        Blocks = blocks;
        Synsets = synsets;
        Diagnostics = diagnostics;
        _byForm = new Dictionary<string, List<(PetrarchVerbBlock, PetrarchVerb)>>(StringComparer.Ordinal);
        _byWord = new Dictionary<string, List<(PetrarchVerbBlock, PetrarchVerb)>>(StringComparer.Ordinal);
        foreach (var b in blocks)
            foreach (var v in b.Verbs)
            {
                foreach (var f in v.Forms) Add(_byForm, f, (b, v));
                Add(_byWord, v.Word, (b, v));
            }
    }

    private static void Add(Dictionary<string, List<(PetrarchVerbBlock, PetrarchVerb)>> d, string key, (PetrarchVerbBlock, PetrarchVerb) value)
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }

    /// <summary>Verbs one of whose forms is this upper-case word, in file order.</summary>
    public IReadOnlyList<(PetrarchVerbBlock Block, PetrarchVerb Verb)> ByForm(string upperWord) =>
        _byForm.TryGetValue(upperWord, out var l) ? l : [];

    /// <summary>Verbs whose dictionary word is this upper-case lemma (a fallback when no form matches).</summary>
    public IReadOnlyList<(PetrarchVerbBlock Block, PetrarchVerb Verb)> ByLemma(string upperLemma) =>
        _byWord.TryGetValue(upperLemma, out var l) ? l : [];

    public PetrarchVerbBlock? Block(string name) => Blocks.FirstOrDefault(b => b.Name == name);

    public static PetrarchVerbDictionary Load(string path) => Parse(File.ReadAllLines(path), path);

    public static PetrarchVerbDictionary Parse(IEnumerable<string> lines, string path = "")
    {
        var blocks = ImmutableArray.CreateBuilder<PetrarchVerbBlock>();
        var synsets = new Dictionary<string, List<ImmutableArray<string>>>(StringComparer.Ordinal);
        var diags = ImmutableArray.CreateBuilder<PetrarchDiagnostic>();
        string? synset = null;
        string? blockName = null;
        PetrarchEventCode blockCode = new(null, null);
        int blockLine = 0, lineNo = 0;
        var verbs = new List<PetrarchVerb>();
        var patterns = new List<PetrarchPattern>();
        var inXml = false;

        void FlushBlock()
        {
            if (blockName is not null) blocks.Add(new PetrarchVerbBlock(blockName, blockCode, [.. verbs], [.. patterns], blockLine));
            blockName = null;
            verbs.Clear();
            patterns.Clear();
        }

        foreach (var raw in lines)
        {
            lineNo++;
            var noXml = PetrarchSyntax.StripXmlComments(raw, ref inXml);
            var t = StripComment(noXml).Trim();
            if (t.Length == 0) { synset = null; continue; }
            if (t.StartsWith("---", StringComparison.Ordinal))
            {
                // "--- NAME [code] ---": a new verb block (the first bracket is its code).
                synset = null;
                FlushBlock();
                var inner = t.Trim('-', ' ', '\t');
                var bi = inner.IndexOf('[', StringComparison.Ordinal);
                var be = bi >= 0 ? inner.IndexOf(']', bi) : -1;
                blockName = (bi >= 0 ? inner[..bi] : inner).Trim().TrimEnd('_').Replace('_', ' ').ToUpperInvariant();
                blockCode = be > bi ? PetrarchEventCode.Parse(inner[(bi + 1)..be]) : new PetrarchEventCode(null, null);
                if (be <= bi) diags.Add(new PetrarchDiagnostic(lineNo, "verb block without a code"));
                blockLine = lineNo;
                continue;
            }
            if (t[0] == '&')
            {
                // A synonym set outside verb blocks' pattern lists; its members follow as "+" lines.
                FlushBlock();
                synset = SynsetName(t[1..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0]);
                if (!synsets.ContainsKey(synset)) synsets[synset] = [];
                continue;
            }
            if (synset is not null && t[0] == '+')
            {
                var words = Words(t[1..]);
                if (words.Length > 0) synsets[synset].Add(words);
                continue;
            }
            if (blockName is null)
            {
                diags.Add(new PetrarchDiagnostic(lineNo, "line outside a verb block or synonym set"));
                continue;
            }
            if (t[0] == '-')
            {
                if (ParsePattern(t[1..], lineNo, out var why) is { } p) patterns.Add(p);
                else diags.Add(new PetrarchDiagnostic(lineNo, why));
                continue;
            }
            if (ParseVerb(t, lineNo) is { } v) verbs.Add(v);
            else diags.Add(new PetrarchDiagnostic(lineNo, "unreadable verb line"));
        }
        FlushBlock();
        return new PetrarchVerbDictionary(path, blocks.ToImmutable(),
            synsets.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal), diags.ToImmutable());
    }

    private static string SynsetName(string s) => s.Trim().TrimStart('&').TrimEnd('_').ToUpperInvariant();

    /// <summary>A synset member or phrase as words: "_" and spaces both separate.</summary>
    private static ImmutableArray<string> Words(string s) =>
        [.. s.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.StartsWith('&') ? "&" + SynsetName(w) : w.ToUpperInvariant())];

    /// <summary>
    /// "BREAK { BROKE BROKEN }", "+BREAK_DOWN {+BREAKS_DOWN …}", "WIRE_+TAP {WIRE_+TAPPED …}", "DOWNPLAY [014]",
    /// "LASH OUT" (the first word is the verb).
    /// </summary>
    private static PetrarchVerb? ParseVerb(string t, int line)
    {
        PetrarchEventCode? code = null;
        var bi = t.IndexOf('[', StringComparison.Ordinal);
        if (bi >= 0)
        {
            var be = t.IndexOf(']', bi);
            if (be > bi) code = PetrarchEventCode.Parse(t[(bi + 1)..be]);
            t = t[..bi] + (be > bi ? t[(be + 1)..] : "");
        }
        var irregular = new List<string>();
        var ci = t.IndexOf('{', StringComparison.Ordinal);
        if (ci >= 0)
        {
            var ce = t.IndexOf('}', ci);
            var inner = ce > ci ? t[(ci + 1)..ce] : t[(ci + 1)..];
            irregular.AddRange(inner.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            t = t[..ci];
        }
        t = t.Trim();
        if (t.Length == 0) return null;
        var (before, word, after) = SplitMultiword(t);
        if (word.Length == 0) return null;
        var forms = new List<string>();
        foreach (var f in RegularForms(word)) if (!forms.Contains(f)) forms.Add(f);
        foreach (var irr in irregular)
        {
            var (_, w, _) = SplitMultiword(irr);
            if (w.Length > 0 && !forms.Contains(w)) forms.Add(w);
        }
        return new PetrarchVerb(word, [.. forms], before, after, code, line);
    }

    /// <summary>Splits a multi-word verb at its "+"-marked word (else its first word).</summary>
    private static (ImmutableArray<string> Before, string Word, ImmutableArray<string> After) SplitMultiword(string t)
    {
        var parts = t.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return ([], "", []);
        var at = Array.FindIndex(parts, p => p.StartsWith('+'));
        if (at < 0) at = 0;
        var up = parts.Select(p => p.TrimStart('+').ToUpperInvariant()).ToArray();
        return ([.. up[..at]], up[at], [.. up[(at + 1)..]]);
    }

    /// <summary>The word, -s/-es/-ies, -ed/-d/-ied and -ing forms, with a doubled final consonant after a short vowel as a variant.</summary>
    public static IEnumerable<string> RegularForms(string w)
    {
        yield return w;
        if (w.Length < 2 || !w.All(char.IsLetter)) yield break;
        static bool Vowel(char c) => "AEIOU".Contains(c);
        var last = w[^1];
        var consY = last == 'Y' && !Vowel(w[^2]);
        if (w.EndsWith('S') || w.EndsWith('X') || w.EndsWith('Z') || w.EndsWith("CH", StringComparison.Ordinal) || w.EndsWith("SH", StringComparison.Ordinal)) yield return w + "ES";
        else if (consY) yield return w[..^1] + "IES";
        else yield return w + "S";
        if (last == 'E') yield return w + "D";
        else if (consY) yield return w[..^1] + "IED";
        else yield return w + "ED";
        if (last == 'E' && !w.EndsWith("EE", StringComparison.Ordinal)) yield return w[..^1] + "ING";
        else yield return w + "ING";
        // Doubling: STAB → STABBED, BAN → BANNED (a consonant after a single vowel, not W/X/Y).
        if (w.Length >= 3 && !Vowel(last) && "WXY".IndexOf(last) < 0 && Vowel(w[^2]) && !Vowel(w[^3]))
        {
            yield return w + last + "ED";
            yield return w + last + "ING";
        }
    }

    /// <summary>
    /// "SAID * SUSPEND CONTRIBUT [102]", "+ WAS_ * TO_ ^ FROM $ [174]", "* (TO LIST) (OF {BANNED PARTIES}) [1722]".
    /// Null (with a reason) when the line has no verb marker or no code.
    /// </summary>
    internal static PetrarchPattern? ParsePattern(string body, int line, out string why)
    {
        why = "";
        var bi = body.LastIndexOf('[');
        var be = bi >= 0 ? body.IndexOf(']', bi) : -1;
        if (bi < 0 || be < bi) { why = "pattern without a code"; return null; }
        var code = PetrarchEventCode.Parse(body[(bi + 1)..be]);
        var text = body[..bi].Trim();
        // CAMEO.2.0 groupings: "{A B}" is a noun phrase whose words are consecutive; "( … )" a prepositional phrase.
        var sb = new StringBuilder();
        var inBrace = false;
        foreach (var c in text)
        {
            if (c == '{') { inBrace = true; sb.Append(' '); continue; }
            if (c == '}') { inBrace = false; sb.Append(' '); continue; }
            if (c is '(' or ')') { sb.Append(' '); continue; }
            sb.Append(inBrace && c == ' ' ? '_' : c);
        }
        var chunks = sb.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // Flatten to parts with a flag saying whether a part is joined by "_" to the one before it.
        var parts = new List<(string Text, bool JoinedToPrevious)>();
        foreach (var chunk in chunks)
        {
            var ps = chunk.Split('_');
            var first = true;
            foreach (var p in ps)
            {
                if (p.Length == 0) { first = false; continue; } // "IN_" : a trailing "_" marks an exact word
                parts.Add((p, !first && parts.Count > 0));
                first = false;
            }
        }
        var star = parts.FindIndex(p => p.Text == "*");
        if (star < 0) { why = "pattern without a verb marker '*'"; return null; }
        var before = new List<PetrarchElement>();
        for (var i = 0; i < star; i++)
            // Before the verb, an element is adjacent when joined to the part after it (nearer the verb).
            before.Add(Element(parts[i].Text, parts[i + 1].JoinedToPrevious));
        var after = new List<PetrarchElement>();
        for (var i = star + 1; i < parts.Count; i++)
            after.Add(Element(parts[i].Text, parts[i].JoinedToPrevious));
        return new PetrarchPattern([.. before], [.. after], code, text, line);
    }

    private static PetrarchElement Element(string part, bool adjacent) => part switch
    {
        "$" => new PetrarchElement(PetrarchElementKind.Source, [], null, adjacent),
        "+" => new PetrarchElement(PetrarchElementKind.Target, [], null, adjacent),
        "%" => new PetrarchElement(PetrarchElementKind.Compound, [], null, adjacent),
        "^" => new PetrarchElement(PetrarchElementKind.Skip, [], null, adjacent),
        _ when part.StartsWith('&') => new PetrarchElement(PetrarchElementKind.Synset, [], SynsetName(part), adjacent),
        _ => new PetrarchElement(PetrarchElementKind.Words, [part.ToUpperInvariant()], null, adjacent),
    };

    /// <summary>Cuts a "#" comment; a "#" inside a code bracket ("[###]") is part of the code.</summary>
    internal static string StripComment(string line)
    {
        var depth = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '[') depth++;
            else if (line[i] == ']') depth = Math.Max(0, depth - 1);
            else if (line[i] == '#' && depth == 0) return line[..i];
        }
        return line;
    }
}

/// <summary>
/// A PETRARCH discards file: phrases whose presence discards a sentence (no events from it) or, marked with "+",
/// the whole story. Matched as whole words, case-insensitively.
/// </summary>
public sealed class PetrarchDiscards
{
    public ImmutableArray<ImmutableArray<string>> Sentence { get; }
    public ImmutableArray<ImmutableArray<string>> Story { get; }

    private PetrarchDiscards(ImmutableArray<ImmutableArray<string>> sentence, ImmutableArray<ImmutableArray<string>> story) => (Sentence, Story) = (sentence, story);

    public static PetrarchDiscards Empty { get; } = new([], []);

    public static PetrarchDiscards Load(string path) => Parse(File.ReadAllLines(path));

    public static PetrarchDiscards Parse(IEnumerable<string> lines)
    {
        var sentence = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var story = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var inXml = false;
        foreach (var raw in lines)
        {
            var t = PetrarchVerbDictionary.StripComment(PetrarchSyntax.StripXmlComments(raw, ref inXml)).Trim();
            var isStory = t.StartsWith('+');
            var words = t.TrimStart('+').Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToUpperInvariant()).ToImmutableArray();
            if (words.IsEmpty) continue;
            (isStory ? story : sentence).Add(words);
        }
        return new PetrarchDiscards(sentence.ToImmutable(), story.ToImmutable());
    }

    /// <summary>The discard phrase found in upper-case words, if any (story phrases first).</summary>
    public (bool Story, string Phrase)? Find(IReadOnlyList<string> upperWords)
    {
        foreach (var p in Story) if (Contains(upperWords, p)) return (true, string.Join(' ', p));
        foreach (var p in Sentence) if (Contains(upperWords, p)) return (false, string.Join(' ', p));
        return null;
    }

    private static bool Contains(IReadOnlyList<string> words, ImmutableArray<string> phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var ok = true;
            for (var j = 0; j < phrase.Length && ok; j++) ok = words[i + j] == phrase[j];
            if (ok) return true;
        }
        return false;
    }
}
