# Generates agentgym-inprocess.json: AgentGym's own TextCraft code (agentenv-textcraft at
# WooooDyy/AgentGym@3ef9235, unmodified) run in-process under CPython 3.11 with PYTHONHASHSEED=0,
# reading the vendored recipe files (scripts/data/agentgym/textcraft-recipes.json) in their
# recorded listing order. Run from the repo root:
#   PYTHONHASHSEED=0 python3 workers/envs/textcraft/testdata/agentgym-inprocess.gen.py <AgentGym>/agentenv-textcraft
# gymnasium is stubbed (TextCraftEnv only calls gym.Env.reset(seed), which touches numpy's RNG).
import hashlib, io, json, os, random, sys, types
assert sys.version_info[:2] == (3, 11), sys.version
assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"
gym = types.ModuleType("gymnasium")
class Env:
    def __class_getitem__(cls, item): return cls
    def reset(self, seed=None): pass
gym.Env = Env
sys.modules["gymnasium"] = gym
pkg = types.ModuleType("agentenv_textcraft")  # skip __init__ (it imports the FastAPI server)
pkg.__path__ = [os.path.join(sys.argv[1], "agentenv_textcraft")]
sys.modules["agentenv_textcraft"] = pkg
import agentenv_textcraft.crafting_tree as ct
from agentenv_textcraft.environment import TextCraftEnv

files = json.load(open("scripts/data/agentgym/textcraft-recipes.json"))["files"]
ct.os = types.SimpleNamespace(listdir=lambda p: list(files), path=os.path)
ct.open = lambda p, *a, **k: io.StringIO(json.dumps(files[os.path.basename(p)]))
sys.stdout, real_stdout = io.StringIO(), sys.stdout  # the tree prints while it works
tree = ct.CraftingTree(minecraft_dir="agentenv_textcraft/")
env = TextCraftEnv(tree, None, None)
resets = [hashlib.sha256(env.reset(data_idx=i)[0].encode()).hexdigest()[:16] for i in range(546)]

# Random play: a shown command, often preceded by gets of its ingredients at its counts, a tag
# swapped for a member item, now and then a count off by one; plus inventory, look and junk.
def member(name):
    tag = "minecraft:" + name.replace(" ", "_")
    items = sorted(tree.get_items_with_tags(tag)) if tree.is_tag(tag) else []
    return rng.choice(items).replace("minecraft:", "").replace("_", " ") if items else name

JUNK = ["inventory", "look", "get 1 planks", "craft 1 stick using 2 oak planks", "craft 4 oak planks using 1 oak logs",
        "get 99999999999999999999 dirt", "craft planks using 1 oak logs", "craft 1 stick using  2 planks , 1 x", "jump"]
rng = random.Random(2024)
episodes = []
for item in rng.sample(range(544), 40):
    obs = env.reset(data_idx=item)[0]
    lines = obs.split("\n\n")[0].split("\n")[1:]
    actions = []
    while len(actions) < 14:
        if rng.random() < 0.2:
            actions.append(rng.choice(JUNK))
            continue
        out, ins = rng.choice(lines).split(" using ")
        parts = [p.split(" ", 1) for p in ins.split(", ")]
        parts = [[n, member(x) if rng.random() < 0.8 else x] for n, x in parts]
        if rng.random() < 0.7:
            actions += ["get {} {}".format(n, x) for n, x in parts]
        if rng.random() < 0.15:
            parts[0][0] = str(int(parts[0][0]) + rng.choice([-1, 1]))
        actions.append(out + " using " + ", ".join(n + " " + x for n, x in parts))
    steps = [list(env.step(a)[:3]) for a in actions]
    episodes.append({"item": item, "actions": actions, "steps": steps})
sys.stdout = real_stdout
json.dump({"generator": "AgentGym@3ef9235 agentenv-textcraft in-process, CPython " + sys.version.split()[0] + ", PYTHONHASHSEED=0 (agentgym-inprocess.gen.py)",
           "resetSha256": resets, "episodes": episodes}, open("workers/envs/textcraft/testdata/agentgym-inprocess.json", "w"))
