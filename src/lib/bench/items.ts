/** Parse an item list like "0-4,7,10-12" into indices below `count`; throws with a clear message. */
export function parseItemList(text: string, count: number): number[] {
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new Error(`"${part}" is not an item number or a range like 3-7`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`The range ${part} runs backwards`);
    if (to >= count) throw new Error(`Item ${to} is out of range (0..${count - 1})`);
    if (to - from > 100_000) throw new Error(`The range ${part} is too large`);
    for (let i = from; i <= to; i++) out.add(i);
  }
  if (out.size === 0) throw new Error('No items given');
  return [...out].sort((a, b) => a - b);
}
