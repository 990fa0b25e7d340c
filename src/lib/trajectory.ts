/**
 * AgentTraj-style JSONL: one line per episode, `{ item_id, conversations, reward, success }` as in
 * AgentGym's trajectory files, plus `outcome` (how the episode ended: success, failure, truncated
 * by the round limit, stopped, error or unfinished; derived for records older than the field),
 * `x_episode` (our full record) so an import is lossless, and `x_run` on the first line of a run
 * export. Nothing here holds API keys: records never do.
 */
import type { AgentFormat } from '../../workers/envs/contract.ts';
import { requireEnv } from '../../workers/envs/registry.ts';
import { conversationOf } from './agent/conversation.ts';
import { checkEpisode } from './episode-check.ts';
import { obj, ValidationError } from './check.ts';
import { resultOf } from './outcome.ts';
import type { EpisodeRecord } from './records.ts';
import type { RunRecord } from './bench/types.ts';
import { checkRun } from './bench/run-check.ts';

export interface Turn {
  from: 'human' | 'gpt';
  loss: boolean | null;
  value: string;
}

/** AgentGym's conversation for an episode, as the model saw it: only the agent's replies are trained on. */
export function conversation(ep: EpisodeRecord, format: AgentFormat): Turn[] {
  const { messages, pinned } = conversationOf(format, ep);
  const opening = messages.at(pinned)?.content === ep.initialObservation ? pinned + 1 : pinned;
  return messages.map((m, i) => (m.role === 'user' ? { from: 'human', loss: null, value: m.content } : { from: 'gpt', loss: i >= opening, value: m.content }));
}

export async function toJsonl(episodes: readonly EpisodeRecord[], run?: RunRecord): Promise<string> {
  const envs = [...new Set(episodes.map((e) => e.env))];
  const formats = new Map(await Promise.all(envs.map(async (id) => [id, await requireEnv(id).format()] as const)));
  return episodes
    .map((ep, i) =>
      JSON.stringify({
        item_id: ep.itemId,
        conversations: conversation(ep, formats.get(ep.env)!),
        reward: ep.finalReward,
        success: ep.success ? 1 : 0,
        outcome: resultOf(ep),
        x_episode: ep,
        ...(run && i === 0 ? { x_run: run } : {}),
      }),
    )
    .join('\n') + '\n';
}

export interface Imported {
  episodes: EpisodeRecord[];
  run: RunRecord | null;
}

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Parse and validate a JSONL export; throws a ValidationError naming the line and field. */
export function parseJsonl(text: string): Imported {
  if (text.length > MAX_IMPORT_BYTES) throw new ValidationError(`File too large (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
  const episodes: EpisodeRecord[] = [];
  let run: RunRecord | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ValidationError(`Line ${i + 1} is not valid JSON`);
    }
    const o = obj(value, `line ${i + 1}`);
    if (o.x_episode === undefined) {
      throw new ValidationError(`Line ${i + 1} has no x_episode: only files exported by agentgym-web can be imported`);
    }
    episodes.push(checkEpisode(o.x_episode, `line ${i + 1}.x_episode`));
    if (o.x_run !== undefined) run = checkRun(o.x_run, `line ${i + 1}.x_run`);
  }
  if (episodes.length === 0) throw new ValidationError('The file holds no episodes');
  return { episodes, run };
}
