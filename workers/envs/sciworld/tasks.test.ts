import { describe, expect, it } from 'vitest';
import { JavaRandom } from './java-random.ts';
import { Uuids, type SwObject } from './objects.ts';
import { makeTaskObjects, randomCup, SUBSTANCES } from './tasks.ts';
import { Maker } from './world.ts';

/** TaskMaker1 as ScienceWorld runs it: every mode's objects made, one mode's kept. */
function makeEverything(m: Maker, variation: number, mode: string): (SwObject | null)[] {
  const rng = new JavaRandom(variation);
  const out: (SwObject | null)[] = [];
  for (const md of ['changestate', 'melt', 'boil', 'freeze']) {
    const cup = () => randomCup(m, rng.nextInt(7));
    for (const s of SUBSTANCES) {
      const made = s.make ? s.make(m, cup) : null;
      if (md === mode) out.push(made);
    }
    m.heater('stove', 'stove', 260, ['stove']);
  }
  return out;
}

const tree = (o: SwObject | null): unknown => (o ? [o.uuid, o.name, o.contents.map(tree)] : null);

describe('matter task objects', () => {
  it('take the same uuids whichever cup a draw picks', () => {
    const uuids = Array.from({ length: 7 }, (_, i) => {
      const m = new Maker(new Uuids());
      randomCup(m, i);
      return m.ids.taken;
    });
    expect(new Set(uuids).size).toBe(1);
  });

  it('are the objects, uuids and cups of making every mode, for every variation and mode', () => {
    for (const mode of ['changestate', 'melt', 'boil', 'freeze'] as const) {
      for (let v = 0; v < 30; v++) {
        const skipping = new Maker(new Uuids(), v);
        const full = new Maker(new Uuids(), v);
        expect(makeTaskObjects(skipping, v, mode).map(tree), `${mode} ${v}`).toEqual(makeEverything(full, v, mode).map(tree));
        expect(skipping.ids.taken).toBe(full.ids.taken);
      }
    }
  });
});
