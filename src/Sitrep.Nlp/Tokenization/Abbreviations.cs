namespace Sitrep.Nlp.Tokenization;

/// <summary>Abbreviations that keep their period (matched case-insensitively without it), and titles that never end a sentence.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "rep", "reps", "sen", "sens", "gov", "pres",
        "rev", "hon", "st", "jr", "sr", "inc", "corp", "ltd", "co", "bros", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "no", "nos", "mt", "ft", "ave",
        "blvd", "rd", "dept", "univ", "approx", "est", "fig", "vol", "pp", "ca", "cf", "al", "assn", "atty", "gov", "supt", "messrs", "mme",
        "mlle", "sgt", "pvt", "cpl", "brig", "lieut", "gens", "rep", "ariz", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
        "kan", "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
        "vt", "wash", "wis", "wyo", "ph", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "op", "para", "sq", "esp", "dist",
    };

    // Titles and words that are followed by a name or number, so a period after them does not end the sentence.
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "rep", "reps", "sen", "sens",
        "gov", "pres", "rev", "hon", "messrs", "mme", "mlle", "pvt", "cpl", "brig", "lieut", "gens", "atty", "supt", "no", "nos", "vs",
        "fig", "vol", "pp", "cf", "e.g", "i.e", "mt", "ft", "op", "para",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsKnown(ReadOnlySpan<char> withoutPeriod) => KnownLookup.Contains(withoutPeriod);
    public static bool IsNeverFinal(ReadOnlySpan<char> withoutPeriod) => NeverFinalLookup.Contains(withoutPeriod);
}
