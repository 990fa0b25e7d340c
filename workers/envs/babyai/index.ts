import type { EnvModule, HttpReplyShape } from '../contract.ts';
import { BabyAIEnv } from './babyai.ts';

const withScore: HttpReplyShape = (r) => ({ observation: r.observation, reward: r.reward, score: r.total, done: r.done });

export const module: EnvModule = {
  create: () => new BabyAIEnv(),
  http: {
    resetField: 'data_idx',
    createResets: false,
    // AgentGym's BabyAI client reads the running "score" from every reset and step reply.
    replies: { reset: withScore, step: withScore },
  },
};
