import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

/** A write that waits until the test lets it end; records each batch. */
function gatedWriter(fail: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const writeAll = (items: readonly number[]) => {
    batches.push([...items]);
    return new Promise<void>((resolve, reject) => gates.push(() => (fail(items) ? reject(new Error(`bad ${items.join(',')}`)) : resolve())));
  };
  const open = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { batches, writeAll, open };
}

describe('groupCommit', () => {
  it('writes saves made in the same turn together, on the next task, without waiting for earlier writes', async () => {
    const w = gatedWriter();
    const save = groupCommit(w.writeAll);
    const settled: number[] = [];
    const first = save(1).then(() => settled.push(1));
    expect(w.batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(w.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => save(n).then(() => settled.push(n)));
    await new Promise((r) => setTimeout(r, 0));
    expect(w.batches).toEqual([[1], [2, 3, 4]]); // issued while [1] is still being written
    expect(settled).toEqual([]); // nothing is reported stored before its write ends
    await w.open();
    await Promise.all([first, ...rest]);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('with a window, gathers the saves made within it after the first into one write', async () => {
    const w = gatedWriter();
    const save = groupCommit(w.writeAll, 30);
    const saves = [save(1)];
    await new Promise((r) => setTimeout(r, 5));
    saves.push(save(2));
    await new Promise((r) => setTimeout(r, 5));
    expect(w.batches).toEqual([]); // still inside the window
    await new Promise((r) => setTimeout(r, 40));
    expect(w.batches).toEqual([[1, 2]]);
    saves.push(save(3));
    await new Promise((r) => setTimeout(r, 40));
    expect(w.batches).toEqual([[1, 2], [3]]);
    await w.open();
    await Promise.all(saves);
  });

  it('fails only the save that cannot be stored when its batch fails', async () => {
    const w = gatedWriter((items) => items.includes(3));
    const save = groupCommit(w.writeAll);
    const results = [2, 3, 4].map((n) => save(n).then(() => 'stored', (e: Error) => e.message));
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 5; i++) await w.open();
    expect(await Promise.all(results)).toEqual(['stored', 'bad 3', 'stored']);
    expect(w.batches).toEqual([[2, 3, 4], [2], [3], [4]]);
  });
});
