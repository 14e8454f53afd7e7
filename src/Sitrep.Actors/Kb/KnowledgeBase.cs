using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Actors.Kb;

/// <summary>An alias hit: the entity and the form of it that matched.</summary>
public sealed record AliasMatch(KbEntity Entity, KbAlias Alias);

/// <summary>A person holding an office on a date.</summary>
public sealed record OfficeHolder(KbPerson Person, KbRole Role);

/// <summary>Entity counts, as printed by <c>sitrep kb stats</c>.</summary>
public sealed record KbStats(int Countries, int Territories, int HistoricalStates, int Organizations, int Groups,
    int People, int Roles, int Offices, int Aliases, int Agents, int CameoTypes, int UncertainEntries);

/// <summary>
/// The compiled, immutable knowledge base: every entity by id, alias indexes (exact for acronyms, folded for
/// names), dated roles by person and by office, the agent lexicon and the CAMEO code tables. Safe to share across threads.
/// </summary>
public sealed class KnowledgeBase
{
    public static KnowledgeBase Empty { get; } = new([], [], [], [], []);

    public ImmutableArray<CameoActorType> CameoTypes { get; }
    public ImmutableArray<KbCountry> Countries { get; }
    public ImmutableArray<KbOrganization> Organizations { get; }
    public ImmutableArray<KbPerson> People { get; }
    public ImmutableArray<KbAgent> Agents { get; }

    /// <summary>CAMEO sector codes (primary, secondary and tertiary roles, PTY).</summary>
    public FrozenSet<string> Sectors { get; }
    /// <summary>CAMEO international type codes (IGO, IMG, NGO, …).</summary>
    public FrozenSet<string> InternationalTypes { get; }
    /// <summary>Every three-letter code that may appear in an actor code: countries, types, regions, organizations, religions.</summary>
    public FrozenSet<string> CodeParts { get; }

    private readonly FrozenDictionary<string, KbEntity> _byId;
    private readonly FrozenDictionary<string, KbCountry> _countryByCode;
    private readonly FrozenDictionary<string, ImmutableArray<AliasMatch>> _exact;
    private readonly FrozenDictionary<string, ImmutableArray<AliasMatch>> _folded;
    private readonly FrozenDictionary<string, ImmutableArray<OfficeHolder>> _offices;
    private readonly FrozenDictionary<string, string> _agents;

    internal KnowledgeBase(ImmutableArray<CameoActorType> types, ImmutableArray<KbCountry> countries,
        IReadOnlyList<KbOrganization> organizations, IReadOnlyList<KbPerson> people, ImmutableArray<KbAgent> agents)
    {
        CameoTypes = types;
        Countries = countries;
        Organizations = [.. organizations];
        People = [.. people];
        Agents = agents;

        Sectors = types.Where(t => t.Kind.StartsWith("role_", StringComparison.Ordinal) || t.Kind == "special").Select(t => t.Code).ToFrozenSet(StringComparer.Ordinal);
        InternationalTypes = types.Where(t => t.Kind == "international").Select(t => t.Code).ToFrozenSet(StringComparer.Ordinal);

        var byCode = new Dictionary<string, KbCountry>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            byCode.TryAdd(c.Id, c);
            byCode.TryAdd(c.Cameo, c);
            foreach (var l in c.LegacyCodes) byCode.TryAdd(l, c);
        }
        _countryByCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        CodeParts = types.Select(t => t.Code).Concat(byCode.Keys).ToFrozenSet(StringComparer.Ordinal);

        // First entity wins on duplicate ids; the linter reports the duplicates.
        var byId = new Dictionary<string, KbEntity>(StringComparer.Ordinal);
        foreach (var e in AllEntities()) byId.TryAdd(e.Id, e);
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);

        var exact = new Dictionary<string, List<AliasMatch>>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<AliasMatch>>(StringComparer.Ordinal);
        foreach (var e in AllEntities())
            foreach (var a in e.Aliases)
            {
                var (dict, key) = a.IsCaseSensitive ? (exact, AliasKeys.ExactKey(a.Text)) : (folded, AliasKeys.FoldedKey(a.Text));
                if (key.Length == 0) continue;
                if (!dict.TryGetValue(key, out var list)) dict[key] = list = [];
                list.Add(new AliasMatch(e, a));
            }
        _exact = exact.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
        _folded = folded.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);

        var offices = new Dictionary<string, List<OfficeHolder>>(StringComparer.Ordinal);
        foreach (var p in people)
            foreach (var r in p.Roles)
                if (r.Office is { } o)
                {
                    if (!offices.TryGetValue(o, out var list)) offices[o] = list = [];
                    list.Add(new OfficeHolder(p, r));
                }
        _offices = offices.ToFrozenDictionary(kv => kv.Key,
            kv => kv.Value.OrderBy(h => h.Role.Start?.Earliest ?? DateOnly.MinValue).ToImmutableArray(), StringComparer.Ordinal);

        var ag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in agents) ag.TryAdd(AliasKeys.FoldedKey(a.Term), a.Code);
        _agents = ag.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Loads a KB folder; throws <see cref="KbException"/> if it has errors (run <c>sitrep kb lint</c> to see them all).</summary>
    public static KnowledgeBase Load(string directory)
    {
        var r = KbLoader.Load(directory);
        var errors = r.Diagnostics.Where(d => d.Severity == KbSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new KbException($"The knowledge base in {directory} has {errors.Count} error(s), first: {errors[0]}", errors);
        return r.Kb;
    }

    public IEnumerable<KbEntity> AllEntities() => Countries.Cast<KbEntity>().Concat(Organizations).Concat(People);

    public IEnumerable<KbOrganization> Igos => Organizations.Where(o => o.Kind == KbEntityKind.Organization);
    public IEnumerable<KbOrganization> Groups => Organizations.Where(o => o.Kind == KbEntityKind.Group);

    public KbEntity? Get(string id) => _byId.GetValueOrDefault(id);

    public KbPerson? Person(string id) => _byId.GetValueOrDefault(id) as KbPerson;

    public KbOrganization? Organization(string id) => _byId.GetValueOrDefault(id) as KbOrganization;

    /// <summary>A country by alpha-3 id, CAMEO code or legacy code.</summary>
    public KbCountry? Country(string code) => _countryByCode.GetValueOrDefault(code);

    /// <summary>
    /// Every entity with an alias equal to <paramref name="text"/>: acronyms exactly ("US" but not "us"), names
    /// ignoring case, diacritics and a leading "the". Contextual and surname aliases are returned too; the caller
    /// decides with <see cref="KbAlias.Kind"/> whether the context allows them.
    /// </summary>
    public ImmutableArray<AliasMatch> Lookup(string text)
    {
        var e = _exact.GetValueOrDefault(AliasKeys.ExactKey(text), []);
        var f = _folded.GetValueOrDefault(AliasKeys.FoldedKey(text), []);
        return e.IsEmpty ? f : f.IsEmpty ? e : e.AddRange(f);
    }

    /// <summary>The roles <paramref name="personId"/> holds on <paramref name="date"/>; empty for an unknown id.</summary>
    public ImmutableArray<KbRole> RolesAt(string personId, DateOnly date) =>
        Person(personId) is { } p ? [.. p.Roles.Where(r => r.IsHeldOn(date))] : [];

    /// <summary>Who holds a single-holder office (e.g. "RUS.defence-minister") on a date.</summary>
    public ImmutableArray<OfficeHolder> HoldersAt(string office, DateOnly date) =>
        _offices.TryGetValue(office, out var all) ? [.. all.Where(h => h.Role.IsHeldOn(date))] : [];

    /// <summary>All holders of an office in order of their start dates.</summary>
    public ImmutableArray<OfficeHolder> Holders(string office) => _offices.GetValueOrDefault(office, []);

    public IEnumerable<string> Offices => _offices.Keys;

    /// <summary>The CAMEO code of a role: its country's code and sector (RUSGOV), or its organization's code (IGOUNO).</summary>
    public ActorCode? CodeFor(KbRole role)
    {
        if (role.Country is { } c) return ActorCode.Country(Country(c)?.Cameo ?? c, role.Sector);
        if (role.Org is { } o && Organization(o) is { } org)
        {
            var code = ActorCode.Parse(org.Code, Sectors);
            return role.Sector is { } s && code.Sector is null ? code with { Sector = s } : code;
        }
        return null;
    }

    /// <summary>
    /// The code of an entity on a date: a country's code, an organization's code, or a person's code from the
    /// roles held then (an office-holding role first). Null for a person without a role on that date.
    /// </summary>
    public ActorCode? CodeFor(KbEntity entity, DateOnly date) => entity switch
    {
        KbCountry c => ActorCode.Country(c.Cameo),
        KbOrganization o => ActorCode.Parse(o.Code, Sectors),
        KbPerson p => p.Roles.Where(r => r.IsHeldOn(date)).OrderBy(r => r.Office is null ? 1 : 0).Select(CodeFor).FirstOrDefault(c => c is not null),
        _ => null,
    };

    /// <summary>The CAMEO agent code of a role or title noun ("troops" → MIL), or null.</summary>
    public string? AgentCode(string term) => _agents.GetValueOrDefault(AliasKeys.FoldedKey(term));

    /// <summary>True when <paramref name="code"/> is made of known three-letter parts, led by a country or an international type.</summary>
    public bool IsValidCode(string code, out string? reason)
    {
        reason = null;
        if (code.Length < 3 || code.Length % 3 != 0 || !code.All(char.IsAsciiLetterUpper))
        {
            reason = "a code is a sequence of three-capital-letter parts";
            return false;
        }
        var root = code[..3];
        var regionOrOrg = CameoTypes.Any(t => t.Code == root && t.Kind == "region");
        if (!InternationalTypes.Contains(root) && Country(root) is null && !regionOrOrg)
        {
            reason = $"'{root}' is neither a country, a region nor an international type";
            return false;
        }
        for (var i = 3; i < code.Length; i += 3)
        {
            var part = code.Substring(i, 3);
            if (!CodeParts.Contains(part)) { reason = $"unknown part '{part}'"; return false; }
        }
        return true;
    }

    public KbStats Stats()
    {
        var roles = People.Sum(p => p.Roles.Length);
        var aliases = AllEntities().Sum(e => e.Aliases.Length);
        var uncertain = AllEntities().Count(e => e.Uncertain) + People.Sum(p => p.Roles.Count(r => r.Uncertain));
        return new KbStats(
            Countries.Count(c => c.Kind == KbEntityKind.Country),
            Countries.Count(c => c.Kind == KbEntityKind.Territory),
            Countries.Count(c => c.Kind == KbEntityKind.HistoricalState),
            Organizations.Count(o => o.Kind == KbEntityKind.Organization),
            Organizations.Count(o => o.Kind == KbEntityKind.Group),
            People.Length, roles, _offices.Count, aliases, Agents.Length, CameoTypes.Length, uncertain);
    }
}
