namespace Sitrep.Actors.Kb;

/// <summary>
/// A CAMEO-style actor code built from three-letter parts: a country or international type first (RUS, IGO, IMG),
/// then an organization or region (UNO, WSTNAT), then a sector (GOV, MIL) and an optional second one.
/// <c>new ActorCode("RUS", "GOV").Code</c> is "RUSGOV"; <c>ActorCode.Country("PRK").Code</c> is "PRK".
/// </summary>
public sealed record ActorCode(string Root, string? Sector = null, string? Organization = null, string? Secondary = null)
{
    public string Code => Root + Organization + Sector + Secondary;

    public static ActorCode Country(string country, string? sector = null) => new(country, sector);

    /// <summary>Splits a code using the known sector codes; other parts after the root form the organization part.</summary>
    public static ActorCode Parse(string code, IReadOnlySet<string> sectors)
    {
        if (code.Length < 3 || code.Length % 3 != 0) throw new FormatException($"An actor code is made of three-letter parts: '{code}'.");
        string? sector = null, secondary = null, org = null;
        for (var i = 3; i < code.Length; i += 3)
        {
            var part = code.Substring(i, 3);
            if (sectors.Contains(part))
            {
                if (sector is null) sector = part;
                else secondary = (secondary ?? "") + part;
            }
            else if (sector is null) org += part;
            else secondary = (secondary ?? "") + part;
        }
        return new ActorCode(code[..3], sector, org, secondary);
    }

    /// <summary>The country part, or null for international codes.</summary>
    public string? CountryCode(IReadOnlySet<string> internationalTypes) => internationalTypes.Contains(Root) ? null : Root;

    public override string ToString() => Code;
}
