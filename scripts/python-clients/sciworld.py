"""Drives SciWorld served by `npm run serve` the way AgentGym's Python client does
(agentenv/envs/sciworld.py): POST /create with no body (the id comes back as {"id": n}),
POST /reset {"data_idx", "id"}, POST /step {"action", "id"} with the action cut after
"Action:", GET /observation?id=. A manual check (needs `requests`):
python3 scripts/python-clients/sciworld.py http://127.0.0.1:36001
"""
import sys

import requests

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:36001") + "/sciworld"

created = requests.post(f"{BASE}/create")
assert created.status_code == 200, created.text
env_id = created.json()["id"]


def post(path, data):
    res = requests.post(f"{BASE}/{path}", json={**data, "id": env_id})
    assert res.status_code == 200, (path, res.status_code, res.text)
    return res.json()


# Item 4: boil ice (the e2e's item); the client shows the description above the look-around.
reset = post("reset", {"data_idx": 4})
assert reset["task_name"] == "boil" and reset["var_num"] == 4, reset
first = reset["task_description"] + "\n" + reset["observation"]
assert first.startswith("Your task is to boil ice."), first
assert requests.get(f"{BASE}/observation", params={"id": env_id}).json() == reset["observation"]

reply = "Thought:\nthe ice is in the freezer.\n\nAction:\nopen door to kitchen"
out = post("step", {"action": reply.split("Action:")[1].strip()})
assert set(out) >= {"observation", "reward", "score", "done"} and out["done"] is False, out
for action in ["go to kitchen", "open freezer", "focus on ice", "pick up ice", "move ice to stove", "activate stove", "wait"]:
    out = post("step", {"action": action})
assert out["score"] == 100 and out["done"] is True, out
print(f"sciworld: env {env_id}, boil ice to score {out['score']}, done {out['done']}")

wrong = post("reset", {"data_idx": 4})
out = post("step", {"action": "focus on agent"})
assert out["score"] == -100 and out["done"] is True, out
print("ok")
