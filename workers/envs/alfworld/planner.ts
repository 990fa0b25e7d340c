/**
 * A planner that plays from what an agent is shown, with no answer key: it reads the goal and
 * the receptacles from the intro, searches receptacles in the order the training games make
 * likely for the object it needs (priors.json), remembers what each description listed, and
 * takes, transforms and places as the task says. It proves the engine is playable and its texts
 * carry what a player needs (planner.test.ts). The oracle falls back on it where the walkthrough
 * is out of reach (oracle.ts): the walkthrough always fits AgentGym's 30 rounds, this search
 * sometimes needs up to 50 steps.
 */
import type { ObservationOracle } from '../contract.ts';
import { introReceptacles } from './texts.ts';

type Task =
  | { kind: 'place' | 'two'; obj: string; recep: string; verb: 'clean' | 'heat' | 'cool' | null }
  | { kind: 'look'; obj: string; lamp: string };

/** ALFWorld's goal templates (goal_library), most specific first. */
const TEMPLATES: [RegExp, (m: string[]) => Task][] = [
  [/^put a (clean|hot|cool) (\w+) in (\w+)$/, (m) => ({ kind: 'place', obj: m[2], recep: m[3], verb: ({ clean: 'clean', hot: 'heat', cool: 'cool' } as const)[m[1] as 'clean'] })],
  [/^(clean|heat|cool) some (\w+) and put it in (\w+)$/, (m) => ({ kind: 'place', obj: m[2], recep: m[3], verb: m[1] as 'clean' })],
  [/^(?:put|find) two (\w+) (?:in|and put them in) (\w+)$/, (m) => ({ kind: 'two', obj: m[1], recep: m[2], verb: null })],
  [/^put (?:a|some) (\w+) (?:in|on) (\w+)$/, (m) => ({ kind: 'place', obj: m[1], recep: m[2], verb: null })],
  [/^(?:look at|examine the) (\w+) (?:under|with) the (\w+)$/, (m) => ({ kind: 'look', obj: m[1], lamp: m[2] })],
];

const APPLIANCE = { clean: 'sinkbasin', heat: 'microwave', cool: 'fridge' } as const;

const typeOf = (name: string) => name.replace(/ \d+$/, '');

export class ObservationPlanner implements ObservationOracle {
  private task: Task | null = null;
  private receptacles: string[] = [];
  private here: string | null = null;
  private held: string | null = null;
  private done = false;
  /** What each seen receptacle holds; closed ones are absent until opened. */
  private readonly contents = new Map<string, string[]>();
  private readonly closed = new Set<string>();
  /** Objects already placed for a pick-two task (not to be picked again). */
  private readonly placed = new Set<string>();
  private last = '';

  constructor(private readonly priors: Readonly<Record<string, readonly string[]>>) {}

  next(observation: string): string {
    if (this.task === null) this.start(observation);
    else this.learn(observation);
    this.last = this.decide();
    return this.last;
  }

  private start(intro: string): void {
    this.receptacles = introReceptacles(intro);
    const goal = /\nYour task is to: (.*)\.$/.exec(intro)?.[1] ?? '';
    for (const [re, make] of TEMPLATES) {
      const m = re.exec(goal);
      if (m) {
        this.task = make(m);
        return;
      }
    }
    this.task = { kind: 'place', obj: '', recep: '', verb: null };
  }

  /** Update what we know from the answer to our last command. */
  private learn(obs: string): void {
    const [verb, ...rest] = this.last.split(' ');
    const target = rest.join(' ');
    if (verb === 'go' || verb === 'examine' || verb === 'open') {
      const r = verb === 'go' ? target.slice('to '.length) : target;
      // "go to" a receptacle at our own spot does nothing: we are already there, so look at it.
      if (obs === 'Nothing happens.') return void (this.here = r);
      this.here = r;
      if (obs.endsWith(' is closed.')) this.closed.add(r);
      const seen = /you see (.*)\.$/.exec(obs);
      if (seen) {
        this.closed.delete(r);
        this.contents.set(r, seen[1] === 'nothing' ? [] : seen[1].split(', ').map((s) => s.replace(/^(and )?a /, '')));
      }
    } else if (verb === 'take' && obs.startsWith('You pick up')) {
      const [o, r] = target.split(' from ');
      this.held = o;
      this.contents.set(r, (this.contents.get(r) ?? []).filter((x) => x !== o));
    } else if (verb === 'put' && obs.startsWith('You put')) {
      const [o, r] = target.split(' in/on ');
      this.contents.get(r)?.push(o);
      this.placed.add(o);
      this.held = null;
    } else if (['clean', 'heat', 'cool'].includes(verb) && obs.startsWith('You ')) {
      this.done = true;
    }
  }

  private decide(): string {
    const task = this.task!;
    if (task.kind === 'look') {
      if (this.held === null) return this.fetch(task.obj, () => true);
      const lampAt = this.whereIs((o) => typeOf(o) === task.lamp);
      if (!lampAt) return this.explore(task.lamp);
      if (this.here !== lampAt) return `go to ${lampAt}`;
      return `use ${this.contents.get(lampAt)!.find((o) => typeOf(o) === task.lamp)}`;
    }
    const goal = this.goalReceptacle(task.recep);
    if (this.held === null) {
      // Anything of the type not already where it must end up.
      return this.fetch(task.obj, (o, r) => !this.placed.has(o) && !(task.kind === 'two' && r === goal));
    }
    if (task.verb && !this.done) {
      const appliance = this.receptacles.find((r) => typeOf(r) === APPLIANCE[task.verb!])!;
      if (this.here !== appliance) return `go to ${appliance}`;
      return `${task.verb} ${this.held} with ${appliance}`;
    }
    if (this.here !== goal) return `go to ${goal}`;
    if (this.closed.has(goal)) return `open ${goal}`;
    this.done = false;
    return `put ${this.held} in/on ${goal}`;
  }

  /** The goal's receptacle: for two objects, one already holding one of them if seen. */
  private goalReceptacle(type: string): string {
    const all = this.receptacles.filter((r) => typeOf(r) === type);
    const task = this.task!;
    return all.find((r) => (this.contents.get(r) ?? []).some((o) => typeOf(o) === task.obj)) ?? all[0];
  }

  /** Go to, open and take an object of `type` from where one was seen, or search for one. */
  private fetch(type: string, wanted: (o: string, r: string) => boolean): string {
    for (const [r, list] of this.contents) {
      const o = list.find((x) => typeOf(x) === type && wanted(x, r));
      if (!o) continue;
      if (this.here !== r) return `go to ${r}`;
      return `take ${o} from ${r}`;
    }
    return this.explore(type);
  }

  private whereIs(match: (o: string) => boolean): string | undefined {
    return [...this.contents].find(([, list]) => list.some(match))?.[0];
  }

  /**
   * Open the closed receptacle we stand at (or look at one we reached without a description),
   * else go to the likeliest one not yet seen inside.
   */
  private explore(type: string): string {
    if (this.here && this.closed.has(this.here)) return `open ${this.here}`;
    if (this.here && !this.contents.has(this.here)) return `examine ${this.here}`;
    const order = this.priors[type] ?? [];
    const rank = (r: string) => (order.includes(typeOf(r)) ? order.indexOf(typeOf(r)) : order.length);
    const unseen = this.receptacles.filter((r) => !this.contents.has(r) && !(this.closed.has(r) && r === this.here));
    unseen.sort((a, b) => rank(a) - rank(b));
    return unseen.length ? `go to ${unseen[0]}` : 'look';
  }
}
