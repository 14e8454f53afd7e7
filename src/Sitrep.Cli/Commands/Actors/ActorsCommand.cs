using System.ComponentModel;
using System.Globalization;
using Sitrep.Actors.Kb;
using Sitrep.Cli.Commands.Kb;
using Sitrep.Cli.Output;
using Spectre.Console.Cli;

namespace Sitrep.Cli.Commands.Actors;

/// <summary>
/// Searches the actor KB by name, alias or code and shows each hit's code at a date and its dated roles. QUERY is
/// optional so that a mode without it (e.g. actor activity in the store) can be added.
/// </summary>
public sealed class ActorsCommand : Command<ActorsCommand.Settings>
{
    public sealed class Settings : KbSettings
    {
        [CommandArgument(0, "[QUERY]")]
        [Description("A name, alias (\"Kremlin\", \"DPRK\"), part of a name, id or CAMEO code (\"RUSGOV\").")]
        public string? Query { get; init; }

        [CommandOption("--date <DATE>")]
        [Description("The date for codes and current roles (YYYY-MM-DD; default: the roles current at the latest date).")]
        public string? Date { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most this many hits (default 20).")]
        public int Limit { get; init; } = 20;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Query))
        {
            Console.Error.WriteLine("sitrep: give a QUERY (a name, alias or code).");
            return ExitCodes.Usage;
        }
        DateOnly? date = null;
        if (settings.Date is { } ds)
        {
            if (!DateOnly.TryParseExact(ds, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                Console.Error.WriteLine($"sitrep: --date must be YYYY-MM-DD, not '{ds}'.");
                return ExitCodes.Usage;
            }
            date = d;
        }
        var dir = settings.ResolveOrReport();
        if (dir is null) return ExitCodes.NotFound;
        var kb = KnowledgeBase.Load(dir);
        var hits = ActorSearch.Find(kb, settings.Query.Trim(), settings.Limit);
        var at = date ?? DateOnly.FromDateTime(DateTime.UtcNow.Date);
        if (settings.Json)
        {
            JsonOutput.Write(Console.Out, w =>
            {
                w.WriteStartArray();
                foreach (var (e, how) in hits)
                {
                    w.WriteStartObject();
                    w.WriteString("id", e.Id);
                    w.WriteString("name", e.Name);
                    w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
                    w.WriteString("matched", how);
                    var code = ActorSearch.CodeAt(kb, e, date);
                    if (code is null) w.WriteNull("code"); else w.WriteString("code", code);
                    w.WriteStartArray("aliases");
                    foreach (var a in e.Aliases) w.WriteStringValue(a.Text);
                    w.WriteEndArray();
                    w.WriteStartArray("roles");
                    if (e is KbPerson p)
                        foreach (var r in p.Roles)
                        {
                            w.WriteStartObject();
                            w.WriteString("title", r.Title);
                            w.WriteString("code", kb.CodeFor(r)?.Code);
                            w.WriteString("start", r.Start?.ToString());
                            w.WriteString("end", r.End?.ToString());
                            w.WriteBoolean("current", r.IsHeldOn(at));
                            w.WriteEndObject();
                        }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            return hits.Count > 0 ? ExitCodes.Ok : ExitCodes.NotFound;
        }
        if (hits.Count == 0)
        {
            Console.Out.WriteLine($"no actor matches '{settings.Query}'");
            return ExitCodes.NotFound;
        }
        foreach (var (e, how) in hits)
        {
            Console.Out.WriteLine($"{e.Id}  {e.Name}  [{e.Kind.ToString().ToLowerInvariant()}]  code {ActorSearch.CodeAt(kb, e, date) ?? "-"}{(date is null ? "" : " on " + date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}  (matched {how})");
            if (e is KbPerson p)
                foreach (var r in p.Roles)
                    Console.Out.WriteLine($"    {(r.IsHeldOn(at) ? "*" : " ")} {r.Start?.ToString() ?? "…",-10} – {r.End?.ToString() ?? "",-10}  {kb.CodeFor(r)?.Code,-9} {r.Title}{(r.Uncertain ? " (uncertain)" : "")}");
        }
        return ExitCodes.Ok;
    }
}

/// <summary>KB search for <c>sitrep actors</c>: exact alias first, then id and code, then names containing the query.</summary>
public static class ActorSearch
{
    public static List<(KbEntity Entity, string How)> Find(KnowledgeBase kb, string query, int limit)
    {
        var hits = new List<(KbEntity, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(KbEntity e, string how) { if (seen.Add(e.Id)) hits.Add((e, how)); }
        foreach (var m in kb.Lookup(query)) Add(m.Entity, "alias " + m.Alias.Kind.ToString().ToLowerInvariant());
        if (kb.Get(query) is { } byId) Add(byId, "id");
        var upper = query.ToUpperInvariant();
        if (upper.Length >= 3 && upper.All(char.IsAsciiLetter))
        {
            if (kb.Country(upper[..3]) is { } c && upper.Length == 3) Add(c, "code");
            foreach (var o in kb.Organizations.Where(o => o.Code == upper)) Add(o, "code");
            foreach (var p in kb.People.Where(p => p.Roles.Any(r => kb.CodeFor(r)?.Code == upper && r.End is null)).Take(limit)) Add(p, "code of a current role");
        }
        var folded = AliasKeys.FoldedKey(query);
        foreach (var e in kb.AllEntities())
        {
            if (hits.Count >= limit) break;
            if (e.Aliases.Any(a => AliasKeys.FoldedKey(a.Text).Contains(folded, StringComparison.Ordinal))) Add(e, "part of a name");
        }
        return hits.Take(limit).ToList();
    }

    public static string? CodeAt(KnowledgeBase kb, KbEntity e, DateOnly? date)
    {
        if (date is { } d) return kb.CodeFor(e, d)?.Code;
        if (e is KbPerson p)
        {
            var r = p.Roles.Where(r => r.End is null).OrderBy(r => r.Office is null ? 1 : 0).FirstOrDefault()
                ?? p.Roles.OrderByDescending(r => r.Start?.Earliest ?? DateOnly.MinValue).FirstOrDefault();
            return r is null ? null : kb.CodeFor(r)?.Code;
        }
        return kb.CodeFor(e, DateOnly.MaxValue)?.Code;
    }
}
