using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Actors.Kb;

/// <summary>The KB as read from disk, with every problem found while reading it.</summary>
public sealed record KbLoadResult(KnowledgeBase Kb, ImmutableArray<KbDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == KbSeverity.Error);
}

/// <summary>
/// Reads the YAML files of a KB folder (see data/kb/FORMAT.md). Reading is tolerant: a malformed entry is
/// reported and skipped, so one lint run shows every problem at once.
/// </summary>
public static class KbLoader
{
    public const string CameoFile = "cameo-actor-types.yaml";
    public const string CountriesFile = "countries.yaml";
    public const string CountriesHandFile = "countries.hand.yaml";
    public const string IgosFile = "igos.yaml";
    public const string GroupsFile = "groups.yaml";
    public const string AgentsFile = "agents.yaml";
    public const string PeopleFolder = "people";

    public static KbLoadResult Load(string directory)
    {
        var diags = new List<KbDiagnostic>();
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            diags.Add(new(KbSeverity.Error, KbCodes.Missing, directory, 1, "no such KB folder."));
            return new(KnowledgeBase.Empty, [.. diags]);
        }

        var peopleDir = Path.Combine(dir, PeopleFolder);
        string[] peopleFiles = Directory.Exists(peopleDir) ? [.. Directory.GetFiles(peopleDir, "*.yaml").Order(StringComparer.Ordinal)] : [];
        if (peopleFiles.Length == 0 && !Directory.Exists(peopleDir))
            diags.Add(new(KbSeverity.Error, KbCodes.Missing, PeopleFolder, 1, "no people folder."));
        string[] files = [.. new[] { CameoFile, CountriesFile, CountriesHandFile, IgosFile, GroupsFile, AgentsFile }.Select(f => Path.Combine(dir, f)), .. peopleFiles];

        // YAML parsing is most of the load time and the files are independent: parse them in parallel, each
        // with its own diagnostics list, then read them in a fixed order so the result stays deterministic.
        var fileDiags = new List<KbDiagnostic>[files.Length];
        var opened = new Opened?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            fileDiags[i] = [];
            opened[i] = OpenPath(dir, files[i], fileDiags[i]);
        });

        var types = ReadCameo(opened[0], diags);
        var countries = ReadCountries(opened[1], opened[2], diags);
        var igos = ReadOrganizations(opened[3], "organizations", KbEntityKind.Organization, diags);
        var groups = ReadOrganizations(opened[4], "groups", KbEntityKind.Group, diags);
        var agents = ReadAgents(opened[5], diags);
        var people = new List<KbPerson>();
        for (var i = 6; i < files.Length; i++) people.AddRange(ReadPeople(opened[i], diags));
        diags.InsertRange(0, fileDiags.SelectMany(d => d));

        var kb = new KnowledgeBase(types, countries, [.. igos, .. groups], people, agents);
        return new(kb, [.. diags]);
    }

    private sealed record Opened(YamlReader Reader, YamlMappingNode Root);

    private static Opened? OpenPath(string dir, string path, List<KbDiagnostic> diags)
    {
        // Paths in messages are relative to the KB folder's parent's parent (data/kb/...), as a user sees them from the repository.
        var shown = Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(dir)) ?? dir, path).Replace('\\', '/');
        if (!File.Exists(path))
        {
            diags.Add(new(KbSeverity.Error, KbCodes.Missing, shown, 1, "file is missing."));
            return null;
        }
        var r = new YamlReader(shown, diags);
        var root = r.Root(File.ReadAllText(path));
        return root is null ? null : new Opened(r, root);
    }

    private static ImmutableArray<CameoActorType> ReadCameo(Opened? o, List<KbDiagnostic> diags)
    {
        if (o is null) return [];
        var (r, root) = o;
        r.CheckKeys(root, "the file", "types");
        var b = ImmutableArray.CreateBuilder<CameoActorType>();
        foreach (var item in r.Items(root, "types"))
        {
            var m = r.AsMap(item, "a type");
            if (m is null) continue;
            r.CheckKeys(m, "a type", "code", "kind", "description");
            var code = r.Str(m, "code", "type", true);
            var kind = r.Str(m, "kind", "type", true);
            if (code is null || kind is null) continue;
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) r.Error(m, KbCodes.BadValue, $"CAMEO type code '{code}' must be three capital letters.");
            if (Array.IndexOf(CameoKinds, kind) < 0) r.Error(m, KbCodes.BadValue, $"unknown kind '{kind}'; one of {string.Join(", ", CameoKinds)}.");
            b.Add(new CameoActorType(code, kind, r.Str(m, "description", "type") ?? ""));
        }
        return b.ToImmutable();
    }

    internal static readonly string[] CameoKinds =
        ["role_primary", "role_secondary", "role_tertiary", "special", "international", "region", "organization", "religion", "ethnic"];

    private static readonly string[] HandKeys =
        ["kind", "cameo", "name", "names", "short", "former", "demonym", "demonyms", "capital", "seats", "contextual", "region", "sovereign", "legacy_codes", "drop_names", "note", "uncertain"];

    private static readonly string[] ExtraKeys = [.. HandKeys, "id", "alpha2", "from", "to", "successors"];

    private static ImmutableArray<KbCountry> ReadCountries(Opened? gen, Opened? hand, List<KbDiagnostic> diags)
    {
        var result = new List<KbCountry>();
        var hands = new Dictionary<string, (YamlReader R, YamlMappingNode M, YamlNode Key)>(StringComparer.Ordinal);
        if (hand is not null)
        {
            var (r, root) = hand;
            r.CheckKeys(root, "the file", "countries", "extra");
            if (r.AsMap(YamlReader.Get(root, "countries"), "'countries'") is { } map)
                foreach (var (k, v) in map.Children)
                {
                    var id = (k as YamlScalarNode)?.Value ?? "";
                    if (r.AsMap(v, $"country {id}") is not { } m) continue;
                    r.CheckKeys(m, $"country {id}", HandKeys);
                    if (!hands.TryAdd(id, (r, m, k))) r.Error(k, KbCodes.DuplicateId, $"country '{id}' has two hand entries.");
                }
        }

        if (gen is not null)
        {
            var (r, root) = gen;
            r.CheckKeys(root, "the file", "generated", "countries");
            foreach (var item in r.Items(root, "countries"))
            {
                if (r.AsMap(item, "a country") is not { } m) continue;
                r.CheckKeys(m, "a country", "id", "alpha2", "numeric", "name", "names", "capital", "continent");
                var id = r.Str(m, "id", "country", true);
                var name = r.Str(m, "name", "country", true);
                if (id is null || name is null) continue;
                var aliases = new List<KbAlias>();
                foreach (var (t, _) in r.Strings(m, "names", id)) aliases.Add(new(t, AliasKind.Name));
                var c = new KbCountry
                {
                    Id = id, Name = name, Kind = KbEntityKind.Territory, Cameo = id, Alpha2 = r.Str(m, "alpha2", id),
                    Capital = r.Str(m, "capital", id), Source = r.Src(m),
                };
                if (hands.Remove(id, out var h)) c = ApplyHand(c, aliases, h.R, h.M);
                else r.Warn(m, KbCodes.Missing, $"country {id} ({name}) has no entry in {CountriesHandFile}; kept as a territory without demonyms.");
                result.Add(Finish(c, aliases));
            }
        }

        foreach (var (id, h) in hands)
            h.R.Error(h.Key, KbCodes.OverlayWithoutBase, $"hand entry for '{id}', which the generated {CountriesFile} does not have; use 'extra' for states outside ISO 3166-1.");

        if (hand is not null)
        {
            var (r, root) = hand;
            foreach (var item in r.Items(root, "extra"))
            {
                if (r.AsMap(item, "an extra country") is not { } m) continue;
                r.CheckKeys(m, "an extra country", ExtraKeys);
                var id = r.Str(m, "id", "extra country", true);
                var name = r.Str(m, "name", "extra country", true);
                if (id is null || name is null) continue;
                var aliases = new List<KbAlias>();
                var c = new KbCountry
                {
                    Id = id, Name = name, Kind = KbEntityKind.HistoricalState, Cameo = id, Alpha2 = r.Str(m, "alpha2", id), Source = r.Src(m),
                    From = r.Date(m, "from", id), To = r.Date(m, "to", id),
                    Successors = [.. r.Strings(m, "successors", id).Select(s => s.Text)],
                };
                c = ApplyHand(c, aliases, r, m);
                result.Add(Finish(c, aliases));
            }
        }
        return [.. result];
    }

    private static KbCountry ApplyHand(KbCountry c, List<KbAlias> aliases, YamlReader r, YamlMappingNode m)
    {
        var what = $"country {c.Id}";
        var kind = r.Str(m, "kind", what);
        var k = kind switch
        {
            null => c.Kind,
            "state" => KbEntityKind.Country,
            "territory" => KbEntityKind.Territory,
            "historical" => KbEntityKind.HistoricalState,
            _ => Bad(),
        };
        KbEntityKind Bad() { r.Error(m, KbCodes.BadValue, $"{what}: kind must be state, territory or historical, not '{kind}'."); return c.Kind; }

        var drop = r.Strings(m, "drop_names", what).Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        aliases.RemoveAll(a => drop.Contains(a.Text));
        var name = r.Str(m, "name", what);
        if (name is not null && !string.Equals(name, c.Name, StringComparison.Ordinal))
        {
            // The generated name stays a variant: "Korea, Republic of" is still how some sources write it.
            if (!drop.Contains(c.Name)) aliases.Add(new(c.Name, AliasKind.Name));
        }
        foreach (var (t, _) in r.Strings(m, "names", what)) aliases.Add(new(t, AliasKind.Name));
        foreach (var (t, _) in r.Strings(m, "short", what)) aliases.Add(new(t, AliasKind.Short));
        foreach (var (t, _) in r.Strings(m, "former", what)) aliases.Add(new(t, AliasKind.Former));
        foreach (var (t, _) in r.Strings(m, "demonym", what)) aliases.Add(new(t, AliasKind.Demonym));
        foreach (var (t, _) in r.Strings(m, "demonyms", what)) aliases.Add(new(t, AliasKind.DemonymPlural));
        foreach (var (t, sector, _) in r.Pairs(m, "seats", what)) aliases.Add(new(t, AliasKind.Seat, sector));
        foreach (var item in r.Items(m, "contextual"))
        {
            if (r.AsMap(item, "a contextual alias") is not { } cm) continue;
            r.CheckKeys(cm, "a contextual alias", "alias", "context", "sector");
            var alias = r.Str(cm, "alias", what, true);
            var context = r.Str(cm, "context", what, true);
            if (alias is not null && context is not null) aliases.Add(new(alias, AliasKind.Contextual, r.Str(cm, "sector", what), context));
        }
        return c with
        {
            Kind = k,
            Name = name ?? c.Name,
            Cameo = r.Str(m, "cameo", what) ?? c.Cameo,
            Capital = r.Str(m, "capital", what) ?? c.Capital,
            Region = r.Str(m, "region", what),
            Sovereign = r.Str(m, "sovereign", what),
            LegacyCodes = [.. r.Strings(m, "legacy_codes", what).Select(s => s.Text)],
            Note = r.Str(m, "note", what),
            Uncertain = r.Bool(m, "uncertain", what),
        };
    }

    private static KbCountry Finish(KbCountry c, List<KbAlias> aliases)
    {
        aliases.Insert(0, new KbAlias(c.Name, AliasKind.Name));
        // Why only states: territories' capitals ("Kingston" on Norfolk Island) mostly collide with better-known places.
        if (c.Kind == KbEntityKind.Country && c.Capital is { } cap) aliases.Add(new(cap, AliasKind.Capital, "GOV"));
        return c with { Aliases = Dedupe(aliases) };
    }

    // One alias per lookup key and context: "the Kremlin" and "Kremlin" fold to one key; a seat of government
    // replaces the plain capital alias of the same name, as it carries the same sector and says more.
    private static ImmutableArray<KbAlias> Dedupe(List<KbAlias> aliases)
    {
        var kept = new List<KbAlias>(aliases.Count);
        var index = new Dictionary<(string, string?, AliasKind), int>();
        foreach (var a in aliases)
        {
            var key = a.IsCaseSensitive ? "=" + AliasKeys.ExactKey(a.Text) : "~" + AliasKeys.FoldedKey(a.Text);
            var kind = a.Kind == AliasKind.Capital ? AliasKind.Seat : a.Kind;
            if (index.TryGetValue((key, a.Context, kind), out var at))
            {
                if (kept[at].Kind == AliasKind.Capital && a.Kind == AliasKind.Seat) kept[at] = a;
                continue;
            }
            index[(key, a.Context, kind)] = kept.Count;
            kept.Add(a);
        }
        return [.. kept];
    }

    private static readonly string[] OrgKeys =
        ["id", "name", "code", "country", "countries", "type", "region", "parent", "aliases", "short", "former", "from", "to", "note", "uncertain"];

    private static List<KbOrganization> ReadOrganizations(Opened? o, string listKey, KbEntityKind kind, List<KbDiagnostic> diags)
    {
        var result = new List<KbOrganization>();
        if (o is null) return result;
        var (r, root) = o;
        r.CheckKeys(root, "the file", listKey);
        var what0 = kind == KbEntityKind.Group ? "group" : "organization";
        foreach (var item in r.Items(root, listKey))
        {
            if (r.AsMap(item, $"an {what0}") is not { } m) continue;
            r.CheckKeys(m, what0, OrgKeys);
            var id = r.Str(m, "id", what0, true);
            var name = r.Str(m, "name", what0, true);
            if (id is null || name is null) continue;
            var what = $"{what0} {id}";
            var country = r.Str(m, "country", what);
            var type = r.Str(m, "type", what);
            var region = r.Str(m, "region", what);
            var code = r.Str(m, "code", what);
            if (code is null)
            {
                // A group's code defaults to its home (country, else region) and its type: "PSE"+"REB".
                if (kind == KbEntityKind.Group && type is not null && (country ?? region) is { } home) code = home + type;
                else { r.Error(m, KbCodes.Missing, $"{what}: 'code' is required (or, for a group, 'type' with 'country' or 'region')."); continue; }
            }
            var aliases = new List<KbAlias> { new(name, AliasKind.Name) };
            foreach (var (t, _) in r.Strings(m, "aliases", what)) aliases.Add(new(t, AliasKind.Name));
            foreach (var (t, _) in r.Strings(m, "short", what)) aliases.Add(new(t, AliasKind.Short));
            foreach (var (t, _) in r.Strings(m, "former", what)) aliases.Add(new(t, AliasKind.Former));
            result.Add(new KbOrganization
            {
                Id = id, Name = name, Kind = kind, Code = code, Country = country, Type = type, Region = region,
                Parent = r.Str(m, "parent", what), From = r.Date(m, "from", what), To = r.Date(m, "to", what),
                Countries = [.. r.Strings(m, "countries", what).Select(s => s.Text)],
                Aliases = Dedupe(aliases), Note = r.Str(m, "note", what), Uncertain = r.Bool(m, "uncertain", what), Source = r.Src(m),
            });
        }
        return result;
    }

    private static readonly string[] PersonKeys = ["id", "name", "surname", "aliases", "gender", "roles", "note", "uncertain"];
    private static readonly string[] RoleKeys = ["country", "org", "sector", "title", "office", "start", "end", "acting", "uncertain", "note"];

    private static List<KbPerson> ReadPeople(Opened? o, List<KbDiagnostic> diags)
    {
        var result = new List<KbPerson>();
        if (o is null) return result;
        var (r, root) = o;
        r.CheckKeys(root, "the file", "people");
        foreach (var item in r.Items(root, "people"))
        {
            if (r.AsMap(item, "a person") is not { } m) continue;
            r.CheckKeys(m, "person", PersonKeys);
            var id = r.Str(m, "id", "person", true);
            var name = r.Str(m, "name", "person", true);
            if (id is null || name is null) continue;
            var what = $"person {id}";
            var aliases = new List<KbAlias> { new(name, AliasKind.Name) };
            foreach (var (t, _) in r.Strings(m, "aliases", what)) aliases.Add(new(t, AliasKind.Name));
            // Why a default: most names end in the surname; "surname: []" turns it off (monarchs), a value overrides it (Kim Jong Un → Kim).
            var sn = YamlReader.Get(m, "surname");
            if (sn is null) { if (DefaultSurname(name) is { } s) aliases.Add(new(s, AliasKind.Surname)); }
            else foreach (var (t, _) in r.Strings(m, "surname", what)) aliases.Add(new(t, AliasKind.Surname));

            var roles = ImmutableArray.CreateBuilder<KbRole>();
            foreach (var ri in r.Items(m, "roles"))
            {
                if (r.AsMap(ri, "a role") is not { } rm) continue;
                r.CheckKeys(rm, "role", RoleKeys);
                var title = r.Str(rm, "title", what, true);
                if (title is null) continue;
                roles.Add(new KbRole
                {
                    Country = r.Str(rm, "country", what), Org = r.Str(rm, "org", what), Sector = r.Str(rm, "sector", what),
                    Title = title, Office = r.Str(rm, "office", what), Start = r.Date(rm, "start", what), End = r.Date(rm, "end", what),
                    Acting = r.Bool(rm, "acting", what), Uncertain = r.Bool(rm, "uncertain", what), Note = r.Str(rm, "note", what), Source = r.Src(rm),
                });
            }
            result.Add(new KbPerson
            {
                Id = id, Name = name, Kind = KbEntityKind.Person, Aliases = Dedupe(aliases), Roles = roles.ToImmutable(), Gender = r.Gender(m, "gender", what),
                Note = r.Str(m, "note", what), Uncertain = r.Bool(m, "uncertain", what), Source = r.Src(m),
            });
        }
        return result;
    }

    private static string? DefaultSurname(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        var last = parts[^1];
        if (last is "Jr." or "Sr." or "II" or "III" or "IV") return parts.Length > 2 ? parts[^2].TrimEnd(',') : null;
        return last;
    }

    private static ImmutableArray<KbAgent> ReadAgents(Opened? o, List<KbDiagnostic> diags)
    {
        if (o is null) return [];
        var (r, root) = o;
        r.CheckKeys(root, "the file", "agents");
        var b = ImmutableArray.CreateBuilder<KbAgent>();
        if (r.AsMap(YamlReader.Get(root, "agents"), "'agents'") is { } map)
            foreach (var (k, v) in map.Children)
            {
                var code = (k as YamlScalarNode)?.Value ?? "";
                var holder = new YamlMappingNode { { "terms", v } };
                foreach (var (t, n) in r.Strings(holder, "terms", $"agent code {code}"))
                    b.Add(new KbAgent(t, code, r.Src(n)));
            }
        return b.ToImmutable();
    }
}
