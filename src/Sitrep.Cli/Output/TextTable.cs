using System.Globalization;
using System.Text;

namespace Sitrep.Cli.Output;

/// <summary>
/// A plain-text table laid out like Spectre's simple border (header, a rule, rows; columns two spaces apart), written
/// in one piece. The query commands print through it rather than through Spectre's renderer, whose first use costs
/// more start-up time than the query itself. Cells are never wrapped; widths count East Asian wide characters as two
/// columns and combining marks as none.
/// </summary>
internal sealed class TextTable
{
    private readonly List<(string Header, bool Right)> _columns = [];
    private readonly List<string[]> _rows = [];
    private readonly string? _title;

    public TextTable(string? title = null) => _title = title;

    public TextTable Column(string header, bool rightAligned = false)
    {
        _columns.Add((header, rightAligned));
        return this;
    }

    public void Row(params string[] cells)
    {
        if (cells.Length != _columns.Count) throw new ArgumentException($"A row has {cells.Length} cells for {_columns.Count} columns.", nameof(cells));
        var clean = new string[cells.Length];
        for (int i = 0; i < cells.Length; i++) clean[i] = OneLine(cells[i]);
        _rows.Add(clean);
    }

    public void Write(TextWriter writer, string? footer = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = new int[_columns.Count];
        for (int c = 0; c < widths.Length; c++) widths[c] = Width(_columns[c].Header);
        foreach (var row in _rows)
            for (int c = 0; c < widths.Length; c++) widths[c] = Math.Max(widths[c], Width(row[c]));
        int total = 1;
        foreach (var w in widths) total += w + 3;
        var sb = new StringBuilder((_rows.Count + 4) * (total + 1));
        if (_title is not null)
        {
            var title = OneLine(_title);
            sb.Append(' ', Math.Max(0, (total - Width(title)) / 2)).Append(title).Append('\n');
        }
        sb.Append('\n');
        var headers = new string[_columns.Count];
        var right = new bool[_columns.Count];
        for (int c = 0; c < headers.Length; c++) (headers[c], right[c]) = (_columns[c].Header, _columns[c].Right);
        Line(sb, widths, headers, right);
        sb.Append('─', total).Append('\n');
        foreach (var row in _rows) Line(sb, widths, row, right);
        sb.Append('\n');
        if (footer is not null) sb.Append(footer).Append('\n');
        writer.Write(sb.ToString());
        writer.Flush();
    }

    private static void Line(StringBuilder sb, int[] widths, string[] cells, bool[]? right)
    {
        int start = sb.Length;
        sb.Append(' ');
        for (int c = 0; c < widths.Length; c++)
        {
            var text = cells[c];
            int pad = widths[c] - Width(text);
            sb.Append(' ');
            if (right is not null && right[c]) sb.Append(' ', pad).Append(text);
            else sb.Append(text).Append(' ', pad);
            sb.Append("  ");
        }
        // No trailing blanks: the line ends with its last character.
        int end = sb.Length;
        while (end > start && sb[end - 1] == ' ') end--;
        sb.Length = end;
        sb.Append('\n');
    }

    /// <summary>Control characters (line breaks, tabs) become spaces: one row is one line.</summary>
    private static string OneLine(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\0', '\u001f')) return s;
        return string.Create(s.Length, s, static (span, src) =>
        {
            for (int i = 0; i < src.Length; i++) span[i] = src[i] < ' ' ? ' ' : src[i];
        });
    }

    /// <summary>Terminal columns taken by <paramref name="s"/>.</summary>
    internal static int Width(string s)
    {
        int width = 0;
        foreach (var r in s.EnumerateRunes())
        {
            if (r.Value < 0x300) { width++; continue; }
            var cat = Rune.GetUnicodeCategory(r);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            width += IsWide(r.Value) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);
}
