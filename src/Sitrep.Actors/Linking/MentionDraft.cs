using Sitrep.Core;

namespace Sitrep.Actors.Linking;

/// <summary>What a draft mention still needs from coreference.</summary>
internal enum Pending { None, Surname, Title, Pronoun, Pair }

/// <summary>A mention being built: the linker fills what the phrase itself says, coreference fills the rest.</summary>
internal sealed class MentionDraft
{
    public TextSpan Span;
    public int First, Count, Head, Sentence;
    public string? ActorId;
    public string Name = "";
    public string Code = "";
    public string? Country;
    public string? Sector;
    public string? Role;
    public ActorKind Kind;
    public string Resolution = "";
    /// <summary>Order among members sharing a span ("Russia and North Korea" as one phrase).</summary>
    public int Member;

    public Pending Pending;
    /// <summary>Lowercased pronoun, title head noun or surname for coreference.</summary>
    public string? Key;
    /// <summary>For title mentions: the lowercased words before the head ("national security council").</summary>
    public string? TitleModifiers;
    /// <summary>A titled person of an organization the KB does not know ("NASA spokesman Allard Beutel"): no country from the sentence.</summary>
    public bool OfUnknownOrganization;
    public bool Plural;
    /// <summary>An entity inside a phrase about something else ("the Ukraine war").</summary>
    public bool Inner;
    public bool IsSubject;
    public bool IsPossessor;
    public bool SpeechSubject;
    /// <summary>Person gender from the pronoun ("he": m) or unknown.</summary>
    public char Gender;
    public MentionDraft? Antecedent;
    public int Chain = -1;
    /// <summary>A linked person's surname aliases, for later surname-only mentions.</summary>
    public string[] Surnames = [];

    public bool Resolved => Code.Length > 0;

    public void CopyFrom(MentionDraft a, string resolution)
    {
        ActorId = a.ActorId;
        Name = a.Name;
        Code = a.Code;
        Country = a.Country;
        Sector = a.Sector;
        Role ??= a.Role;
        if (Kind is ActorKind.Agent or ActorKind.Other) Kind = a.Kind;
        Resolution = resolution;
        Antecedent = a.Antecedent ?? a;
        Surnames = a.Surnames;
    }

    public ActorMention ToMention() =>
        new(Span, First, Count, Head, ActorId, Name, Code, Country, Sector, Role, Kind, Chain, Resolution);
}
