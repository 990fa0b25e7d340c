/**
 * AgentGym's text layer over the agent's 7x7 view (agentenv-babyai's postprocess_obs): the
 * description of what is seen, and the high-level actions available now, each a list of MiniGrid
 * low-level actions found by AgentGym's breadth-first path search inside the view, plus the
 * specific error messages for actions that are named but not possible.
 */
import { Act, DIR_VEC, HIDDEN, VIEW, rightVec, seenIds, seenObj, type World } from './world.ts';

interface Seen {
  name: string;
  x: number;
  y: number;
  dis: number;
}

export interface TextView {
  description: string;
  /** Action text to low-level actions, in AgentGym's order. */
  actions: Map<string, Act[]>;
  errors: Map<string, string>;
}

const BLOCKING = ['wall', 'box', 'lava', 'ball', 'key'];
const blocks = (name: string): boolean => BLOCKING.some((b) => name.includes(b));

/** Python's str() of a dict of names to counts (AgentGym prints one into an error message). */
function pyDict(counts: Map<string, number>): string {
  return `{${[...counts].map(([k, v]) => `'${k}': ${v}`).join(', ')}}`;
}

/** AgentGym's coordinate ranges of the view, quirks included (one row behind the agent on some sides). */
function viewRanges(w: World): { xs: [number, number]; ys: [number, number] } {
  const [fx, fy] = DIR_VEC[w.dir];
  const [rx, ry] = rightVec(w.dir);
  const tl = [w.agent[0] + fx * (VIEW - 1) - rx * (VIEW >> 1), w.agent[1] + fy * (VIEW - 1) - ry * (VIEW >> 1)];
  const border = [tl[0] + VIEW * (rx - fx), tl[1] + VIEW * (ry - fy)];
  const range = (b: number, t: number): [number, number] => (b < t ? [b, t] : [t, b - 1]);
  return { xs: range(border[0], tl[0]), ys: range(border[1], tl[1]) };
}

type Ranges = ReturnType<typeof viewRanges>;

/** The search's moves, in AgentGym's order. */
const MOVES = [Act.Forward, Act.Left, Act.Right] as const;
type PathTo = (goal: Seen, arrive: boolean) => Act[] | null;

/**
 * AgentGym's find_path: breadth-first over (position, direction) with forward, left, right, inside
 * the view ranges, around walls, boxes, balls and keys (doors are not obstacles). As there, a state
 * may be queued more than once and its parent is the last state that queued it before it was first
 * taken off the queue. The search order does not depend on the goal, so one search serves every
 * object in view: a goal's path leads to the first state taken off the queue that reaches it (on the
 * goal cell with `arrive`, otherwise facing it).
 */
function pathSearch(w: World, things: Seen[], ranges: Ranges): PathTo {
  const [ax, ay] = w.agent;
  // A local window over the ranges and the agent, one cell wider each side for the faced cells;
  // view cells may lie outside the grid, even at negative coordinates.
  const x0 = Math.min(ranges.xs[0], ax) - 1, x1 = Math.max(ranges.xs[1], ax) + 1;
  const y0 = Math.min(ranges.ys[0], ay) - 1, y1 = Math.max(ranges.ys[1], ay) + 1;
  const cols = x1 - x0 + 1;
  const cells = cols * (y1 - y0 + 1);
  const { open, parent, parentAct, taken, firstAt, firstFacing } = scratchFor(cells);
  for (let y = ranges.ys[0]; y <= ranges.ys[1]; y++) for (let x = ranges.xs[0]; x <= ranges.xs[1]; x++) open[(y - y0) * cols + (x - x0)] = 1;
  for (const t of things) {
    if (t.x >= x0 && t.x <= x1 && t.y >= y0 && t.y <= y1 && blocks(t.name)) open[(t.y - y0) * cols + (t.x - x0)] = 0;
  }
  // States are cell * 4 + direction.
  const step = [1, cols, -1, -cols]; // DIR_VEC as cell offsets
  const start = ((ay - y0) * cols + (ax - x0)) * 4 + w.dir;
  let queue = scratch.queue;
  queue[0] = start;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = queue[head];
    const d = s & 3;
    const cell = s >> 2;
    const ahead = cell + step[d];
    // A state taken again is expanded again (re-parenting its neighbours), as in AgentGym.
    if (!taken[s]) {
      taken[s] = 1;
      if (firstAt[cell] < 0) firstAt[cell] = s;
      if (firstFacing[ahead] < 0) firstFacing[ahead] = s;
    }
    for (const act of MOVES) {
      const n = act === Act.Forward ? ahead * 4 + d : cell * 4 + ((d + (act === Act.Left ? 3 : 1)) & 3);
      if (!open[n >> 2] || taken[n]) continue;
      if (tail === queue.length) {
        const grown = new Int32Array(queue.length * 2);
        grown.set(queue);
        queue = scratch.queue = grown;
      }
      queue[tail++] = n;
      parent[n] = s;
      parentAct[n] = act;
    }
  }
  return (goal, arrive) => {
    const g = goal.x < x0 || goal.x > x1 || goal.y < y0 || goal.y > y1 ? -1 : (goal.y - y0) * cols + (goal.x - x0);
    let s = g < 0 ? -1 : (arrive ? firstAt : firstFacing)[g];
    if (s < 0) return null;
    const path: Act[] = [];
    for (; s !== start; s = parent[s]) path.push(parentAct[s]);
    return path.reverse();
  };
}

/**
 * The search's buffers, kept between searches (a reset builds one text view, the BabyAI oracle's
 * planner thousands, and allocating them was a good part of the cost). A search's PathTo reads
 * them, so it is valid only until the next search: textView uses it at once.
 */
const scratch = {
  cells: 0,
  open: new Uint8Array(0),
  parent: new Int32Array(0),
  parentAct: new Int8Array(0),
  taken: new Uint8Array(0),
  firstAt: new Int32Array(0),
  firstFacing: new Int32Array(0),
  queue: new Int32Array(1024),
};

/** The buffers for a window of `cells` cells, cleared. */
function scratchFor(cells: number): typeof scratch {
  if (cells > scratch.cells) {
    scratch.cells = cells;
    scratch.open = new Uint8Array(cells);
    scratch.parent = new Int32Array(cells * 4);
    scratch.parentAct = new Int8Array(cells * 4);
    scratch.taken = new Uint8Array(cells * 4);
    scratch.firstAt = new Int32Array(cells);
    scratch.firstFacing = new Int32Array(cells);
  }
  scratch.open.fill(0, 0, cells);
  scratch.parent.fill(-1, 0, cells * 4);
  scratch.taken.fill(0, 0, cells * 4);
  scratch.firstAt.fill(-1, 0, cells);
  scratch.firstFacing.fill(-1, 0, cells);
  return scratch;
}

export function textView(w: World): TextView {
  // Straight from the view's ids and with the view-to-grid mapping inline (viewToAbs): a reset
  // builds one text view, and these were most of its small allocations.
  const view = seenIds(w);
  const [ax, ay] = w.agent;
  const f = DIR_VEC[w.dir];
  const right = DIR_VEC[(w.dir + 1) % 4];
  const half = VIEW >> 1;
  const objs: Seen[] = [];
  const barriers: Seen[] = [];
  for (let j = 0; j < VIEW; j++) {
    for (let i = 0; i < VIEW; i++) {
      const x = ax + f[0] * (VIEW - 1 - j) + right[0] * (i - half);
      const y = ay + f[1] * (VIEW - 1 - j) + right[1] * (i - half);
      const dis = Math.abs(ax - x) + Math.abs(ay - y);
      if (x < 0 || y < 0 || dis === 0) continue;
      const id = view[i * VIEW + j];
      if (id === HIDDEN || id === -1) continue;
      const o = seenObj(w, id);
      objs.push({ name: o.type === 'door' ? `${o.color} ${o.door} door` : `${o.color} ${o.type}`, x, y, dis });
      const rel = [x - ax, y - ay];
      if ((o.type === 'box' || o.type === 'wall') && f[0] * rel[1] - f[1] * rel[0] === 0) {
        barriers.push({ name: o.type, x, y, dis: f[0] * rel[0] + f[1] * rel[1] });
      }
    }
  }
  objs.sort((a, b) => a.dis - b.dis);
  barriers.sort((a, b) => a.dis - b.dis);

  let description: string;
  if (objs.length > 0) {
    description = 'In front of you in this room, you can see several objects: ';
    const seenCount = new Map<string, number>();
    for (const o of objs) {
      if (o.name.includes('wall')) continue;
      const rel = [o.x - ax, o.y - ay];
      const ahead = f[0] * rel[0] + f[1] * rel[1];
      const side = right[0] * rel[0] + right[1] * rel[1];
      const where = side === 0 ? `right in front of you ${ahead} steps away. `
        : side > 0 ? `${ahead} steps in front of you and ${side} steps to your right. `
        : `${ahead} steps in front of you and ${-side} steps to your left. `;
      const n = (seenCount.get(o.name) ?? 0) + 1;
      seenCount.set(o.name, n);
      description += `There is a ${o.name} ${n} ${where} `;
    }
  } else {
    description = 'You cannot see any objects within sight.';
  }
  description += 'The room has walls around you. ';
  if (barriers.length > 0) description += `You are facing a ${barriers[0].name} ${barriers[0].dis} steps away. `;
  const held = w.carrying >= 0 ? w.objs[w.carrying] : null;
  description += held ? `You are carrying a ${held.color} ${held.type}.` : 'You are not carrying anything.';

  const actions = new Map<string, Act[]>([['turn left', [Act.Left]], ['turn right', [Act.Right]]]);
  const errors = new Map<string, string>();
  if (barriers.length === 0 || barriers[0].dis > 1) actions.set('move forward', [Act.Forward]);
  else errors.set('move forward', "There is a barrier in front of you, you can't move forward.");

  const path = pathSearch(w, [...objs, ...barriers], viewRanges(w));
  /** AgentGym numbers actions per name, counting only reachable objects once one is reachable. */
  const numbered = (verb: string, what: string, list: Seen[], suffix: Act[]): void => {
    const count = new Map<string, number>();
    for (const o of list) {
      const p = path(o, false);
      const first = `${verb} ${o.name} 1`;
      if (p) {
        const n = actions.has(first) ? (count.get(o.name) ?? 0) + 1 : 1;
        count.set(o.name, n);
        actions.set(`${verb} ${o.name} ${n}`, [...p, ...suffix]);
      } else {
        const label = actions.has(first) ? `${verb} ${o.name} ${(count.get(o.name) ?? 0) + 1}` : first;
        errors.set(label, `You cannot ${what} ${label.slice(verb.length + 1)}, as there is no path leading to it.`);
      }
    }
  };

  if (!held) numbered('pickup', 'pickup', objs.filter((o) => !/wall|door|goal/.test(o.name)), [Act.Pickup]);
  if (held) {
    const [dx, dy] = [ax + f[0], ay + f[1]];
    if (objs.some((o) => o.x === dx && o.y === dy && blocks(o.name))) errors.set('drop', 'You cannot drop the object, as there is already an object in front of you.');
    else actions.set('drop', [Act.Drop]);
  } else {
    errors.set('drop', 'You cannot drop the object, as you are not carrying anything.');
  }

  const doorCount = new Map<string, number>();
  for (const o of objs) {
    if (!o.name.includes('door')) continue;
    const n = (doorCount.get(o.name) ?? 0) + 1;
    doorCount.set(o.name, n);
    const label = `${o.name} ${n}`;
    const toggleThrough = (p: Act[] | null): void => {
      if (p) actions.set(`toggle and go through ${label}`, [...p, Act.Toggle, Act.Forward]);
      else errors.set(`toggle and go through ${label}`, `You cannot toggle and go through ${o.name} ${pyDict(doorCount)}, as there is no path leading to it.`);
      if (p && p.length === 0) actions.set('toggle', [Act.Toggle]);
    };
    if (o.name.includes('open door')) {
      const p = path(o, true);
      if (p) actions.set(`go through ${label}`, p);
      else errors.set(`go through ${label}`, `You cannot go through ${label}, as there is no path leading to it.`);
    } else if (o.name.includes('closed door')) {
      toggleThrough(path(o, false));
      errors.set(`go through ${label}`, `You cannot go through ${label}, as it is closed. You should toggle it first.`);
    } else if (o.name.includes('locked door')) {
      if (!held || held.type !== 'key') {
        errors.set(`toggle and go through ${label}`, `You cannot toggle and go through ${label}, as you are not carrying a key.`);
      } else if (held.color !== o.name.split(' ')[0]) {
        errors.set(`toggle and go through ${label}`, `You cannot toggle and go through ${label}, as the color of the key you are carrying does not match the color of door.`);
      } else {
        toggleThrough(path(o, false));
      }
    }
  }

  numbered('go to', 'go to', objs.filter((o) => !/wall|goal/.test(o.name)), []);
  actions.set('check available actions', []);
  return { description, actions, errors };
}
