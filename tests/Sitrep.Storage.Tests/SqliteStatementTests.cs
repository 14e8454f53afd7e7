using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Storage.Tests;

public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, note TEXT, data BLOB)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private List<object[]> Rows()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, name, score, note, data FROM t ORDER BY id";
        using var r = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (r.Read())
        {
            var row = new object[5];
            r.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Binds_every_type_and_null_and_keeps_bindings_across_rows()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t(id, name, score, note, data) VALUES (?1, ?2, ?3, ?4, ?5)");
        Assert.Equal(5, insert.ParameterCount);
        insert.Bind(2, "Ünïcode – Pyongyang").Bind(3, 2.5).Bind(4, (string?)null).BindBlob(5, new byte[] { 0, 1, 255 });
        insert.Bind(1, 1).Execute();
        insert.Bind(1, 2).Bind(3, (double?)null).Bind(4, "second").Execute(); // ?2 and ?5 keep their values

        var rows = Rows();
        Assert.Equal(2, rows.Count);
        Assert.Equal([1L, "Ünïcode – Pyongyang", 2.5, DBNull.Value, new byte[] { 0, 1, 255 }], rows[0]);
        Assert.Equal([2L, "Ünïcode – Pyongyang", DBNull.Value, "second", new byte[] { 0, 1, 255 }], rows[1]);
    }

    [Fact]
    public void A_constraint_error_throws_with_sqlites_message_and_the_statement_stays_usable()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t(id, name) VALUES (?1, ?2)");
        insert.Bind(1, 1).Bind(2, "a").Execute();
        var duplicate = Assert.Throws<SqliteException>(() => insert.Bind(1, 1).Bind(2, "b").Execute());
        Assert.Contains("UNIQUE constraint failed: t.id", duplicate.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<SqliteException>(() => insert.Bind(1, 2).Bind(2, (string?)null).Execute());
        Assert.Contains("NOT NULL constraint failed: t.name", missing.Message, StringComparison.Ordinal);

        insert.Bind(1, 3).Bind(2, "c").Execute();
        Assert.Equal([1L, 3L], Rows().Select(r => (long)r[0]));
    }

    [Fact]
    public void Bad_sql_throws_when_prepared()
    {
        var e = Assert.Throws<SqliteException>(() => new SqliteStatement(_connection, "INSERT INTO missing_table VALUES (?1)"));
        Assert.Contains("no such table: missing_table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_give_integers_nulls_and_text_rows_and_can_run_again()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t(id, name, note) VALUES (?1, ?2, ?3)");
        insert.Bind(1, 1).Bind(2, "x").Bind(3, (string?)null).Execute();
        insert.Bind(1, 2).Bind(2, "y").Bind(3, "n").Execute();

        using var count = new SqliteStatement(_connection, "SELECT count(*) FROM t WHERE name >= ?1");
        Assert.Equal(2, count.Bind(1, "x").QueryInt64());
        Assert.Equal(1, count.Bind(1, "y").QueryInt64());
        using var none = new SqliteStatement(_connection, "SELECT id FROM t WHERE id = ?1");
        Assert.Null(none.Bind(1, 9).QueryInt64());
        using var nullColumn = new SqliteStatement(_connection, "SELECT max(score) FROM t");
        Assert.Null(nullColumn.QueryInt64());

        using var names = new SqliteStatement(_connection, "SELECT name FROM t WHERE id >= ?1 ORDER BY id");
        var seen = new List<string>();
        names.Bind(1, 1).ForEachText(seen.Add);
        names.Bind(1, 2).ForEachText(seen.Add);
        Assert.Equal(["x", "y", "y"], seen);
    }

    [Fact]
    public void Writes_inside_the_connections_transaction_and_are_rolled_back_with_it()
    {
        using var insert = new SqliteStatement(_connection, "INSERT INTO t(id, name) VALUES (?1, ?2)");
        using (var tx = _connection.BeginTransaction())
        {
            insert.Bind(1, 1).Bind(2, "rolled back").Execute();
            tx.Rollback();
        }
        using (var tx = _connection.BeginTransaction())
        {
            insert.Bind(1, 2).Bind(2, "kept").Execute();
            tx.Commit();
        }
        Assert.Equal("kept", Assert.Single(Rows())[1]);
    }
}
