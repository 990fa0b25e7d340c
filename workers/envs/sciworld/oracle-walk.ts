/**
 * The oracles' feet: the house's floor plan and walking it, opening each closed door on the way.
 */

/** The house's doors (BuildingMaker.mkRandomHouse). */
const DOORS: [string, string][] = [
  ['kitchen', 'hallway'],
  ['living room', 'hallway'],
  ['bedroom', 'hallway'],
  ['bathroom', 'kitchen'],
  ['workshop', 'hallway'],
  ['greenhouse', 'hallway'],
  ['art studio', 'hallway'],
  ['kitchen', 'outside'],
  ['greenhouse', 'outside'],
  ['foundry', 'outside'],
];

function path(from: string, to: string): string[] {
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const room = queue.shift()!;
    for (const [a, b] of DOORS) {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ]) {
        if (x === room && !prev.has(y)) {
          prev.set(y, room);
          queue.push(y);
        }
      }
    }
  }
  const out: string[] = [];
  for (let r = to; r !== from; r = prev.get(r)!) out.unshift(r);
  return out;
}

/** Where the agent is, opening doors as it goes. */
export interface Walker {
  room: string;
  opened: Set<string>;
}

export function* walk(s: Walker, to: string): Generator<string, void, string> {
  for (const next of path(s.room, to)) {
    const door = [s.room, next].sort().join('|');
    if (!s.opened.has(door)) {
      yield `open door to ${next}`;
      s.opened.add(door);
    }
    yield `go to ${next}`;
    s.room = next;
  }
}

/** The room a look-around shows. */
export function startRoom(observation: string): string {
  const here = /(?:This room is called the|This outside location is called the) ([a-z ]+)\./.exec(observation);
  return here ? here[1] : 'kitchen';
}

/** An action; where its names match several things alike, the first choice of each numbered prompt. */
export function* act(action: string): Generator<string, string, string> {
  let obs = yield action;
  while (obs.startsWith('Ambiguous request')) obs = yield '0';
  return obs;
}
