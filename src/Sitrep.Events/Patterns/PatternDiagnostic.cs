namespace Sitrep.Events.Patterns;

public enum PatternSeverity { Error, Warning }

/// <summary>A lint or load message with its place: <c>file:line: severity code: message</c>.</summary>
public sealed record PatternDiagnostic(PatternSeverity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == PatternSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
