using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Storage;

/// <summary>
/// One prepared statement driven through SQLite's C API: positional binds (<c>?1</c>, <c>?2</c>, …) and one step per
/// row. Used for the many small rows of a document's layers, where Microsoft.Data.Sqlite's per-command work (a
/// reader per execution, parameters looked up by name, values boxed) cost more than SQLite's own inserts. It runs on
/// the store's connection, so it is inside whatever transaction or savepoint that connection has open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        int rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK)
        {
            _stmt.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        ParameterCount = raw.sqlite3_bind_parameter_count(_stmt);
    }

    public int ParameterCount { get; }

    /// <summary>Binds an integer, or NULL for null.</summary>
    public SqliteStatement Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_stmt, index, v) : raw.sqlite3_bind_null(_stmt, index));

    public SqliteStatement Bind(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_stmt, index, v) : raw.sqlite3_bind_null(_stmt, index));

    /// <summary>Binds text, or NULL for null.</summary>
    public SqliteStatement Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text(_stmt, index, value));

    public SqliteStatement BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_stmt, index, value));

    /// <summary>Runs a statement that returns no rows, then resets it for the next (bindings are kept until rebound).</summary>
    public void Execute()
    {
        int rc = raw.sqlite3_step(_stmt);
        try
        {
            // Before the reset, while SQLite still holds the message of this error.
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Runs a query and hands each row's first column, as text, to <paramref name="row"/>.</summary>
    public void ForEachText(Action<string> row)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
                row(raw.sqlite3_column_text(_stmt, 0).utf8_to_string());
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Runs a query; its first row's first column as an integer, or null when there is no row or it is NULL.</summary>
    public long? QueryInt64()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
                return raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, 0);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private SqliteStatement Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        return this;
    }

    public void Dispose() => _stmt.Dispose();
}
