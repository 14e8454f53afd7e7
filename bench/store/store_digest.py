"""A store's content as one sha256: every row of every table (times of day masked, rows sorted), so two stores that
hold the same documents, analyses and merged events have the same digest whenever and wherever they were written."""
import hashlib, re, sqlite3

TIME = re.compile(r"\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[.0-9]*(Z|[+-]\d\d:\d\d)|20\d{12})\b")


def digest(db, skip=()):
    """(sha256 hex, sentences, documents) of the store at db, leaving out the tables named in skip."""
    c = sqlite3.connect(db)
    h = hashlib.sha256()
    for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        if t in skip:
            continue
        rows = sorted(TIME.sub("TIME", "\t".join(v.hex() if isinstance(v, bytes) else repr(v) for v in r)) for r in c.execute(f'SELECT * FROM "{t}"'))
        h.update(f"{t}:{len(rows)}\n".encode())
        h.update("\n".join(rows).encode())
    sentences = c.execute("SELECT count(*) FROM sentences").fetchone()[0]
    docs = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    c.close()
    return h.hexdigest(), sentences, docs
