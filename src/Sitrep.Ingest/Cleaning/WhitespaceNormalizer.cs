using Sitrep.Core;

namespace Sitrep.Ingest.Cleaning;

/// <summary>Appends raw text to a <see cref="CleanTextBuilder"/> with whitespace runs folded to one space and invisible characters dropped.</summary>
public static class WhitespaceNormalizer
{
    /// <summary>
    /// Appends <paramref name="span"/> of <paramref name="raw"/>: leading/trailing whitespace is not appended,
    /// inner runs of white space (incl. no-break spaces and line breaks) become one space mapped to the run,
    /// zero-width and BOM characters are dropped. Returns the number of clean characters appended.
    /// </summary>
    public static int AppendFolded(CleanTextBuilder builder, string raw, TextSpan span)
    {
        int start = builder.Length;
        int i = span.Start, end = span.End;
        while (i < end && IsSpace(raw[i])) i++;
        while (end > i && IsSpace(raw[end - 1])) end--;
        int runStart = i;
        while (i < end)
        {
            char c = raw[i];
            if (IsSpace(c) || IsInvisible(c))
            {
                if (i > runStart) builder.Copy(new TextSpan(runStart, i));
                int ws = i;
                bool hasSpace = false;
                while (i < end && (IsSpace(raw[i]) || IsInvisible(raw[i])))
                {
                    hasSpace |= IsSpace(raw[i]);
                    i++;
                }
                if (hasSpace) builder.Append(" ", new TextSpan(ws, i));
                runStart = i;
            }
            else
            {
                i++;
            }
        }
        if (end > runStart) builder.Copy(new TextSpan(runStart, end));
        return builder.Length - start;
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0' or '\u2007' or '\u202F' or '\u3000' or '\u1680' or '\u2028' or '\u2029' || (c >= '\u2000' && c <= '\u200A');

    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
