using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Events.Patterns;

/// <summary>
/// Reads Sitrep's event-pattern files (format in <c>data/lexicons/events/FORMAT.md</c>): word sets
/// (<c>&amp;NAME word word …</c>) and one pattern a line (<c>CODE ID@VERSION v:LEMMA option…</c>).
/// Problems become diagnostics with file and line; a bad line is skipped, never fatal.
/// </summary>
public static class PatternParser
{
    /// <summary>Relations a path step may name (besides <c>**</c>, which needs a preposition).</summary>
    public static readonly FrozenSet<string> Relations = new[]
    {
        "nsubj", "obj", "iobj", "obl", "nmod", "poss", "compound", "amod", "xcomp", "ccomp", "advcl", "acl", "conj",
        "head", "agent", "nsubj:pass", "appos", "*", "dobj", "nummod", "advmod", "mark", "prt", "case", "det", "aux", "cop", "parataxis", "csubj",
    }.ToFrozenSet(StringComparer.Ordinal);

    public sealed record RawLine(string File, int Line, string Text);

    /// <summary>Parses all files together: sets are global, so a set may be used before the file that defines it.</summary>
    public static (ImmutableArray<EventPattern> Patterns, ImmutableArray<PatternDiagnostic> Diagnostics) Parse(IEnumerable<(string File, string[] Lines)> files)
    {
        var (patterns, diagnostics, _) = ParseWithSets(files);
        return (patterns, diagnostics);
    }

    /// <summary>As <see cref="Parse"/>, with the resolved word sets by name (without the <c>&amp;</c>).</summary>
    public static (ImmutableArray<EventPattern> Patterns, ImmutableArray<PatternDiagnostic> Diagnostics, IReadOnlyDictionary<string, FrozenSet<string>> Sets)
        ParseWithSets(IEnumerable<(string File, string[] Lines)> files)
    {
        var diags = new List<PatternDiagnostic>();
        var rawSets = new Dictionary<string, (RawLine Where, string[] Words)>(StringComparer.Ordinal);
        var patternLines = new List<RawLine>();
        foreach (var (file, lines) in files)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var text = StripComment(lines[i]).Trim();
                if (text.Length == 0) continue;
                var where = new RawLine(file, i + 1, text);
                if (text[0] == '&')
                {
                    var parts = Split(text);
                    var name = parts[0][1..];
                    if (name.Length == 0 || parts.Length < 2)
                        diags.Add(new(PatternSeverity.Error, "EP001", file, i + 1, "a set needs a name and at least one word: &NAME word …"));
                    else if (!rawSets.TryAdd(name, (where, parts[1..])))
                        diags.Add(new(PatternSeverity.Error, "EP004", file, i + 1, $"set &{name} is defined twice (first at {rawSets[name].Where.File}:{rawSets[name].Where.Line})"));
                }
                else patternLines.Add(where);
            }
        }

        var sets = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        FrozenSet<string>? Resolve(string name, RawLine where, int depth)
        {
            if (sets.TryGetValue(name, out var done)) return done;
            if (!rawSets.TryGetValue(name, out var raw) || depth > 8) return null;
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var w in raw.Words)
            {
                if (w[0] == '&')
                {
                    var inner = Resolve(w[1..], raw.Where, depth + 1);
                    if (inner is null) diags.Add(new(PatternSeverity.Error, "EP005", raw.Where.File, raw.Where.Line, $"unknown set {w}"));
                    else words.UnionWith(inner);
                }
                else words.Add(w.ToLowerInvariant());
            }
            return sets[name] = words.ToFrozenSet(StringComparer.Ordinal);
        }
        foreach (var (name, raw) in rawSets) Resolve(name, raw.Where, 0);

        var patterns = new List<EventPattern>();
        foreach (var line in patternLines)
        {
            var p = ParsePattern(line, sets, diags);
            if (p is not null) patterns.Add(p);
        }
        return ([.. patterns], [.. diags], sets);
    }

    private static EventPattern? ParsePattern(RawLine where, IReadOnlyDictionary<string, FrozenSet<string>> sets, List<PatternDiagnostic> diags)
    {
        var parts = Split(where.Text);
        void Error(string code, string message) => diags.Add(new(PatternSeverity.Error, code, where.File, where.Line, message));
        if (parts.Length < 3) { Error("EP001", "a pattern is CODE ID@VERSION v:LEMMA|n:LEMMA [options]"); return null; }
        var code = parts[0];
        if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit)) { Error("EP001", $"'{code}' is not a CAMEO code (2 to 4 digits)"); return null; }
        var at = parts[1].LastIndexOf('@');
        if (at <= 0 || !int.TryParse(parts[1].AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        { Error("EP001", $"'{parts[1]}' is not ID@VERSION with a positive integer version"); return null; }
        var id = parts[1][..at];
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) { Error("EP001", $"pattern id '{id}' may use letters, digits, '.', '-' and '_' only"); return null; }
        var trig = parts[2];
        TriggerKind kind;
        if (trig.StartsWith("v:", StringComparison.Ordinal)) kind = TriggerKind.Verb;
        else if (trig.StartsWith("n:", StringComparison.Ordinal)) kind = TriggerKind.Noun;
        else { Error("EP001", $"trigger '{trig}' must start with v: (verb) or n: (noun)"); return null; }
        var lemma = trig[2..];
        string? particle = null;
        var plus = lemma.IndexOf('+');
        if (plus >= 0) { particle = lemma[(plus + 1)..].ToLowerInvariant(); lemma = lemma[..plus]; }
        if (lemma.Length == 0 || particle is { Length: 0 }) { Error("EP001", $"empty lemma or particle in '{trig}'"); return null; }
        lemma = lemma.ToLowerInvariant();

        var source = ImmutableArray<ArgumentPath>.Empty;
        var target = ImmutableArray<ArgumentPath>.Empty;
        bool srcSet = false, tgtSet = false;
        var conditions = new List<PatternCondition>();
        var flags = PatternFlags.None;
        foreach (var opt in parts.Skip(3))
        {
            if (opt == "recip") { flags |= PatternFlags.Reciprocal; continue; }
            if (opt == "deny") { flags |= PatternFlags.Denial; continue; }
            if (opt == "target-only") { flags |= PatternFlags.TargetOnly; continue; }
            if (opt == "needs-target") { flags |= PatternFlags.NeedsTarget; continue; }
            if (opt == "path-target") { flags |= PatternFlags.PathTargetOnly; continue; }
            if (opt.StartsWith("src=", StringComparison.Ordinal) || opt.StartsWith("tgt=", StringComparison.Ordinal))
            {
                var paths = ParsePaths(opt[4..], Error);
                if (paths is null) return null;
                if (opt[0] == 's') { source = paths.Value; srcSet = true; } else { target = paths.Value; tgtSet = true; }
                continue;
            }
            if (opt[0] is '+' or '-')
            {
                var negative = opt[0] == '-';
                var eq = opt.IndexOfAny(['=', '~']);
                if (eq < 0)
                {
                    // +PATH alone: the path must (or, with -, must not) reach some token
                    var bare = ParsePath(opt[1..], Error);
                    if (bare is null) return null;
                    conditions.Add(new PatternCondition(negative, bare, false, FrozenSet<string>.Empty, opt));
                    continue;
                }
                if (eq <= 1 || eq == opt.Length - 1) { Error("EP001", $"condition '{opt}' must be +PATH, +PATH=WORDS or +PATH~WORDS"); return null; }
                var path = ParsePath(opt[1..eq], Error);
                if (path is null) return null;
                var wordSet = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in opt[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (item[0] == '&')
                    {
                        if (!sets.TryGetValue(item[1..], out var set)) { Error("EP005", $"unknown set {item}"); return null; }
                        wordSet.UnionWith(set);
                    }
                    else wordSet.Add(item.ToLowerInvariant());
                }
                var words = wordSet.ToFrozenSet(StringComparer.Ordinal);
                conditions.Add(new PatternCondition(negative, path, opt[eq] == '~', words, opt));
                continue;
            }
            Error("EP001", $"unknown option '{opt}'");
            return null;
        }
        // Defaults: a verb's subject is its source and its object its target; an event noun's source is its
        // possessor or the subject of the verb it hangs from ("held talks", "during a visit").
        if (!srcSet) source = kind == TriggerKind.Verb ? [Path("nsubj")] : [Path("poss"), Path("amod"), Path("compound"), Path("head", "nsubj")];
        if (!tgtSet) target = kind == TriggerKind.Verb ? [Path("obj")] : [];
        return new EventPattern(id, version, code, kind, lemma, particle, source, target, [.. conditions], flags, where.File, where.Line);
    }

    private static ArgumentPath Path(params string[] rels) => new([.. rels.Select(r => new PathStep(r, null, false))]);

    private static ImmutableArray<ArgumentPath>? ParsePaths(string text, Action<string, string> error)
    {
        if (text == "-") return ImmutableArray<ArgumentPath>.Empty;
        var list = new List<ArgumentPath>();
        foreach (var alt in text.Split('|'))
        {
            var p = ParsePath(alt, error);
            if (p is null) return null;
            list.Add(p);
        }
        return [.. list];
    }

    private static ArgumentPath? ParsePath(string text, Action<string, string> error)
    {
        var steps = new List<PathStep>();
        foreach (var s in text.Split('>'))
        {
            if (s.Length == 0) { error("EP001", $"empty step in path '{text}'"); return null; }
            string rel = s;
            string? prep = null;
            if (s != "nsubj:pass")
            {
                var colon = s.IndexOf(':');
                if (colon >= 0) { rel = s[..colon]; prep = s[(colon + 1)..].Replace('_', ' ').ToLowerInvariant(); }
            }
            if (rel == "**")
            {
                if (prep is null) { error("EP006", $"'**' needs a preposition (**:from) in '{text}'"); return null; }
                steps.Add(new PathStep("*", prep, true));
                continue;
            }
            if (!Relations.Contains(rel)) { error("EP006", $"unknown relation '{rel}' in '{text}'"); return null; }
            if (prep is not null && rel is not ("obl" or "nmod" or "*" or "acl" or "advcl"))
            { error("EP006", $"only obl, nmod, *, acl and advcl take a preposition ('{s}')"); return null; }
            steps.Add(new PathStep(rel, prep, false));
        }
        return new ArgumentPath([.. steps]);
    }

    private static string StripComment(string line)
    {
        var i = line.IndexOf('#');
        return i < 0 ? line : line[..i];
    }

    private static string[] Split(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
