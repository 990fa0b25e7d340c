/**
 * MAZE (AgentGym's agentenv-lmrlgym): LMRL-Gym's fixed "double T" maze, goal at (8, 6).
 * Positions are (row, column); walls are 1. The agent sees its position, the goal and the walls
 * next to it, and moves one cell at a time.
 */
import type { Env, GridCell, GridPicture, Picture, StepResult } from '../contract.ts';

/** LMRL-Gym's double_t_maze layout (from mazelab), 10 rows x 13 columns. */
export const LAYOUT: readonly string[] = [
  '#############',
  '#.....#.....#',
  '###.#####.###',
  '###.#####.###',
  '###.#####.###',
  '###.......###',
  '######.######',
  '######.######',
  '######.######',
  '#############',
];

export const GOAL: readonly [number, number] = [8, 6];

/**
 * Start cells, one per item. AgentGym lists a 26th start, (8, 6), which is the goal itself and
 * fails on reset there, so the playable items are these 25.
 */
export const STARTS: readonly (readonly [number, number])[] = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 7], [1, 8], [1, 9], [1, 10], [1, 11],
  [2, 3], [3, 3], [4, 3], [5, 3], [5, 4], [5, 5], [5, 6], [6, 6], [7, 6], [5, 7],
  [5, 8], [5, 9], [4, 9], [3, 9], [2, 9],
];

export const MAX_STEPS = 50;

export const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  'move left': [0, -1],
  'move right': [0, 1],
  'move up': [-1, 0],
  'move down': [1, 0],
};

/** Order in which AgentGym names the walls around the agent. */
const WALL_NAMES: readonly [string, number, number][] = [
  ['to your right', 0, 1],
  ['to your left', 0, -1],
  ['above you', -1, 0],
  ['below you', 1, 0],
];

/**
 * Why a move was a no-op, for people (step info.hint): AgentGym's MAZE matches the four moves
 * exactly, so "Move Right" or "move right " do nothing there, and here.
 */
export function invalidMoveHint(action: string): string {
  const near = Object.keys(MOVES).find((m) => m === action.trim().toLowerCase().replace(/\s+/g, ' '));
  return near
    ? `The game takes moves exactly as written, in lower case without extra spaces: "${near}".`
    : 'The game understands only "move up", "move down", "move left" and "move right".';
}

export function isWall(r: number, c: number): boolean {
  return LAYOUT[r]?.[c] !== '.';
}

export function describe(r: number, c: number): string {
  const walls = WALL_NAMES.filter(([, dr, dc]) => isWall(r + dr, c + dc)).map(([name]) => name);
  const wallText =
    walls.length === 0 ? 'There are no walls near you.'
    : walls.length === 1 ? `There is a wall ${walls[0]}.`
    : `There are walls ${walls.join(', ')}.`;
  return `The goal is at position ${GOAL[0]}, ${GOAL[1]}. Your current position is at position ${r}, ${c}. ${wallText}`;
}

/** The fewest moves from (r, c) to the goal (breadth-first; the first of equals in MOVES order). */
export function shortestPath(r: number, c: number): string[] {
  const key = (a: number, b: number) => a * 100 + b;
  const came = new Map<number, { from: number; move: string }>([[key(r, c), { from: -1, move: '' }]]);
  const queue: [number, number][] = [[r, c]];
  for (let i = 0; i < queue.length; i++) {
    const [pr, pc] = queue[i];
    if (pr === GOAL[0] && pc === GOAL[1]) {
      const moves: string[] = [];
      for (let k = key(pr, pc); came.get(k)!.from >= 0; k = came.get(k)!.from) moves.unshift(came.get(k)!.move);
      return moves;
    }
    for (const [move, [dr, dc]] of Object.entries(MOVES)) {
      const [nr, nc] = [pr + dr, pc + dc];
      if (isWall(nr, nc) || came.has(key(nr, nc))) continue;
      came.set(key(nr, nc), { from: key(pr, pc), move });
      queue.push([nr, nc]);
    }
  }
  return [];
}

export class MazeEnv implements Env {
  private start: readonly [number, number] = [1, 1];
  private pos: [number, number] = [1, 1];
  private steps = 0;
  private last = '';
  private done = false;

  reset(index: number): string {
    const start = STARTS[index];
    if (!start) throw new Error(`The game ${index} is not valid.`);
    this.start = start;
    this.pos = [start[0], start[1]];
    this.steps = 0;
    this.done = false;
    this.last = describe(this.pos[0], this.pos[1]);
    return this.last;
  }

  step(action: string): StepResult {
    // AgentGym's server refuses steps after done; the transports answer that, the env stays put.
    if (this.done) return { observation: this.last, reward: 0, done: true, info: { valid: false } };
    if (this.steps >= MAX_STEPS) {
      this.done = true;
      this.last = 'Failure\n';
      return { observation: this.last, reward: -1, done: true, info: { valid: true } };
    }
    const move = Object.hasOwn(MOVES, action) ? MOVES[action] : undefined;
    if (move && !isWall(this.pos[0] + move[0], this.pos[1] + move[1])) {
      this.pos = [this.pos[0] + move[0], this.pos[1] + move[1]];
    }
    if (this.pos[0] === GOAL[0] && this.pos[1] === GOAL[1]) {
      this.done = true;
      this.last = 'Success\n';
      return { observation: this.last, reward: 1, done: true, info: { valid: true } };
    }
    this.steps += 1;
    this.last = describe(this.pos[0], this.pos[1]);
    return { observation: this.last, reward: 0, done: false, info: move ? { valid: true } : { valid: false, hint: invalidMoveHint(action) } };
  }

  observation(): string {
    return this.last;
  }

  availableActions(): string[] {
    return Object.keys(MOVES);
  }

  picture(): Picture {
    return grid(this.pos, new Set(), `You (${this.pos[0]}, ${this.pos[1]}) · goal (${GOAL[0]}, ${GOAL[1]})${this.done ? ' · finished' : ''}`);
  }

  /** For people after the episode: the shortest way from this item's start, drawn and listed. */
  reveal(): Picture {
    const [r, c] = this.start;
    const moves = shortestPath(r, c);
    const on = new Set<string>();
    let [pr, pc] = [r, c];
    for (const m of moves) {
      [pr, pc] = [pr + MOVES[m][0], pc + MOVES[m][1]];
      on.add(`${pr},${pc}`);
    }
    return {
      kind: 'stack',
      parts: [
        grid([r, c], on, `Shortest path from (${r}, ${c}): ${moves.length} ${moves.length === 1 ? 'move' : 'moves'}`),
        { kind: 'text', title: 'Moves', body: moves.join('\n') },
      ],
    };
  }

  detail(): Record<string, unknown> {
    return { position: this.pos, goal: GOAL, steps: this.steps, done: this.done };
  }
}

/** The maze with the agent at `at` and the cells in `path` ("r,c") tinted. */
function grid(at: readonly [number, number], path: ReadonlySet<string>, caption: string): GridPicture {
  const rows = LAYOUT.length;
  const cols = LAYOUT[0].length;
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell: GridCell = { fill: isWall(r, c) ? '#334155' : path.has(`${r},${c}`) ? '#bbf7d0' : '#f8fafc' };
      if (r === GOAL[0] && c === GOAL[1]) cell.shape = 'goal';
      if (r === at[0] && c === at[1]) cell.shape = 'agent';
      cells.push(cell);
    }
  }
  return { kind: 'grid', rows, cols, cells, caption };
}
