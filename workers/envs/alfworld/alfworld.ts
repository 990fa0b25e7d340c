/** The ALFWorld env as AgentGym's server runs it: one game per reset, 50 steps, reward 1 on a win. */
import type { DataSource, Env, StepResult, TextPicture } from '../contract.ts';
import { pyStrip } from '../python-str.ts';
import { noteReset } from './episodes.ts';
import { roomPicture } from './picture.ts';
import type { GameRecord, MetaRecord } from './record.ts';
import { NOTHING_HAPPENS } from './texts.ts';
import { World } from './world.ts';

/** TextWorld's step limit under AgentGym's config (training_method: dagger); every step counts. */
export const MAX_STEPS = 50;

export class AlfWorldEnv implements Env {
  private world: World | null = null;
  private steps = 0;
  private last = '';
  private readonly missing: ReadonlySet<number>;
  private readonly canContain: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly data: DataSource,
    meta: MetaRecord,
  ) {
    this.missing = new Set(meta.missing);
    this.canContain = new Map(Object.entries(meta.canContain).map(([r, os]) => [r, new Set(os)]));
  }

  async reset(index: number): Promise<string> {
    if (this.missing.has(index)) {
      throw new Error(`ALFWorld item ${index} is a training game missing from the game files we build from (239 of AgentGym's 2,420 training games are); choose another item`);
    }
    const game = await this.data.json<GameRecord>(`alfworld/games/${index}.json`);
    this.world = new World(game, this.canContain);
    this.steps = 0;
    this.last = this.world.intro();
    noteReset(this.last, { task: game.task, walkthrough: game.walkthrough });
    return this.last;
  }

  step(action: string): StepResult {
    const world = this.requireWorld();
    // AgentGym's server strips the action; the command must then match exactly.
    const feedback = world.run(pyStrip(action));
    this.steps++;
    this.last = feedback ?? NOTHING_HAPPENS;
    const won = world.won();
    const truncated = !won && this.steps >= MAX_STEPS;
    return {
      observation: this.last,
      reward: won ? 1 : 0,
      done: won,
      truncated,
      info: {
        valid: feedback !== null,
        ...(feedback === null ? { hint: 'Not one of the admissible commands (they must match exactly).' } : {}),
        // AgentGym's step reply carries both; our HTTP reply reads them from here.
        available_actions: world.commands(),
        truncated,
      },
    };
  }

  observation(): string {
    return this.last;
  }

  availableActions(): string[] {
    return this.world ? this.world.commands() : [];
  }

  picture(): TextPicture | null {
    return this.world ? roomPicture(this.world) : null;
  }

  detail(): Record<string, unknown> {
    const world = this.requireWorld();
    return { task_type: world.game.task, steps: this.steps, won: world.won() };
  }

  private requireWorld(): World {
    if (!this.world) throw new Error('Call reset before step.');
    return this.world;
  }
}
