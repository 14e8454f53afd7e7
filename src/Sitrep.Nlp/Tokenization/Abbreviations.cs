namespace Sitrep.Nlp.Tokenization;

/// <summary>Abbreviations that keep their period (matched case-insensitively without it), and titles that never end a sentence.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "rep", "reps", "sen", "sens", "gov",
        "pres", "rev", "hon", "jr", "sr", "inc", "corp", "ltd", "bros", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
        "tues", "thurs", "approx", "dept", "univ", "assn", "atty", "supt", "messrs", "mme", "mlle", "pvt", "cpl", "brig", "lieut", "gens",
        "ariz", "calif", "colo", "conn", "fla", "okla", "tenn", "minn", "mich", "neb", "nev", "wyo", "wis", "u.s", "u.k", "u.n", "d.c",
        "a.m", "p.m", "e.g", "i.e", "cf", "esp", "govt",
    };

    // Abbreviations that are also ordinary words or names: kept only when capitalized and followed by a number or a capital.
    private static readonly HashSet<string> Conditional = new(StringComparer.Ordinal)
    {
        "St", "Co", "No", "Nos", "Mar", "Apr", "Jun", "Jul", "Sep", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mt", "Ft", "Ave",
        "Blvd", "Rd", "Fig", "Vol", "Pp", "Ca", "Al", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Mass", "Md", "Miss", "Mo", "Mont", "Ore",
        "Pa", "Tex", "Va", "Vt", "Wash", "Del", "Op", "Para", "Sq", "Dist", "Ph", "Est", "Univ", "Ste", "Sgts", "Mts",
    };

    // Titles and words that are followed by a name or number, so a period after them does not end the sentence.
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "rep", "reps", "sen", "sens",
        "gov", "pres", "rev", "hon", "messrs", "mme", "mlle", "pvt", "cpl", "brig", "lieut", "gens", "atty", "supt", "no", "nos", "vs",
        "fig", "vol", "pp", "cf", "e.g", "i.e", "mt", "ft", "op", "para",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConditionalLookup = Conditional.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsKnown(ReadOnlySpan<char> withoutPeriod) => KnownLookup.Contains(withoutPeriod);
    public static bool IsConditional(ReadOnlySpan<char> withoutPeriod) => ConditionalLookup.Contains(withoutPeriod);
    public static bool IsNeverFinal(ReadOnlySpan<char> withoutPeriod) => NeverFinalLookup.Contains(withoutPeriod);
}
