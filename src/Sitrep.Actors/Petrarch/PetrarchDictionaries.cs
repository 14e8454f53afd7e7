using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Sitrep.Actors.Petrarch;

/// <summary>A code of a PETRARCH/TABARI actor entry, valid on dates [From, To) when given ("[RUSGOV 991231-080507]").</summary>
public sealed record PetrarchCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool IsDated => From is not null || To is not null;

    public bool HoldsOn(DateOnly d) => (From is not { } f || f <= d) && (To is not { } t || d <= t);
}

/// <summary>
/// A phrase of a PETRARCH dictionary as words. <see cref="Stem"/>: the last word is a stem (TABARI's pattern without a
/// trailing underscore, "ARGENTIN" matches "Argentina" and "Argentine").
/// </summary>
public sealed record PetrarchPhrase(ImmutableArray<string> Words, bool Stem)
{
    public override string ToString() => string.Join('_', Words) + (Stem ? "" : "_");
}

/// <summary>One actor entry: its phrases (the first line and its "+" synonyms) and its dated codes, in file order.</summary>
public sealed record PetrarchActor(string Name, ImmutableArray<PetrarchPhrase> Phrases, ImmutableArray<PetrarchCode> Codes, int Line)
{
    /// <summary>
    /// The code on a date: the first dated code holding then, else the undated one; without a date, the undated code,
    /// else the code with the latest start. Null for the null code "---".
    /// </summary>
    public string? CodeAt(DateOnly? date)
    {
        PetrarchCode? pick = null;
        if (date is { } d) pick = Codes.FirstOrDefault(c => c.IsDated && c.HoldsOn(d));
        pick ??= Codes.FirstOrDefault(c => !c.IsDated);
        pick ??= Codes.OrderByDescending(c => c.From ?? DateOnly.MinValue).FirstOrDefault();
        return pick is null || pick.Code.StartsWith('-') ? null : pick.Code;
    }
}

/// <summary>An agent: phrases (singular and plural) and its code, a suffix ("~GOV") or prefix ("NGO~") to an actor's code.</summary>
public sealed record PetrarchAgent(string Name, ImmutableArray<PetrarchPhrase> Phrases, string Code, int Line)
{
    /// <summary>The code part without the "~".</summary>
    public string Part => Code.Replace("~", "", StringComparison.Ordinal);

    /// <summary>True for "NGO~": the part goes before the actor's code.</summary>
    public bool IsPrefix => Code.EndsWith('~') && !Code.StartsWith('~');

    /// <summary>Composes with an actor's code ("RUS" + "~MIL" = "RUSMIL"); without an actor, the part alone.</summary>
    public string Compose(string? actor) => actor is null ? Part : IsPrefix ? Part + actor : actor + Part;
}

/// <summary>Reading of PETRARCH/TABARI dictionaries: comments ("#", "&lt;!-- --&gt;"), words joined by "_", codes in brackets.</summary>
/// <summary>Lexical rules shared by PETRARCH's dictionary files (actors, agents, verbs): comments and phrases.</summary>
public static class PetrarchSyntax
{
    public static string StripComment(string line)
    {
        var i = line.IndexOf('#', StringComparison.Ordinal);
        return i >= 0 ? line[..i] : line;
    }

    /// <summary>Removes &lt;!-- … --&gt; comments, which may span lines; <paramref name="inComment"/> carries across lines.</summary>
    public static string StripXmlComments(string line, ref bool inComment)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (inComment)
            {
                var e = line.IndexOf("-->", i, StringComparison.Ordinal);
                if (e < 0) return sb.ToString();
                inComment = false;
                i = e + 3;
            }
            else
            {
                var s = line.IndexOf("<!--", i, StringComparison.Ordinal);
                if (s < 0) { sb.Append(line, i, line.Length - i); break; }
                sb.Append(line, i, s - i);
                inComment = true;
                i = s + 4;
            }
        }
        return sb.ToString();
    }

    public static PetrarchPhrase? Phrase(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        var stem = !t.EndsWith('_');
        var words = t.Split(['_', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        return new PetrarchPhrase([.. words], stem);
    }

    /// <summary>Dates: YYMMDD (two-digit years below 30 are 20YY) or YYYYMMDD; null when malformed.</summary>
    public static DateOnly? Date(string s)
    {
        s = s.Trim();
        if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v6))
        {
            var yy = v6 / 10000;
            return Make((yy < 30 ? 2000 : 1900) + yy, v6 / 100 % 100, v6 % 100);
        }
        if (s.Length == 8 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v8))
            return Make(v8 / 10000, v8 / 100 % 100, v8 % 100);
        return null;
    }

    private static DateOnly? Make(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>"[RUSGOV 991231-080507]", "[HOB &lt; 950601]", "[IGOUNO &gt;20070101]", "[ISR]". Null when not a code.</summary>
    public static PetrarchCode? Code(string bracket, out bool badDate)
    {
        badDate = false;
        var inner = bracket.Trim().TrimStart('[').TrimEnd(']').Trim();
        if (inner.Length == 0) return null;
        var sp = inner.IndexOfAny([' ', '\t']);
        var code = (sp < 0 ? inner : inner[..sp]).ToUpperInvariant();
        var range = sp < 0 ? "" : inner[sp..].Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (range.Length == 0) return new PetrarchCode(code, null, null);
        if (range[0] == '<')
        {
            var d = Date(range[1..]);
            badDate = d is null;
            return new PetrarchCode(code, null, d?.AddDays(-1));
        }
        if (range[0] == '>')
        {
            var d = Date(range[1..]);
            badDate = d is null;
            return new PetrarchCode(code, d?.AddDays(1), null);
        }
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            var f = Date(range[..dash]);
            var t = Date(range[(dash + 1)..]);
            badDate = f is null || t is null;
            return new PetrarchCode(code, f, t);
        }
        badDate = true;
        return new PetrarchCode(code, null, null);
    }
}

/// <summary>
/// A PETRARCH/TABARI actor dictionary (Phoenix.Countries.actors.txt, PETR.Validate.actors.txt): entries of a phrase
/// line, "+" synonym lines and code lines, "NAME [CODE]" on one line or the codes on following lines, each code
/// optionally dated ("[RUSGOV 991231-080507]", "[X &lt;950601]", "[X &gt;080508]").
/// </summary>
public sealed class PetrarchActorDictionary
{
    public ImmutableArray<PetrarchActor> Actors { get; }
    /// <summary>Code lines whose date range could not be read (kept undated).</summary>
    public int BadDates { get; }
    public string Path { get; }

    private PetrarchActorDictionary(string path, ImmutableArray<PetrarchActor> actors, int badDates) => (Path, Actors, BadDates) = (path, actors, badDates);

    public static PetrarchActorDictionary Load(string path) => Parse(File.ReadAllLines(path), path);

    public static PetrarchActorDictionary Parse(IEnumerable<string> lines, string path = "")
    {
        var actors = ImmutableArray.CreateBuilder<PetrarchActor>();
        var phrases = new List<PetrarchPhrase>();
        var codes = new List<PetrarchCode>();
        string? name = null;
        int start = 0, lineNo = 0, bad = 0;
        var inXml = false;

        void Flush()
        {
            if (name is not null && phrases.Count > 0 && codes.Count > 0) actors.Add(new PetrarchActor(name, [.. phrases], [.. codes], start));
            name = null;
            phrases.Clear();
            codes.Clear();
        }

        foreach (var raw in lines)
        {
            lineNo++;
            var line = PetrarchSyntax.StripComment(PetrarchSyntax.StripXmlComments(raw, ref inXml));
            var t = line.Trim();
            if (t.Length == 0) continue;
            if (t[0] == '[')
            {
                // A code line belongs to the entry above it.
                foreach (var b in Brackets(t))
                    if (PetrarchSyntax.Code(b, out var badDate) is { } c) { codes.Add(c); if (badDate) bad++; }
                continue;
            }
            if (t[0] == '+')
            {
                if (name is not null && codes.Count == 0 && PetrarchSyntax.Phrase(t[1..]) is { } p) phrases.Add(p);
                else if (name is not null && codes.Count > 0 && PetrarchSyntax.Phrase(t[1..]) is { } p2)
                {
                    // A synonym after the codes (PETR.Validate's "AUSTRALIA [AUS]" then "+AUSTRALIAN"): same entry.
                    phrases.Add(p2);
                }
                continue;
            }
            // A new phrase line: "NAME", "NAME [CODE]" or "NAME  [CODE] extra".
            Flush();
            var bi = t.IndexOf('[', StringComparison.Ordinal);
            var head = bi >= 0 ? t[..bi] : t;
            if (PetrarchSyntax.Phrase(head) is not { } ph) continue;
            name = head.Trim();
            start = lineNo;
            phrases.Add(ph);
            if (bi >= 0)
                foreach (var b in Brackets(t[bi..]))
                    if (PetrarchSyntax.Code(b, out var badDate) is { } c) { codes.Add(c); if (badDate) bad++; }
        }
        Flush();
        return new PetrarchActorDictionary(path, actors.ToImmutable(), bad);
    }

    internal static IEnumerable<string> Brackets(string s)
    {
        var i = 0;
        while ((i = s.IndexOf('[', i)) >= 0)
        {
            var e = s.IndexOf(']', i);
            if (e < 0) yield break;
            yield return s[i..(e + 1)];
            i = e + 1;
        }
    }
}

/// <summary>
/// A PETRARCH/TABARI agent dictionary (Phoenix.agents.txt, PETR.Validate.agents.txt): "PHRASE {PLURAL} [~CODE]" lines,
/// "{}" for no plural (otherwise a regular plural is made), and substitution sets "!PERSON! = MAN, MEN, WOMAN".
/// </summary>
public sealed class PetrarchAgentDictionary
{
    public ImmutableArray<PetrarchAgent> Agents { get; }
    public string Path { get; }

    private PetrarchAgentDictionary(string path, ImmutableArray<PetrarchAgent> agents) => (Path, Agents) = (path, agents);

    public static PetrarchAgentDictionary Load(string path) => Parse(File.ReadAllLines(path), path);

    public static PetrarchAgentDictionary Parse(IEnumerable<string> lines, string path = "")
    {
        var subs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var agents = ImmutableArray.CreateBuilder<PetrarchAgent>();
        var inXml = false;
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var t = PetrarchSyntax.StripComment(PetrarchSyntax.StripXmlComments(raw, ref inXml)).Trim();
            if (t.Length == 0) continue;
            if (t[0] == '!' && t.Contains('=', StringComparison.Ordinal))
            {
                var eq = t.IndexOf('=', StringComparison.Ordinal);
                subs[t[..eq].Trim()] = [.. t[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                continue;
            }
            var bi = t.IndexOf('[', StringComparison.Ordinal);
            if (bi < 0) continue;
            var code = PetrarchActorDictionary.Brackets(t[bi..]).Select(b => b.Trim('[', ']').Trim()).FirstOrDefault(c => c.Length > 0);
            if (code is null) continue;
            code = code.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var head = t[..bi];
            string? plural = null;
            var noPlural = false;
            var ci = head.IndexOf('{', StringComparison.Ordinal);
            if (ci >= 0)
            {
                var ce = head.IndexOf('}', ci);
                var inner = ce > ci ? head[(ci + 1)..ce].Trim() : "";
                if (inner.Length == 0) noPlural = true; else plural = inner;
                head = head[..ci];
            }
            head = head.Trim();
            if (head.Length == 0) continue;
            var forms = new List<string> { head };
            if (plural is not null) forms.Add(plural);
            else if (!noPlural) forms.Add(RegularPlural(head.TrimEnd('_')));
            var phrases = new List<PetrarchPhrase>();
            foreach (var f in forms)
                foreach (var e in Expand(f, subs))
                    if (PetrarchSyntax.Phrase(e.EndsWith('_') ? e : e + "_") is { } p) phrases.Add(p);
            if (phrases.Count > 0) agents.Add(new PetrarchAgent(head, [.. phrases], code, lineNo));
        }
        return new PetrarchAgentDictionary(path, agents.ToImmutable());
    }

    private static IEnumerable<string> Expand(string form, Dictionary<string, string[]> subs)
    {
        foreach (var (k, vs) in subs)
            if (form.Contains(k, StringComparison.Ordinal))
                return vs.SelectMany(v => Expand(form.Replace(k, v, StringComparison.Ordinal), subs));
        return [form];
    }

    private static string RegularPlural(string w)
    {
        if (w.Length == 0 || w.Contains('!', StringComparison.Ordinal)) return w;
        if (w.EndsWith('Y') && w.Length > 1 && "AEIOU".IndexOf(w[^2]) < 0) return w[..^1] + "IES";
        if (w.EndsWith('S') || w.EndsWith('X') || w.EndsWith("CH", StringComparison.Ordinal) || w.EndsWith("SH", StringComparison.Ordinal)) return w + "ES";
        return w + "S";
    }
}
