namespace Sitrep.Actors.Kb;

public enum KbSeverity { Error, Warning }

/// <summary>A problem found while loading or linting the KB, located at file:line.</summary>
public sealed record KbDiagnostic(KbSeverity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == KbSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Stable lint codes (documented in data/kb/FORMAT.md).</summary>
public static class KbCodes
{
    public const string Syntax = "KB001";          // not valid YAML, or not the expected shape
    public const string UnknownKey = "KB002";      // a key the format does not define (typo guard)
    public const string Missing = "KB003";         // a required field is missing or empty
    public const string BadValue = "KB004";        // wrong type or malformed value
    public const string BadDate = "KB005";         // not YYYY, YYYY-MM or YYYY-MM-DD
    public const string DuplicateId = "KB010";
    public const string UnknownCountry = "KB011";
    public const string UnknownOrg = "KB012";
    public const string BadCameo = "KB013";        // a code not composed of codebook codes
    public const string EndBeforeStart = "KB014";
    public const string OfficeOverlap = "KB015";   // two holders of a single-holder office at once
    public const string AliasCollision = "KB016";  // warning: one alias, several entities
    public const string UnknownSector = "KB017";
    public const string OverlayWithoutBase = "KB018"; // a hand overlay entry for a country the generated table lacks
    public const string NoRoles = "KB019";         // a person without roles
    public const string DuplicateAlias = "KB020";  // warning: the same alias twice on one entity
}

/// <summary>Thrown by <see cref="KnowledgeBase.Load(string)"/> when the KB has errors; the message lists the first ones.</summary>
public sealed class KbException(string message, IReadOnlyList<KbDiagnostic> diagnostics) : Exception(message)
{
    public IReadOnlyList<KbDiagnostic> Diagnostics { get; } = diagnostics;
}
