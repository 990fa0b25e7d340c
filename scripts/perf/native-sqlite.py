"""Times BIRD's gold queries in native SQLite, as AgentGym runs them (Python's sqlite3, read-only).

Reads {"static": dir, "reps": n, "queries": [[db_id, sql], ...]} on stdin; prints
{"version": ..., "ms": [[run, ...], ...]} (one list of `reps` run times per query) on stdout.
"""
import json
import sqlite3
import sys
import time

job = json.load(sys.stdin)
connections = {}
times = []
for db_id, sql in job["queries"]:
    if db_id not in connections:
        connections[db_id] = sqlite3.connect(f"file:{job['static']}/bird/{db_id}.sqlite?mode=ro", uri=True)
    cursor = connections[db_id].cursor()
    runs = []
    for _ in range(job["reps"]):
        began = time.perf_counter()
        cursor.execute(sql)
        cursor.fetchall()
        runs.append((time.perf_counter() - began) * 1000)
    times.append(runs)
print(json.dumps({"version": sqlite3.sqlite_version, "ms": times}))
