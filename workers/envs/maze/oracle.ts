/**
 * MAZE oracle that knows only what the agent is told: its position, the goal and the walls next
 * to it. It explores depth-first, trying first the moves that bring it closer to the goal, and
 * backtracks out of dead ends.
 */
import { MOVES } from './maze.ts';

const OBS = /goal is at position (\d+), (\d+)\. Your current position is at position (\d+), (\d+)\. (.*)$/s;
const WALL_OF: Record<string, string> = {
  'move right': 'to your right',
  'move left': 'to your left',
  'move up': 'above you',
  'move down': 'below you',
};

export class MazeOracle {
  private visited = new Set<string>();
  private trail: string[] = [];

  next(observation: string): string {
    const m = OBS.exec(observation);
    if (!m) throw new Error(`MAZE oracle cannot read: ${observation}`);
    const [gr, gc, r, c] = m.slice(1, 5).map(Number);
    const walls = m[5];
    this.visited.add(`${r},${c}`);
    // Ties go to vertical moves: the maze's corridors to the goal run downward.
    const open = ['move down', 'move up', 'move left', 'move right']
      .filter((a) => !walls.includes(WALL_OF[a]))
      .map((a) => ({ a, r: r + MOVES[a][0], c: c + MOVES[a][1] }))
      .filter((n) => !this.visited.has(`${n.r},${n.c}`))
      .sort((x, y) => dist(x, gr, gc) - dist(y, gr, gc));
    if (open.length > 0) {
      this.trail.push(open[0].a);
      return open[0].a;
    }
    const back = this.trail.pop();
    if (!back) throw new Error('MAZE oracle is stuck');
    return opposite(back);
  }
}

function dist(p: { r: number; c: number }, gr: number, gc: number): number {
  return Math.abs(p.r - gr) + Math.abs(p.c - gc);
}

function opposite(action: string): string {
  return { 'move left': 'move right', 'move right': 'move left', 'move up': 'move down', 'move down': 'move up' }[action]!;
}
