# Throwaway-style recorder, kept for provenance: plays random Wordle games in-process with
# LMRL-Gym's own classes (abdulhaim/LMRL-Gym@83abeed, the commit AgentGym pins) the way AgentGym's
# server drives them, and writes lmrl-inprocess.jsonl. Run with CPython 3.11 from a folder holding
# LMRL-Gym's llm_rl_scripts/, tweet_words.txt, and two stubs: LLM_RL/environment.py (Text as a
# frozen dataclass(text, is_action), TextHistory, TextEnv) and termcolor.colored = identity.
import json, random, sys
sys.path.insert(0, '.')
from LLM_RL.environment import Text
from llm_rl_scripts.wordle.env.env import ReformatWordleEnvironment, WordleEnvironment
from llm_rl_scripts.wordle.env.game import Vocabulary
vocab_words = [w.strip() for w in open('tweet_words.txt') if len(w.strip()) == 5]
env = ReformatWordleEnvironment(WordleEnvironment(Vocabulary.from_file('tweet_words.txt')))
pick = random.Random(12345)
def variant(w):
    r = pick.random()
    if r < 0.6: return ' '.join(w)
    if r < 0.7: return w
    if r < 0.75: return w.upper()
    if r < 0.8: return '\t' + ' '.join(w) + ' \x1c'
    if r < 0.85: return ' '.join(w) + '\n'
    if r < 0.9: return pick.choice(['', 'hello', 'a b c', 'x x x x x', 'ｓｈｉｒｅ', 's  h i r e'])
    return ' '.join(pick.choice(['abcde', 'zzzzz', 'geese', 'eerie']))
out = open('lmrl-inprocess.jsonl', 'w')
for seed in range(500):
    env.reset(seed)
    actions, obs, rewards, dones = [], ["Let's start Wordle!"], [], []
    for _ in range(6):
        a = variant(pick.choice(vocab_words))
        ob, reward, done = env.step((Text('placeholder', False), Text(a, True)))
        if reward <= 0: reward += 1
        ob = ob[-1].text
        if len(ob.strip()) == 0: ob = 'invalid word'
        actions.append(a); obs.append(ob); rewards.append(reward); dones.append(done)
        if done: break
    out.write(json.dumps({'env': 'wordle', 'item': seed, 'goal': None, 'actions': actions, 'observations': obs, 'rewards': rewards, 'dones': dones, 'source': 'LMRL-Gym@83abeedb3a461c3d7d20572b73318a259d85f2ac in-process, CPython ' + sys.version.split()[0] + ', driven like agentenv-lmrlgym WordleEnv.step (not over HTTP)', 'extra': {'kind': 'random-forms', 'filtered_vocab_final': str(env.env.state.vocab).split('\n')}}) + '\n')
