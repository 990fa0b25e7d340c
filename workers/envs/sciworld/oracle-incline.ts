/**
 * The inclined-plane family's oracle, playing from observations. In the workshop it takes the
 * stopwatch and, for each plane in turn, puts the block at its top, starts the stopwatch, waits,
 * looks how far down the block has slid, stops and reads the stopwatch. Both runs take the same
 * number of ticks, so the block went further down the steeper (or less rough) plane.
 */
import { act, startRoom, walk, type Walker } from './oracle-walk.ts';

type Script = Generator<string, void, string>;

export interface InclineTask {
  /** Whether the plane asked for is the one the block slides down faster. */
  wantFaster: boolean;
}

export function parseInclineTask(observation: string): InclineTask | null {
  const m = /^Your task is to determine which of the two inclined planes \(.+\) has the (shallowest|steepest|most|least) (angle|friction)\. /.exec(observation);
  return m ? { wantFaster: m[1] === 'steepest' || m[1] === 'least' } : null;
}

/** How far down a plane's description puts the block, in percent. */
export function percentDown(observation: string): number {
  if (/ at the bottom of the plane/.test(observation)) return 100;
  if (/ at the top of the plane/.test(observation)) return 0;
  const m = / approximately (\d+)% down the plane/.exec(observation);
  if (!m) throw new Error(`incline oracle: no block on the plane in "${observation}"`);
  return Number(m[1]);
}

export function* inclineScript(s: Walker, task: InclineTask): Script {
  yield* walk(s, 'workshop');
  const seen = yield 'look around';
  const planes = [...seen.matchAll(/^\tan (inclined plane[^,\n]*)/gm)].map((m) => m[1].trim());
  const block = /\ta (wood block|steel block|brick)\b/.exec(seen)?.[1];
  if (planes.length !== 2 || !block) throw new Error('incline oracle: no two planes and a block in the workshop');
  yield* act('pick up stopwatch');
  const down: number[] = [];
  for (const plane of planes) {
    yield* act(`move ${block} to ${plane}`);
    yield* act('activate stopwatch');
    yield 'wait';
    down.push(percentDown(yield* act(`look at ${plane}`)));
    yield* act('deactivate stopwatch');
    yield* act('look at stopwatch');
  }
  if (down[0] === down[1]) throw new Error(`incline oracle: the block slid alike on both planes (${down[0]}%)`);
  const faster = down[0] > down[1] ? 0 : 1;
  yield* act(`focus on ${planes[task.wantFaster ? faster : 1 - faster]}`);
  for (;;) yield 'wait1';
}

export function inclineScriptFor(observation: string): Script | null {
  const task = parseInclineTask(observation);
  return task ? inclineScript({ room: startRoom(observation), opened: new Set() }, task) : null;
}
