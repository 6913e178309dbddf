"""Open a `dyad export --format parquet` file with DuckDB, a standard tool that never saw
dyad's code, and check its columns, types and rows against the CSV export of the same
store. Used by .ci/run; needs `pip install duckdb`.

Usage: python3 scripts/check-parquet.py EVENTS.parquet EVENTS.csv
"""

import csv
import sys

import duckdb

parquet_path, csv_path = sys.argv[1], sys.argv[2]
con = duckdb.connect()
columns = con.execute(
    "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
    [parquet_path],
).fetchall()
names = [c[0] for c in columns]
types = dict(columns)
with open(csv_path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert names == list(rows[0].keys()), f"columns differ from the CSV export: {names}"
assert types["id"] == "BIGINT" and types["goldstein"] == "DOUBLE", types
assert types["quad_class"] == "INTEGER" and types["cameo"] == "VARCHAR", types

got = con.execute(
    "SELECT id, cameo, source, coalesce(target, ''), quad_class, goldstein FROM read_parquet(?) ORDER BY id",
    [parquet_path],
).fetchall()
want = sorted(
    (int(r["id"]), r["cameo"], r["source"], r["target"], int(r["quad_class"]), float(r["goldstein"]))
    for r in rows
)
assert len(got) == len(want) > 0, (len(got), len(want))
assert [tuple(g) for g in got] == want, "Parquet rows differ from the CSV rows"
print(f"{parquet_path}: {len(got)} events, {len(names)} columns, same as the CSV export")
