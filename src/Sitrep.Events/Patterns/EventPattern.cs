using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Events.Patterns;

/// <summary>What part of speech a pattern's trigger is: a verb (VERB) or an event noun (NOUN).</summary>
public enum TriggerKind { Verb, Noun }

/// <summary>
/// One step of a dependency path from the trigger: a relation (<c>nsubj</c>, <c>obj</c>, <c>obl</c>, <c>nmod</c>,
/// <c>poss</c>, <c>xcomp</c>, <c>head</c>, <c>agent</c>, <c>*</c> for obl or nmod …) with an optional preposition
/// (<c>obl:to</c>); <see cref="Deep"/> searches the whole clause below the current token (<c>**:from</c>).
/// </summary>
public sealed record PathStep(string Relation, string? Preposition, bool Deep)
{
    public override string ToString() => (Deep ? "**" : Relation) + (Preposition is null ? "" : ":" + Preposition);
}

/// <summary>A dependency path from the trigger, steps separated by <c>&gt;</c> in the pattern files.</summary>
public sealed record ArgumentPath(ImmutableArray<PathStep> Steps)
{
    public override string ToString() => string.Join(">", Steps);
}

/// <summary>
/// A condition on the trigger's dependents: a token at <see cref="Path"/> (or, with <see cref="Subtree"/>, any token
/// below it in the same clause) has a lemma in <see cref="Words"/>; <see cref="Negative"/> forbids it instead.
/// </summary>
public sealed record PatternCondition(bool Negative, ArgumentPath Path, bool Subtree, FrozenSet<string> Words, string Text);

/// <summary>Pattern behaviours beyond source/target slots.</summary>
[Flags]
public enum PatternFlags
{
    None = 0,
    /// <summary>Reciprocal ("traded letters"): members of a compound source code events towards each other.</summary>
    Reciprocal = 1,
    /// <summary>A denial (CAMEO 016 and kin): the target is the accuser; the event links to the events alleged.</summary>
    Denial = 2,
    /// <summary>The event may stand without a source when only the target is named (agentless passives).</summary>
    TargetOnly = 4,
    /// <summary>The event codes only with a target: a visit or a hosting with no one visited or hosted is a journey, not an interaction.</summary>
    NeedsTarget = 8,
    /// <summary>The target is only what the target paths reach: no other actor of the phrase stands in ("said in a statement issued from Berlin").</summary>
    PathTargetOnly = 16,
}

/// <summary>
/// A verb or noun pattern: trigger lemma (with an optional particle, <c>take+over</c>), CAMEO code, source and
/// target paths tried in order, conditions, and its id and version; <see cref="Rule"/> is what events record.
/// </summary>
public sealed record EventPattern(
    string Id,
    int Version,
    string Code,
    TriggerKind Kind,
    string Lemma,
    string? Particle,
    ImmutableArray<ArgumentPath> Source,
    ImmutableArray<ArgumentPath> Target,
    ImmutableArray<PatternCondition> Conditions,
    PatternFlags Flags,
    string File,
    int Line)
{
    public string Rule => $"{Id}@{Version}";

    /// <summary>More conditions (and a particle) make a pattern more specific; the coder prefers the most specific match.</summary>
    public int Specificity => Conditions.Count(c => !c.Negative) * 2 + (Particle is null ? 0 : 1);
}
