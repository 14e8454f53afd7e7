using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Actors.Kb;

/// <summary>
/// Reads one KB file through YamlDotNet's node model, which keeps line numbers, so that every schema problem
/// is reported as file:line. Values are read as strings: YAML's implicit typing (dates, "NO" as false) never applies.
/// </summary>
internal sealed class YamlReader(string file, List<KbDiagnostic> diagnostics)
{
    public string File { get; } = file;

    public static int Line(YamlNode n) => (int)n.Start.Line;

    public KbSource Src(YamlNode n) => new(File, Line(n));

    public void Error(YamlNode? n, string code, string message) => diagnostics.Add(new(KbSeverity.Error, code, File, n is null ? 1 : Line(n), message));

    public void Warn(YamlNode? n, string code, string message) => diagnostics.Add(new(KbSeverity.Warning, code, File, n is null ? 1 : Line(n), message));

    /// <summary>Parses the file's single document; null (with a diagnostic) when it is not YAML.</summary>
    public YamlMappingNode? Root(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            if (stream.Documents[0].RootNode is YamlMappingNode m) return m;
            Error(stream.Documents[0].RootNode, KbCodes.Syntax, "the file must be a mapping at the top level.");
        }
        catch (YamlException e)
        {
            diagnostics.Add(new(KbSeverity.Error, KbCodes.Syntax, File, (int)e.Start.Line, e.Message));
        }
        return null;
    }

    public static YamlNode? Get(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static bool IsNull(YamlNode n) =>
        n is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>Reports keys outside <paramref name="allowed"/>: a misspelt key would otherwise be silently ignored.</summary>
    public void CheckKeys(YamlMappingNode m, string what, params string[] allowed)
    {
        foreach (var k in m.Children.Keys)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, name) < 0) Error(k, KbCodes.UnknownKey, $"unknown key '{name}' in {what}; allowed: {string.Join(", ", allowed)}.");
        }
    }

    public YamlMappingNode? AsMap(YamlNode? n, string what)
    {
        if (n is null || IsNull(n)) return null;
        if (n is YamlMappingNode m) return m;
        Error(n, KbCodes.BadValue, $"{what} must be a mapping.");
        return null;
    }

    public IEnumerable<YamlNode> Items(YamlMappingNode m, string key)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return [];
        if (n is YamlSequenceNode s) return s.Children;
        Error(n, KbCodes.BadValue, $"'{key}' must be a list.");
        return [];
    }

    public string? Str(YamlMappingNode m, string key, string what, bool required = false)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n))
        {
            if (required) Error(m, KbCodes.Missing, $"{what}: '{key}' is required.");
            return null;
        }
        if (n is YamlScalarNode s)
        {
            var v = s.Value?.Trim();
            if (string.IsNullOrEmpty(v)) { if (required) Error(n, KbCodes.Missing, $"{what}: '{key}' is empty."); return null; }
            return v;
        }
        Error(n, KbCodes.BadValue, $"{what}: '{key}' must be a single value.");
        return null;
    }

    public bool Bool(YamlMappingNode m, string key, string what)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return false;
        if (n is YamlScalarNode { Value: "true" }) return true;
        if (n is YamlScalarNode { Value: "false" }) return false;
        Error(n, KbCodes.BadValue, $"{what}: '{key}' must be true or false.");
        return false;
    }

    /// <summary>A grammatical gender, 'm' or 'f' ('\0' when not given), for the pronouns that may stand for a person.</summary>
    public char Gender(YamlMappingNode m, string key, string what)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return '\0';
        if (n is YamlScalarNode { Value: "m" }) return 'm';
        if (n is YamlScalarNode { Value: "f" }) return 'f';
        Error(n, KbCodes.BadValue, $"{what}: '{key}' must be m or f.");
        return '\0';
    }

    public KbDate? Date(YamlMappingNode m, string key, string what)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return null;
        if (n is YamlScalarNode s && KbDate.TryParse(s.Value?.Trim(), out var d)) return d;
        Error(n, KbCodes.BadDate, $"{what}: '{key}' must be YYYY, YYYY-MM or YYYY-MM-DD, not '{(n as YamlScalarNode)?.Value}'.");
        return null;
    }

    /// <summary>A string or a list of strings, each with its node for locating problems.</summary>
    public ImmutableArray<(string Text, YamlNode Node)> Strings(YamlMappingNode m, string key, string what)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return [];
        var b = ImmutableArray.CreateBuilder<(string, YamlNode)>();
        if (n is YamlScalarNode one) AddScalar(one);
        else if (n is YamlSequenceNode seq)
            foreach (var c in seq.Children)
            {
                if (c is YamlScalarNode s) AddScalar(s);
                else Error(c, KbCodes.BadValue, $"{what}: items of '{key}' must be strings.");
            }
        else Error(n, KbCodes.BadValue, $"{what}: '{key}' must be a string or a list of strings.");
        return b.ToImmutable();

        void AddScalar(YamlScalarNode s)
        {
            var v = s.Value?.Trim();
            if (string.IsNullOrEmpty(v)) Error(s, KbCodes.Missing, $"{what}: empty item in '{key}'.");
            else b.Add((v, s));
        }
    }

    /// <summary>A mapping of string to string (seats: alias → sector).</summary>
    public ImmutableArray<(string Key, string? Value, YamlNode Node)> Pairs(YamlMappingNode m, string key, string what)
    {
        var n = Get(m, key);
        if (n is null || IsNull(n)) return [];
        if (n is not YamlMappingNode map) { Error(n, KbCodes.BadValue, $"{what}: '{key}' must be a mapping."); return []; }
        var b = ImmutableArray.CreateBuilder<(string, string?, YamlNode)>();
        foreach (var (k, v) in map.Children)
        {
            var ks = (k as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(ks)) { Error(k, KbCodes.BadValue, $"{what}: empty key in '{key}'."); continue; }
            if (IsNull(v)) b.Add((ks, null, k));
            else if (v is YamlScalarNode vs) b.Add((ks, vs.Value?.Trim(), k));
            else Error(v, KbCodes.BadValue, $"{what}: values of '{key}' must be strings.");
        }
        return b.ToImmutable();
    }
}
