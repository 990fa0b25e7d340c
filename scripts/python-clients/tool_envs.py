"""Drives the tool envs served by `npm run serve` the way AgentGym's Python tool clients do
(agentenv/envs/{weather,movie,academia,todo,sheet}.py): POST /create {"id": 0}, POST /reset
{"env_idx", "id"}, GET /observation, POST /step with the raw model output. A manual check
(needs `requests`): python3 scripts/python-clients/tool_envs.py http://127.0.0.1:36001
"""
import sys

import requests

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:36001"

# One model reply per env, as a model writes it: a thought, then the call.
CALLS = {
    "weather": 'Thought: find the city first.\nAction: get_user_current_date with Action Input: {}',
    "movie": 'Thought: look the film up.\nAction: get_search_movie with Action Input: {"movie_name": "Titanic"}',
    "academia": "Thought: load the graph.\nAction: loadPaperNet with Action Input: {}",
    "todo": "Thought: list the projects.\nAction: get_projects with Action Input: {}",
    "sheet": 'Thought: open it.\nAction: open_sheet with Action Input: {"name": "Sheet1"}',
}

for env, call in CALLS.items():
    base = f"{BASE}/{env}"
    env_idx = requests.post(f"{base}/create", json={"id": 0}).json()
    assert isinstance(env_idx, int), (env, env_idx)
    first = requests.post(f"{base}/reset", json={"env_idx": env_idx, "id": 1}).json()
    assert first.startswith("Now new trial starts.\nYou should perform actions to accomplish the goal: "), (env, first)
    assert requests.get(f"{base}/observation", params={"env_idx": env_idx}).json() == first
    out = requests.post(f"{base}/step", json={"env_idx": env_idx, "action": call}).json()
    assert set(out) == {"observation", "reward", "done"}, (env, out)
    assert out["observation"].startswith("Observation: ") and out["observation"].endswith("\nGive me one action."), (env, out)
    bad = requests.post(f"{base}/step", json={"env_idx": env_idx, "action": "no call here"}).json()
    assert isinstance(bad["reward"], (int, float)) and bad["done"] is False, (env, bad)
    again = requests.post(f"{base}/reset", json={"env_idx": env_idx, "id": None}).json()
    assert again == first, (env, again)
    print(f"{env}: env {env_idx}, reset {len(first)} chars, step -> {out['observation'][:70]!r}, reward {out['reward']}, done {out['done']}")
print("ok")
