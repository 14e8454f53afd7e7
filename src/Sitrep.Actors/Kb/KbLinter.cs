using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Sitrep.Actors.Kb;

/// <summary>
/// Checks a KB folder: the loader's schema checks, then references, codes, dates, single-holder offices and
/// alias collisions. Errors fail <c>sitrep kb lint</c>; warnings are printed but do not.
/// </summary>
public static partial class KbLinter
{
    public static ImmutableArray<KbDiagnostic> Lint(string directory) => Lint(KbLoader.Load(directory));

    public static ImmutableArray<KbDiagnostic> Lint(KbLoadResult load)
    {
        var d = new List<KbDiagnostic>(load.Diagnostics);
        var kb = load.Kb;
        CheckIds(kb, d);
        CheckCountries(kb, d);
        CheckOrganizations(kb, d);
        CheckPeople(kb, d);
        CheckOffices(kb, d);
        CheckAgents(kb, d);
        CheckAliases(kb, d);
        return [.. d.OrderBy(x => x.File, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Code, StringComparer.Ordinal)];
    }

    private static void Err(List<KbDiagnostic> d, KbSource s, string code, string msg) => d.Add(new(KbSeverity.Error, code, s.File, s.Line, msg));
    private static void Warn(List<KbDiagnostic> d, KbSource s, string code, string msg) => d.Add(new(KbSeverity.Warning, code, s.File, s.Line, msg));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex("^[A-Za-z0-9-]+\\.[a-z0-9][a-z0-9-]*$")]
    private static partial Regex OfficeRegex();

    private static void CheckIds(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        var seen = new Dictionary<string, KbSource>(StringComparer.Ordinal);
        foreach (var e in kb.AllEntities())
        {
            if (!seen.TryAdd(e.Id, e.Source)) Err(d, e.Source, KbCodes.DuplicateId, $"duplicate id '{e.Id}' (first at {seen[e.Id]}).");
            if (e is not KbCountry && !SlugRegex().IsMatch(e.Id))
                Err(d, e.Source, KbCodes.BadValue, $"id '{e.Id}' must be a lowercase slug (letters, digits, hyphens).");
        }
    }

    private static bool IsRegion(KnowledgeBase kb, string code) => kb.CameoTypes.Any(t => t.Code == code && t.Kind == "region");

    private static void CheckCountries(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        foreach (var c in kb.Countries)
        {
            if (c.Id.Length != 3 || !c.Id.All(char.IsAsciiLetterUpper)) Err(d, c.Source, KbCodes.BadValue, $"country id '{c.Id}' must be an alpha-3 code.");
            if (c.Cameo.Length != 3 || !c.Cameo.All(char.IsAsciiLetterUpper)) Err(d, c.Source, KbCodes.BadCameo, $"{c.Id}: CAMEO country code '{c.Cameo}' must be three capital letters.");
            if (c.Region is { } r && !IsRegion(kb, r)) Err(d, c.Source, KbCodes.BadCameo, $"{c.Id}: unknown CAMEO region '{r}'.");
            if (c.Sovereign is { } s && kb.Country(s) is null) Err(d, c.Source, KbCodes.UnknownCountry, $"{c.Id}: unknown sovereign '{s}'.");
            foreach (var x in c.Successors)
                if (kb.Country(x) is null) Err(d, c.Source, KbCodes.UnknownCountry, $"{c.Id}: unknown successor '{x}'.");
            if (c.From is { } f && c.To is { } t && t.Latest < f.Earliest) Err(d, c.Source, KbCodes.EndBeforeStart, $"{c.Id}: 'to' {t} is before 'from' {f}.");
            foreach (var a in c.Aliases)
                if (a.Sector is { } sec && !kb.Sectors.Contains(sec)) Err(d, c.Source, KbCodes.UnknownSector, $"{c.Id}: alias '{a.Text}' has unknown sector '{sec}'.");
            if (c.Kind == KbEntityKind.Country && !c.Aliases.Any(a => a.Kind == AliasKind.Demonym))
                Warn(d, c.Source, KbCodes.Missing, $"state {c.Id} ({c.Name}) has no demonym.");
        }
    }

    private static void CheckOrganizations(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        foreach (var o in kb.Organizations)
        {
            if (!kb.IsValidCode(o.Code, out var why)) Err(d, o.Source, KbCodes.BadCameo, $"{o.Id}: invalid CAMEO code '{o.Code}': {why}.");
            if (o.Country is { } c && kb.Country(c) is null) Err(d, o.Source, KbCodes.UnknownCountry, $"{o.Id}: unknown country '{c}'.");
            foreach (var c2 in o.Countries)
                if (kb.Country(c2) is null) Err(d, o.Source, KbCodes.UnknownCountry, $"{o.Id}: unknown country '{c2}'.");
            if (o.Type is { } t && !kb.Sectors.Contains(t) && !kb.InternationalTypes.Contains(t))
                Err(d, o.Source, KbCodes.BadCameo, $"{o.Id}: type '{t}' is neither a CAMEO role nor an international type.");
            if (o.Region is { } r && !IsRegion(kb, r)) Err(d, o.Source, KbCodes.BadCameo, $"{o.Id}: unknown CAMEO region '{r}'.");
            if (o.Parent is { } p && kb.Organization(p) is null) Err(d, o.Source, KbCodes.UnknownOrg, $"{o.Id}: unknown parent '{p}'.");
            if (o.From is { } f && o.To is { } to && to.Latest < f.Earliest) Err(d, o.Source, KbCodes.EndBeforeStart, $"{o.Id}: 'to' {to} is before 'from' {f}.");
        }
    }

    private static void CheckPeople(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        foreach (var p in kb.People)
        {
            if (p.Roles.IsEmpty) Warn(d, p.Source, KbCodes.NoRoles, $"{p.Id} has no roles.");
            foreach (var r in p.Roles)
            {
                if ((r.Country is null) == (r.Org is null))
                    Err(d, r.Source, KbCodes.Missing, $"{p.Id}: a role names exactly one of 'country' or 'org'.");
                if (r.Country is { } c && kb.Country(c) is null) Err(d, r.Source, KbCodes.UnknownCountry, $"{p.Id}: unknown country '{c}'.");
                if (r.Org is { } o && kb.Organization(o) is null) Err(d, r.Source, KbCodes.UnknownOrg, $"{p.Id}: unknown organization or group '{o}'.");
                if (r.Sector is { } s && !kb.Sectors.Contains(s)) Err(d, r.Source, KbCodes.UnknownSector, $"{p.Id}: unknown sector '{s}'.");
                if (r.Country is not null && r.Sector is null) Err(d, r.Source, KbCodes.Missing, $"{p.Id}: a country role needs a 'sector' (GOV, MIL, …).");
                if (r.Start is { } st && r.End is { } en && en.Latest < st.Earliest)
                    Err(d, r.Source, KbCodes.EndBeforeStart, $"{p.Id}: role '{r.Title}' ends {en} before it starts {st}.");
                if (r.Office is { } off && !OfficeRegex().IsMatch(off))
                    Err(d, r.Source, KbCodes.BadValue, $"{p.Id}: office '{off}' must look like 'RUS.defence-minister' or 'un.secretary-general'.");
                if (r.Office is { } off2 && off2.Split('.')[0] is var owner && owner != (r.Country ?? r.Org))
                    Err(d, r.Source, KbCodes.BadValue, $"{p.Id}: office '{off2}' belongs to '{owner}', but the role is of '{r.Country ?? r.Org}'.");
            }
        }
    }

    // Definite overlap only: with partial dates ("2016") two holders may share the period without a conflict.
    private static void CheckOffices(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        foreach (var office in kb.Offices.Order(StringComparer.Ordinal))
        {
            var holders = kb.Holders(office);
            for (var i = 0; i < holders.Length; i++)
                for (var j = i + 1; j < holders.Length; j++)
                {
                    var a = holders[i].Role;
                    var b = holders[j].Role;
                    if (LatestStart(a) < EarliestEnd(b) && LatestStart(b) < EarliestEnd(a))
                        Err(d, b.Source, KbCodes.OfficeOverlap,
                            $"office {office}: {holders[j].Person.Id} ({b.Start}–{b.End}) overlaps {holders[i].Person.Id} ({a.Start}–{a.End}) at {a.Source}.");
                }
        }

        static DateOnly LatestStart(KbRole r) => r.Start?.Latest ?? DateOnly.MinValue;
        static DateOnly EarliestEnd(KbRole r) => r.End is { } e ? e.Earliest : DateOnly.MaxValue;
    }

    private static void CheckAgents(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        var seen = new Dictionary<string, KbAgent>(StringComparer.Ordinal);
        foreach (var a in kb.Agents)
        {
            var ok = a.Code.Length % 3 == 0 && a.Code.Length > 0;
            for (var i = 0; ok && i < a.Code.Length; i += 3)
            {
                var part = a.Code.Substring(i, 3);
                ok = kb.Sectors.Contains(part) || kb.InternationalTypes.Contains(part);
            }
            if (!ok) Err(d, a.Source, KbCodes.BadCameo, $"agent '{a.Term}': '{a.Code}' is not made of CAMEO role or international type codes.");
            var key = AliasKeys.FoldedKey(a.Term);
            if (seen.TryGetValue(key, out var prev) && prev.Code != a.Code)
                Err(d, a.Source, KbCodes.DuplicateId, $"agent '{a.Term}' is both {prev.Code} ({prev.Source}) and {a.Code}.");
            else seen.TryAdd(key, a);
        }
    }

    // Surname collisions (two Kims) are expected and left to date and context; full names and short forms are not.
    private static void CheckAliases(KnowledgeBase kb, List<KbDiagnostic> d)
    {
        var owners = new Dictionary<string, List<(KbEntity E, KbAlias A)>>(StringComparer.Ordinal);
        foreach (var e in kb.AllEntities())
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in e.Aliases)
            {
                var key = (a.IsCaseSensitive ? "=" + AliasKeys.ExactKey(a.Text) : "~" + AliasKeys.FoldedKey(a.Text)) + "|" + a.Context;
                if (!own.Add(key + "|" + a.Kind)) Warn(d, e.Source, KbCodes.DuplicateAlias, $"{e.Id}: alias '{a.Text}' given twice.");
                if (a.Kind is AliasKind.Surname or AliasKind.Capital or AliasKind.Contextual) continue;
                if (!owners.TryGetValue(key, out var list)) owners[key] = list = [];
                if (!list.Any(x => ReferenceEquals(x.E, e))) list.Add((e, a));
            }
        }
        foreach (var (_, list) in owners)
            if (list.Count > 1)
            {
                var first = list[0];
                foreach (var (e, a) in list.Skip(1))
                    Warn(d, e.Source, KbCodes.AliasCollision, $"alias '{a.Text}' of {e.Id} also names {first.E.Id} ({first.E.Source}).");
            }
    }
}
