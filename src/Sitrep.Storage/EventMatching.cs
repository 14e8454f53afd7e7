using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Sitrep.Core;
using Sitrep.Events;

namespace Sitrep.Storage;

/// <summary>
/// How mentions of one event in different articles are recognised: same dyad (source and target codes, or the same
/// countries where one side is the bare country code), same
/// CAMEO root and polarity, dates within <see cref="WindowDays"/> days, then a score over the exact CAMEO code,
/// date proximity and the similarity of the evidence sentences (Jaccard of word 3-shingles).
/// </summary>
public static class EventMatching
{
    /// <summary>Dates this many days apart can still be the same event (reports lag, time zones, "on Tuesday").</summary>
    public const int WindowDays = 3;

    /// <summary>The score from which a mention joins an existing event.</summary>
    public const double Threshold = 0.6;

    /// <summary>
    /// Match score: 0.4 for the same CAMEO code, 0.2 for the same root (always true among candidates), 0.2 × date
    /// proximity (1 on the same day, falling to 0.25 at the window's edge; 0.5 when either date is coarser than a
    /// day), and 0.4 × text similarity. So the same code on dates within the window matches on its own; a different
    /// code of the same root needs evidence sentences that share at least half their shingles.
    /// </summary>
    public static double Score(bool sameCameo, DateOnly day, DateOnly dayEnd, DateOnly otherDay, DateOnly otherEnd, double similarity)
    {
        double proximity;
        if (day == dayEnd && otherDay == otherEnd)
        {
            int delta = Math.Abs(day.DayNumber - otherDay.DayNumber);
            proximity = delta > WindowDays ? 0 : 1 - (double)delta / (WindowDays + 1);
        }
        else proximity = 0.5;
        return (sameCameo ? 0.4 : 0) + 0.2 + 0.2 * proximity + 0.4 * similarity;
    }

    /// <summary>Denials and negations are a different claim from the event itself: they never merge with it.</summary>
    public static int Polarity(Modality m) => m is Modality.Denied or Modality.Negated ? 0 : 1;

    /// <summary>The day range a TIMEX3 value covers (see <see cref="TimexDays.Range"/>).</summary>
    public static (DateOnly Start, DateOnly End)? DayRange(string? value) => TimexDays.Range(value);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseIso(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Sorted distinct 64-bit hashes of the lower-cased word 3-shingles of <paramref name="text"/> (the words themselves when fewer than three).</summary>
    public static ulong[] Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) words.Add(text[start..i].ToLowerInvariant());
        }
        var set = new SortedSet<ulong>();
        if (words.Count < 3)
        {
            foreach (var w in words) set.Add(Hash(w));
        }
        else
        {
            for (int k = 0; k + 2 < words.Count; k++) set.Add(Hash(string.Concat(words[k], " ", words[k + 1], " ", words[k + 2])));
        }
        return [.. set];
    }

    private static ulong Hash(string s) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(s.AsSpan()));

    /// <summary>Jaccard similarity of two sorted distinct sets.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 0 && b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

    public static byte[] ToBlob(ulong[] shingles)
    {
        var blob = new byte[shingles.Length * 8];
        for (int i = 0; i < shingles.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(i * 8), shingles[i]);
        return blob;
    }

    public static ulong[] FromBlob(byte[] blob)
    {
        var values = new ulong[blob.Length / 8];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(blob.AsSpan(i * 8));
        return values;
    }

    /// <summary>The country or organization part of an actor code: its country when known, else its first three letters.</summary>
    public static string CodeRoot(string? code, string? country) =>
        country is { Length: > 0 } ? country : code is null ? "" : code.Length > 3 ? code[..3] : code;
}
