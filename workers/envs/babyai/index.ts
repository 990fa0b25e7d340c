import type { EnvSpec, HttpReplyShape } from '../contract.ts';
import { BabyAIEnv } from './babyai.ts';
import { LEVELS } from './levels.ts';
import { evalSplit } from '../splits.ts';

const instruction = `You are an agent in a grid world of rooms joined by doors, and you must accomplish the goal you are given. Each round you get an observation of what lies in front of you; answer with your reasoning and one action.

Actions you can use (objects and doors are named as in the observation, with their number):
- turn left
- turn right
- move forward
- go to <obj> <id>: walk up to a visible object or door and face it.
- pickup <obj> <id>: walk up to a visible object and pick it up (your hands must be empty).
- drop: put down what you carry on the cell in front of you.
- go through <door> <id>: walk onto an open door.
- toggle and go through <door> <id>: open a closed or locked door and step into it. A locked door opens only if you carry a key of its colour.
- toggle: open the closed or locked door right in front of you.
- check available actions: list the actions possible now.

Answer in this format:
Thought:
<your reasoning>

Action:
<one action>`;

/** Items per level: data_idx // 40 is the seed, so 100 seeds of each of the 40 levels. */
const SEEDS = 100;

const withScore: HttpReplyShape = (r) => ({ observation: r.observation, reward: r.reward, score: r.total, done: r.done });

export const babyai: EnvSpec = {
  id: 'babyai',
  title: 'BabyAI',
  summary: 'Follow a mission in rooms with doors, keys, balls and boxes, seeing only a 7x7 patch ahead.',
  agentgym: true,
  instruction,
  instructionReply: "OK. I'll follow your instructions and try my best to solve the task.",
  itemCount: LEVELS.length * SEEDS,
  // AgentEval's babyai ids live only in its Hugging Face file; we take the first 90 indices with a
  // known solution within 20 rounds (0-95 without 25, 36, 38, 39, 65 and 77: see eval-splits.json).
  evalItems: evalSplit('babyai'),
  maxRounds: 20,
  dataVersion: 'babyai-2',
  extractAction(reply) {
    // As AgentGym's client: a trailing "</s>" is cut with five characters (one more than its
    // length), then the text between the first and a second "Action:" is the action.
    const text = reply.endsWith('</s>') ? reply.slice(0, -5) : reply;
    const parts = text.split('Action:');
    return { action: (parts.length > 1 ? parts[1] : parts[0]).trim() };
  },
  isSuccess: (reward) => reward > 0,
  create: () => new BabyAIEnv(),
  http: {
    resetField: 'data_idx',
    createResets: false,
    // AgentGym's BabyAI client reads the running "score" from every reset and step reply.
    replies: { reset: withScore, step: withScore },
  },
};
