# Generates workers/envs/testdata/python-set.json with CPython 3.11 and PYTHONHASHSEED=0
# (run from the repo root: PYTHONHASHSEED=0 python3 workers/envs/testdata/python-set.gen.py).
import json, os, random, sys
assert sys.version_info[:2] == (3, 11), sys.version
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"
recipes = json.load(open("static-data/textcraft-agentgym.json"))["recipes"]
words = sorted({r[0].replace("_", " ") for r in recipes})
strings = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "craft 1 beacon using 1 nether star, 5 glass, 3 obsidian",
           "é", "naïve café", "\xff" * 17, "x" * 100] + words[:40]
rng = random.Random(11)
sets = []
for n in [1, 5, 6, 18, 19, 40, 77, 150, 300]:
    adds = [rng.choice(words) for _ in range(n)]  # duplicates on purpose
    s = set()
    for a in adds:
        s.add(a)
    sets.append({"adds": adds, "order": list(s)})
out = {"generator": "CPython " + sys.version.split()[0] + " PYTHONHASHSEED=0 (workers/envs/testdata/python-set.gen.py)",
       "hashes": [[s, str(hash(s))] for s in strings],
       "sets": sets}
json.dump(out, open("workers/envs/testdata/python-set.json", "w"))
