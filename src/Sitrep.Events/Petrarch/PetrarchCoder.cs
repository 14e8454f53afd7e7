using System.Collections.Immutable;
using Sitrep.Actors.Petrarch;
using Sitrep.Core;
using Sitrep.Nlp;

namespace Sitrep.Events.Petrarch;

/// <summary>
/// An event coded with a PETRARCH verb dictionary: source and target codes as PETRARCH writes them ("---GOV" for an
/// agent without a country), the event code from the dictionary, the sentence, the verb token and its span, and the
/// rule (block and pattern line, or the block's default).
/// </summary>
public sealed record PetrarchEvent(int Sentence, int Verb, TextSpan Trigger, string Source, string Target, string Code, string Rule);

/// <summary>
/// Codes events the way PETRARCH's dictionaries describe them, over Sitrep's dependency parse instead of a Treebank
/// parse. For each verb found in the verb dictionary (by its form, else its lemma; multi-word verbs by their
/// neighbouring words) it tries the block's patterns — the words before "*" against the sentence before the verb,
/// those after against the verb's own phrase (its dependency subtree, not crossing into coordinated or subordinate
/// clauses) — and takes the longest that matches, else the verb's default code. Source: "$" in the pattern, else the
/// verb's subject (through "to"-infinitives, coordinated verbs and pronoun subjects of reported clauses), or the
/// "by" agent of a passive. Target: "+" in the pattern, else the first noun phrase after the verb that has an
/// actor. Actors come from the PETRARCH actor dictionaries on the document's date, composed with agents ("Gondor's
/// government" → GONGOV; "human rights activists of Amnesty International" → NGMOPP; an agent alone → "---GOV");
/// coordinated phrases give one event per actor. "%" marks a compound: before the verb its members act on each other,
/// after it they are the targets. A paired code "[a:b]" gives the event and its reverse. Events need both a source
/// and a target, as in PETRARCH's output. Sentences holding a discard phrase give none.
/// </summary>
public sealed class PetrarchCoder
{
    private readonly PetrarchActorIndex _actors;

    public PetrarchVerbDictionary Verbs { get; }
    public PetrarchDiscards Discards { get; }

    public PetrarchCoder(PetrarchVerbDictionary verbs, IEnumerable<PetrarchActorDictionary> actors, IEnumerable<PetrarchAgentDictionary> agents, PetrarchDiscards? discards = null)
    {
        Verbs = verbs;
        Discards = discards ?? PetrarchDiscards.Empty;
        _actors = new PetrarchActorIndex(actors, agents);
    }

    /// <summary>Actor and agent phrases indexed.</summary>
    public int PhraseCount => _actors.Count;

    public ImmutableArray<PetrarchEvent> Code(Document document)
    {
        if (!document.Has(NlpLayers.Tokens) || !document.Has(NlpLayers.Sentences)) return [];
        var text = document.Text.Text;
        var tokens = document.Get(NlpLayers.Tokens);
        var sentences = document.Get(NlpLayers.Sentences);
        DateOnly? date = document.Metadata.Published?.Date;
        var parsed = sentences.Select(s => new PetrarchSentence(text, tokens, s.FirstToken, s.FirstToken + s.TokenCount)).ToList();
        // A story discard phrase anywhere discards the whole story.
        foreach (var s in parsed)
            if (Discards.Find(Words(s)) is { Story: true }) return [];
        var result = ImmutableArray.CreateBuilder<PetrarchEvent>();
        for (var i = 0; i < parsed.Count; i++)
        {
            if (Discards.Find(Words(parsed[i])) is not null) continue;
            new SentenceCoder(this, parsed[i], i, date).Code(result);
        }
        return result.ToImmutable();
    }

    private static List<string> Words(PetrarchSentence s)
    {
        var w = new List<string>(s.To - s.From);
        for (var i = s.From; i < s.To; i++) w.Add(s.Upper(i));
        return w;
    }

    /// <summary>An actor phrase of the sentence: tokens [Start, End), its head and its codes (several for a compound).</summary>
    private sealed record Phrase(int Start, int End, int Head, ImmutableArray<string> Codes);

    private sealed class SentenceCoder
    {
        /// <summary>Dependents that belong to a noun phrase's own words (not its prepositional phrases or clauses).</summary>
        private static readonly HashSet<string> CoreRelations = new(StringComparer.Ordinal)
        {
            "compound", "flat", "flat:name", "flat:foreign", "amod", "det", "det:predet", "det:poss", "nummod", "nmod:poss",
            "fixed", "goeswith", "nmod:desc", "list", "nmod:npmod", "obl:npmod",
        };

        /// <summary>Prepositions whose phrase can supply an agent's or an empty head's actor ("officials in Arnor", "an attack by Osgiliath soldiers").</summary>
        private static readonly HashSet<string> ActorPrepositions = new(StringComparer.Ordinal) { "OF", "IN", "FROM", "BY", "AT" };

        private readonly PetrarchCoder _coder;
        private readonly PetrarchSentence _s;
        private readonly int _index;
        private readonly List<PetrarchHit> _hits;
        private readonly Dictionary<int, ImmutableArray<string>> _npCodes = [];
        private readonly List<Phrase> _phrases = [];
        private readonly List<(int Start, int End)> _nps = [];

        public SentenceCoder(PetrarchCoder coder, PetrarchSentence s, int index, DateOnly? date)
        {
            _coder = coder;
            _s = s;
            _index = index;
            _hits = coder._actors.Find(s, date);
            for (var h = s.From; h < s.To; h++)
            {
                if (!IsNpHead(h)) continue;
                var core = Core(h);
                var start = core.Min();
                var end = core.Max() + 1;
                _nps.Add((start, end));
                var codes = NpCodes(h);
                if (codes.IsEmpty) continue;
                // A compound phrase spans its conjuncts.
                foreach (var c in Conjuncts(h)) end = Math.Max(end, Core(c).Max() + 1);
                _phrases.Add(new Phrase(start, end, h, codes));
            }
        }

        public void Code(ImmutableArray<PetrarchEvent>.Builder result)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var v = _s.From; v < _s.To; v++)
            {
                if (!_s.IsVerb(v)) continue;
                foreach (var e in CodeVerb(v))
                    if (seen.Add($"{e.Source}|{e.Target}|{e.Code}")) result.Add(e);
            }
        }

        private IEnumerable<PetrarchEvent> CodeVerb(int v)
        {
            var candidates = Candidates(v);
            if (candidates.Count == 0) yield break;
            var lower = LowerRegion(v);
            // The best pattern over all candidate blocks: the heaviest, then the first in the file.
            (PetrarchPattern P, PetrarchVerbBlock B, Match M)? best = null;
            foreach (var (block, verb, vs, ve) in candidates)
            {
                foreach (var p in block.Patterns)
                {
                    if (p.Code.IsMarker) continue;
                    if (best is { } b0 && (p.Weight < b0.P.Weight || (p.Weight == b0.P.Weight && p.Line >= b0.P.Line))) continue;
                    var m = new Match();
                    if (!MatchAfter(p.After, 0, lower, LowerStart(lower, ve), m)) continue;
                    var mm = m.Clone();
                    if (!MatchBefore(p.Before, p.Before.Length - 1, vs, mm)) continue;
                    best = (p, block, mm);
                }
            }
            PetrarchEventCode code;
            string rule;
            Match match;
            var (_, firstVerb, _, _) = candidates[0];
            if (best is { } b)
            {
                code = b.P.Code;
                rule = $"{b.B.Name}@{b.P.Line}";
                match = b.M;
            }
            else
            {
                var withCode = candidates.FirstOrDefault(c => !(c.Verb.Code ?? c.Block.Code).IsNull);
                if (withCode.Block is null) yield break;
                code = withCode.Verb.Code ?? withCode.Block.Code;
                rule = $"{withCode.Block.Name}@{withCode.Verb.Line}";
                match = new Match();
            }
            if (code.IsNull) yield break;

            var trigger = _s.Token(v).Span;
            if (match.Compound is { } compound && match.CompoundBeforeVerb)
            {
                // "% HAVE * [191]": the members of the compound act on each other.
                var members = compound.Codes;
                for (var i = 0; i < members.Length; i++)
                    for (var j = i + 1; j < members.Length; j++)
                    {
                        if (code.Primary is { } a) { yield return Event(v, trigger, members[i], members[j], a, rule); if (code.Secondary is null) yield return Event(v, trigger, members[j], members[i], a, rule); }
                        if (code.Secondary is { } r) yield return Event(v, trigger, members[j], members[i], r, rule);
                    }
                yield break;
            }

            var passive = IsPassive(v);
            var sources = match.Source?.Codes ?? (passive && ByAgent(v) is { } agent ? NpCodes(agent) : SubjectCodes(v));
            ImmutableArray<string> targets;
            if (match.Target is { } t) targets = t.Codes;
            else if (match.Compound is { } c2) targets = c2.Codes;
            else if (passive && match.Source is null && ByAgent(v) is not null) targets = SubjectCodes(v);
            else targets = FirstActorAfter(v, lower, match.Source);
            if (match.Target is not null && match.Source is null && targets.SequenceEqual(sources))
                sources = HigherSubjectCodes(v); // "NOTED + * [115]": the target is the clause's subject; the source is the noter.

            if (targets.IsEmpty && sources.Length >= 2 && code.Secondary is not null)
            {
                // "Gondor and Osgiliath have renewed diplomatic ties [064:064]": a paired code between the members.
                for (var i = 0; i < sources.Length; i++)
                    for (var j = i + 1; j < sources.Length; j++)
                    {
                        if (code.Primary is { } a) yield return Event(v, trigger, sources[i], sources[j], a, rule);
                        yield return Event(v, trigger, sources[j], sources[i], code.Secondary, rule);
                    }
                yield break;
            }
            foreach (var s in sources)
                foreach (var tg in targets)
                {
                    if (s == tg) continue;
                    if (code.Primary is { } a) yield return Event(v, trigger, s, tg, a, rule);
                    if (code.Secondary is { } r) yield return Event(v, trigger, tg, s, r, rule);
                }
        }

        private PetrarchEvent Event(int v, TextSpan trigger, string source, string target, string code, string rule) =>
            new(_index, v, trigger, source, target, code, rule);

        /// <summary>Verb entries for token v with the span of the (multi-word) verb; multi-word verbs that match win over single words.</summary>
        private List<(PetrarchVerbBlock Block, PetrarchVerb Verb, int Start, int End)> Candidates(int v)
        {
            var list = new List<(PetrarchVerbBlock, PetrarchVerb, int, int)>();
            var byForm = _coder.Verbs.ByForm(_s.Upper(v));
            var entries = byForm.Count > 0 ? byForm : _coder.Verbs.ByLemma(_s.Lemma(v));
            var multi = false;
            foreach (var (block, verb) in entries)
            {
                int start = v, end = v + 1;
                var ok = true;
                for (var i = verb.Before.Length - 1; i >= 0 && ok; i--)
                {
                    start--;
                    ok = start >= _s.From && _s.Upper(start) == verb.Before[i];
                }
                foreach (var w in verb.After)
                {
                    if (!ok) break;
                    ok = end < _s.To && _s.Upper(end) == w;
                    end++;
                }
                if (!ok) continue;
                var isMulti = verb.Before.Length + verb.After.Length > 0;
                if (isMulti && !multi) { list.Clear(); multi = true; }
                if (multi && !isMulti) continue;
                list.Add((block, verb, start, end));
            }
            return list;
        }

        // ---- Regions and pattern matching ----

        /// <summary>Tokens of the verb's phrase after it: its subtree, without coordinated verbs and subordinate clauses, in order.</summary>
        private List<int> LowerRegion(int v)
        {
            var result = new List<int>();
            var stack = new Stack<int>();
            stack.Push(v);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                if (t > v) result.Add(t);
                foreach (var c in _s.Children(t))
                {
                    if (c == v) continue;
                    var rel = _s.Deprel(c);
                    if (t == v && (rel is "parataxis" or "nsubj" or "nsubj:pass" or "csubj" || (rel == "conj" && _s.IsVerb(c)) || (rel.StartsWith("advcl", StringComparison.Ordinal) && !InfinitiveClause(c)))) continue;
                    if (rel is "acl:relcl" or "parataxis") continue;
                    stack.Push(c);
                }
            }
            result.Sort();
            return result;
        }

        private bool InfinitiveClause(int c)
        {
            foreach (var m in _s.Children(c)) if (_s.Deprel(m) == "mark" && _s.Upper(m) != "TO") return false;
            return true;
        }

        private static int LowerStart(List<int> lower, int verbEnd)
        {
            var i = lower.BinarySearch(verbEnd);
            return i >= 0 ? i : ~i;
        }

        private sealed class Match
        {
            public Phrase? Source;
            public Phrase? Target;
            public Phrase? Compound;
            public bool CompoundBeforeVerb;

            public Match Clone() => new() { Source = Source, Target = Target, Compound = Compound, CompoundBeforeVerb = CompoundBeforeVerb };
        }

        /// <summary>Elements after the verb against the lower region from index i; adjacent elements must take the next token.</summary>
        private bool MatchAfter(ImmutableArray<PetrarchElement> els, int k, List<int> region, int i, Match m)
        {
            if (k == els.Length) return true;
            var e = els[k];
            var last = e.Adjacent || k == 0 && e.Adjacent ? i : region.Count - 1;
            for (var at = i; at <= last && at < region.Count; at++)
            {
                foreach (var (next, phrase) in MatchForward(e, region, at))
                {
                    var saved = m.Clone();
                    Assign(m, e, phrase, false);
                    if (MatchAfter(els, k + 1, region, next, m)) return true;
                    Restore(m, saved);
                }
            }
            return false;
        }

        /// <summary>One element at region[at]; the region index after it, and the actor phrase it took.</summary>
        private IEnumerable<(int Next, Phrase? Phrase)> MatchForward(PetrarchElement e, List<int> region, int at)
        {
            var tok = region[at];
            switch (e.Kind)
            {
                case PetrarchElementKind.Words:
                case PetrarchElementKind.Synset:
                    foreach (var words in Alternatives(e))
                        if (MatchRegionWords(words, region, at) is var n && n > 0) yield return (n, null);
                    break;
                case PetrarchElementKind.Skip:
                    // "^" skips the rest of the noun phrase it lands in ("THEIR ^ ABOUT": "their [Ent populations] about").
                    foreach (var (st, en) in _nps)
                        if (st <= tok && tok < en) yield return (IndexAfter(region, en), null);
                    break;
                default:
                    foreach (var p in _phrases)
                        if (p.Start == tok || (p.Start == tok + 1 && _s.Upos(tok) is "DET"))
                            if (e.Kind != PetrarchElementKind.Compound || p.Codes.Length >= 2) yield return (IndexAfter(region, p.End), p);
                    break;
            }
        }

        private static int IndexAfter(List<int> region, int tokenEnd)
        {
            var i = region.BinarySearch(tokenEnd);
            return i >= 0 ? i : ~i;
        }

        /// <summary>Consecutive words from region[at] (consecutive in the region); the index after them, or -1.</summary>
        private int MatchRegionWords(ImmutableArray<string> words, List<int> region, int at)
        {
            var i = at;
            foreach (var w in words)
            {
                if (i >= region.Count) return -1;
                var end = _s.MatchWord(w, region[i]);
                if (end < 0) return -1;
                i = IndexAfter(region, end);
            }
            return i;
        }

        /// <summary>Elements before the verb, nearest first (index k down to 0), against the sentence before token end (exclusive).</summary>
        private bool MatchBefore(ImmutableArray<PetrarchElement> els, int k, int end, Match m)
        {
            if (k < 0) return true;
            var e = els[k];
            var lowest = e.Adjacent ? end : _s.From + 1;
            for (var at = end; at >= lowest && at > _s.From; at--)
            {
                foreach (var (start, phrase) in MatchBackward(e, at))
                {
                    var saved = m.Clone();
                    Assign(m, e, phrase, true);
                    if (MatchBefore(els, k - 1, start, m)) return true;
                    Restore(m, saved);
                }
            }
            return false;
        }

        /// <summary>One element ending just before token `end`; its first token and the actor phrase it took.</summary>
        private IEnumerable<(int Start, Phrase? Phrase)> MatchBackward(PetrarchElement e, int end)
        {
            switch (e.Kind)
            {
                case PetrarchElementKind.Words:
                case PetrarchElementKind.Synset:
                    foreach (var words in Alternatives(e))
                        for (var st = Math.Max(_s.From, end - words.Length - 3); st < end; st++)
                            if (_s.MatchWords(words, st) == end) yield return (st, null);
                    break;
                case PetrarchElementKind.Skip:
                    foreach (var (st, en) in _nps)
                        if (en == end) yield return (st, null);
                    break;
                default:
                    foreach (var p in _phrases)
                        if (p.End == end && (e.Kind != PetrarchElementKind.Compound || p.Codes.Length >= 2)) yield return (p.Start, p);
                    break;
            }
        }

        private static void Assign(Match m, PetrarchElement e, Phrase? p, bool before)
        {
            if (p is null) return;
            switch (e.Kind)
            {
                case PetrarchElementKind.Source: m.Source = p; break;
                case PetrarchElementKind.Target: m.Target = p; break;
                case PetrarchElementKind.Compound: m.Compound = p; m.CompoundBeforeVerb = before; break;
            }
        }

        private static void Restore(Match m, Match saved)
        {
            m.Source = saved.Source;
            m.Target = saved.Target;
            m.Compound = saved.Compound;
            m.CompoundBeforeVerb = saved.CompoundBeforeVerb;
        }

        /// <summary>The word sequences an element stands for: its words, or every member of its synonym set (nested sets expanded).</summary>
        private IEnumerable<ImmutableArray<string>> Alternatives(PetrarchElement e)
        {
            if (e.Kind == PetrarchElementKind.Words) { yield return e.Words; yield break; }
            foreach (var m in Expand(e.Synset!, 0)) yield return m;
        }

        private IEnumerable<ImmutableArray<string>> Expand(string synset, int depth)
        {
            if (depth > 4 || !_coder.Verbs.Synsets.TryGetValue(synset, out var members)) yield break;
            foreach (var m in members)
            {
                if (m.Length == 1 && m[0].StartsWith('&'))
                {
                    foreach (var x in Expand(m[0][1..], depth + 1)) yield return x;
                }
                else if (!m.Any(w => w.StartsWith('&'))) yield return m;
            }
        }

        // ---- Actors ----

        private bool IsNpHead(int h)
        {
            if (!_s.IsNominal(h)) return false;
            var head = _s.Head(h);
            return !(CoreRelations.Contains(_s.Deprel(h)) && head >= 0 && (_s.IsNominal(head) || _s.Upos(head) is "PRON"));
        }

        /// <summary>The head's own words: itself and its core dependents, recursively.</summary>
        private List<int> Core(int h)
        {
            var result = new List<int>();
            var stack = new Stack<int>();
            stack.Push(h);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                result.Add(t);
                foreach (var c in _s.Children(t))
                {
                    var rel = _s.Deprel(c);
                    if (CoreRelations.Contains(rel) || (rel == "case" && _s.Upper(c) is "'S" or "'") || (rel == "nmod" && Preposition(c) is null && _s.IsNominal(c)))
                        stack.Push(c);
                }
            }
            result.Sort();
            return result;
        }

        private string? Preposition(int t)
        {
            foreach (var c in _s.Children(t)) if (_s.Deprel(c) == "case" && _s.Upper(c) is not ("'S" or "'")) return _s.Upper(c);
            return null;
        }

        private List<int> Conjuncts(int h)
        {
            var list = new List<int>();
            var stack = new Stack<int>();
            stack.Push(h);
            while (stack.Count > 0 && list.Count < 32)
            {
                var t = stack.Pop();
                foreach (var c in _s.Children(t))
                    if (_s.Deprel(c) == "conj" && _s.IsNominal(c) && !list.Contains(c)) { list.Add(c); stack.Push(c); }
            }
            list.Sort();
            return list;
        }

        private sealed record CoreInfo(ImmutableArray<string> Actors, List<PetrarchAgent> Agents, List<PetrarchAgent> PreAgents, bool Former);

        private CoreInfo Info(int h)
        {
            var core = Core(h);
            var set = core.ToHashSet();
            ImmutableArray<string> actors = [];
            var agents = new List<PetrarchAgent>();
            var pre = new List<PetrarchAgent>();
            foreach (var hit in _hits)
            {
                if (!set.Contains(hit.Start)) continue;
                if (hit.Agent is { } g) { agents.Add(g); if (hit.End <= h) pre.Add(g); }
                else if (actors.IsEmpty && !hit.Codes.IsEmpty) actors = hit.Codes;
            }
            // "Eriadori and Calenardhon leaders": modifiers coordinated inside the phrase are actors of it too.
            if (!actors.IsEmpty)
                foreach (var t in core)
                {
                    if (t == h) continue;
                    foreach (var c in _s.Children(t))
                    {
                        if (_s.Deprel(c) != "conj") continue;
                        var cc = Core(c).ToHashSet();
                        if (_hits.FirstOrDefault(x => x.IsActor && !x.Codes.IsEmpty && cc.Contains(x.Start)) is { } extra)
                            actors = [.. actors, .. extra.Codes.Where(x => !actors.Contains(x))];
                    }
                }
            var former = core.Any(t => _s.Upper(t) == "FORMER");
            return new CoreInfo(actors, agents, pre, former);
        }

        /// <summary>Codes of the noun phrase headed by h with its conjuncts, memoised.</summary>
        private ImmutableArray<string> NpCodes(int h)
        {
            if (_npCodes.TryGetValue(h, out var cached)) return cached;
            _npCodes[h] = []; // guards against cycles in a malformed parse
            var heads = new List<int> { h };
            heads.AddRange(Conjuncts(h));
            var infos = heads.Select(Info).ToList();
            var pps = heads.Select(PpActors).ToList();
            var codes = new List<string>();
            for (var i = 0; i < heads.Count; i++)
            {
                var info = infos[i];
                if (!info.Actors.IsEmpty)
                {
                    foreach (var a in info.Actors) codes.Add(Compose(a, info.Agents, info.Former));
                    continue;
                }
                var pp = pps[i];
                if (pp.IsEmpty && info.Agents.Count > 0)
                {
                    // "Lawmakers and officials in Fornost": a conjunct's phrase; "Danish media and government": the first conjunct's actor.
                    pp = pps.FirstOrDefault(x => !x.IsEmpty);
                    if (pp.IsDefaultOrEmpty && i > 0 && !infos[0].Actors.IsEmpty)
                    {
                        foreach (var a in infos[0].Actors) codes.Add(Compose(a, [.. infos[0].PreAgents, .. info.Agents], info.Former));
                        continue;
                    }
                }
                if (!pp.IsDefaultOrEmpty)
                {
                    foreach (var a in pp) codes.Add(info.Agents.Count > 0 ? Compose(a, info.Agents, info.Former) : a);
                    continue;
                }
                if (info.Agents.Count > 0) codes.Add(Compose("---", info.Agents, info.Former));
            }
            var result = codes.Distinct(StringComparer.Ordinal).ToImmutableArray();
            _npCodes[h] = result;
            return result;
        }

        /// <summary>Actors of the head's "of/in/from/by/at" phrases, the first that has any.</summary>
        private ImmutableArray<string> PpActors(int h)
        {
            foreach (var c in _s.Children(h))
            {
                if (_s.Deprel(c) is not ("nmod" or "obl") || !_s.IsNominal(c)) continue;
                if (Preposition(c) is not { } p || !ActorPrepositions.Contains(p)) continue;
                var codes = NpCodes(c).Where(x => !x.StartsWith("---", StringComparison.Ordinal)).ToImmutableArray();
                if (!codes.IsEmpty) return codes;
            }
            return [];
        }

        /// <summary>An actor's code with agents: suffixes in order ("ARN" + "~GOV"), prefixes in front ("NGO~"); a part already in the code is not repeated; "former" makes an elite (ELI).</summary>
        private static string Compose(string actor, IReadOnlyList<PetrarchAgent> agents, bool former)
        {
            if (former) return actor + "ELI";
            var code = actor;
            var prefix = "";
            foreach (var g in agents)
            {
                var part = g.Part.Trim();
                if (part.Length == 0) continue;
                if (g.IsPrefix) { if (!HasPart(prefix, part)) prefix += part; continue; }
                if (!HasPart(code, part)) code += part;
            }
            return prefix + code;
        }

        /// <summary>Whether a code already holds a part, read in CAMEO's three-letter steps ("USAGOV" holds "GOV"; "GMWGOV" does not hold "WGO").</summary>
        private static bool HasPart(string code, string part)
        {
            for (var i = 0; i + part.Length <= code.Length; i += 3)
                if (string.CompareOrdinal(code, i, part, 0, part.Length) == 0) return true;
            return false;
        }

        private bool IsPassive(int v)
        {
            foreach (var c in _s.Children(v)) if (_s.Deprel(c) is "nsubj:pass" or "aux:pass") return true;
            return false;
        }

        private int? ByAgent(int v)
        {
            foreach (var c in _s.Children(v))
                if ((_s.Deprel(c) is "obl:agent" || (_s.Deprel(c) == "obl" && Preposition(c) == "BY")) && _s.IsNominal(c)) return c;
            return null;
        }

        /// <summary>The subject's codes: the verb's own subject, else the controller's through xcomp or the first conjunct's; a pronoun subject of a reported clause is the reporter.</summary>
        private ImmutableArray<string> SubjectCodes(int v)
        {
            var t = v;
            for (var guard = 0; guard < 12 && t >= 0; guard++)
            {
                // Every subject: a parse may split "Mordor, Rohan, Fornost and Bree" into two.
                var subjects = _s.Children(t).Where(c => _s.Deprel(c) is "nsubj" or "nsubj:pass").ToList();
                if (subjects.Count == 0)
                {
                    // A name the tagger took for a verb ("Pyongyang on Thursday fired"): a clausal subject that is an actor.
                    foreach (var c in _s.Children(t))
                        if (_s.Deprel(c) is "csubj" && _hits.Any(h => h.Start == c && h.IsActor)) subjects.Add(c);
                }
                if (subjects.Count > 0)
                {
                    if (subjects.All(sj => _s.Upos(sj) == "PRON"))
                    {
                        if (_s.Deprel(t) is "ccomp" && _s.Head(t) >= 0) { t = _s.Head(t); continue; }
                        return [];
                    }
                    return [.. subjects.Where(sj => _s.Upos(sj) != "PRON").SelectMany(sj => NpCodes(sj)).Distinct(StringComparer.Ordinal)];
                }
                var rel = _s.Deprel(t);
                var head = _s.Head(t);
                if (head < 0) return [];
                if (rel is "xcomp" or "ccomp") { t = head; continue; }
                // A coordinated verb shares the first verb's subject, unless it is a passive whose own subject is missing.
                if (rel == "conj" && _s.IsVerb(t) && (!IsPassive(t) || IsPassive(head))) { t = head; continue; }
                return [];
            }
            return [];
        }

        private ImmutableArray<string> HigherSubjectCodes(int v)
        {
            var t = v;
            while (t >= 0 && _s.Deprel(t) is not ("ccomp" or "xcomp" or "advcl" or "conj")) t = _s.Head(t);
            return t >= 0 && _s.Head(t) >= 0 ? SubjectCodes(_s.Head(t)) : [];
        }

        /// <summary>The first noun phrase after the verb in its phrase that has actor codes, with its conjuncts.</summary>
        private ImmutableArray<string> FirstActorAfter(int v, List<int> lower, Phrase? source)
        {
            foreach (var t in lower)
            {
                if (!_s.IsNominal(t)) continue;
                if (source is not null && t >= source.Start && t < source.End) continue;
                // A conjunct or a modifier speaks for its phrase ("Eriadori and Calenardhon leaders").
                var h = t;
                for (var guard = 0; guard < 8; guard++)
                {
                    var up = _s.Head(h);
                    if (up < 0 || up == v || !_s.IsNominal(up)) break;
                    if (_s.Deprel(h) == "conj" || (!IsNpHead(h) && CoreRelations.Contains(_s.Deprel(h)))) h = up;
                    else break;
                }
                if (!IsNpHead(h) || h <= v && h != t) continue;
                var codes = NpCodes(h);
                if (!codes.IsEmpty) return codes;
            }
            return [];
        }
    }
}
