# Generates workers/envs/testdata/python-random.json with CPython 3.11 (run from the repo root).
import json, random, sys
assert sys.version_info[:2] == (3, 11), sys.version
seeds = [0, 1, 42, 12345, -7, 2**32, 2**40 + 3, 2**100 + 5, "hello", "", "héllo wörld", "x" * 300]
cases = []
for s in seeds:
    r = random.Random(s)
    c = {"seed": str(s) if isinstance(s, int) else None, "strSeed": s if isinstance(s, str) else None}
    c["random"] = [r.random() for _ in range(5)]
    c["getrandbits"] = [[k, str(r.getrandbits(k))] for k in [0, 1, 7, 31, 32, 33, 53, 64, 100, 200]]
    c["randbelow"] = [[n, r._randbelow(n)] for n in [1, 2, 3, 5, 100, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**52 + 9, 2**53 - 1]]
    c["randrange"] = [[a, r.randrange(*a)] for a in [(10,), (3, 100), (3, 100, 7), (10, -10, -3), (-5, 5, 2), (0, 1)]]
    c["randint"] = [r.randint(1, 6) for _ in range(8)]
    c["choice"] = [r.choice(list(range(50))) for _ in range(5)]
    x = list(range(20)); r.shuffle(x); c["shuffle"] = x
    c["sample"] = [[n, k, r.sample(range(n), k)] for n, k in [(10, 4), (30, 5), (21, 3), (22, 3), (80, 10), (100, 10), (1000, 300), (5, 5), (5, 0)]]
    c["after"] = r.random()
    cases.append(c)
ref = random.Random((0x456 << 96) | (0x345 << 64) | (0x234 << 32) | 0x123)
out = {"generator": "CPython " + sys.version.split()[0] + " (workers/envs/testdata/python-random.gen.py, see python-random.test.ts)",
       "cases": cases,
       "mt19937arKeyFirst": [ref.getrandbits(32) for _ in range(10)]}
json.dump(out, open("workers/envs/testdata/python-random.json", "w"))
