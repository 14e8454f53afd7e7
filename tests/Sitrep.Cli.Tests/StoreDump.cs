using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Sitrep.Cli.Tests;

/// <summary>A store's whole content as text, to compare two stores table by table.</summary>
internal static partial class StoreDump
{
    /// <summary>A clock that never moves: stores written with it have equal times.</summary>
    public sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// Every row of every table (but <paramref name="skipTables"/>), table by table in name order and rows in ordinal
    /// order, each headed by its table's row count. <paramref name="maskTimes"/> replaces times of day (ISO 8601 and
    /// GDELT's yyyyMMddHHmmss), for stores written by the CLI on the system clock.
    /// </summary>
    public static List<string> Rows(string db, bool maskTimes = false, params string[] skipTables)
    {
        SqliteConnection.ClearAllPools();
        var rows = new List<string>();
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        foreach (var table in tables.Except(skipTables, StringComparer.Ordinal))
        {
            var these = new List<string>();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var cells = new string[r.FieldCount];
                for (int i = 0; i < r.FieldCount; i++)
                    cells[i] = r.IsDBNull(i) ? "NULL" : r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!;
                var row = table + "\t" + string.Join('\t', cells);
                these.Add(maskTimes ? TimeOfDay().Replace(row, "TIME") : row);
            }
            these.Sort(StringComparer.Ordinal);
            rows.Add($"{table}: {these.Count} rows");
            rows.AddRange(these);
        }
        return rows;
    }

    /// <summary>Equal dumps, compared line by line so that a failure names the first row that differs.</summary>
    public static void AssertSame(List<string> expected, List<string> actual)
    {
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            Assert.Equal(expected[i], actual[i]);
        Assert.Equal(expected.Count, actual.Count);
    }

    [GeneratedRegex(@"\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[.0-9]*(Z|[+-]\d\d:\d\d)|20\d{12})\b")]
    private static partial Regex TimeOfDay();
}
