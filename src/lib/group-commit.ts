/**
 * Group commit: saves that arrive while a write is in flight wait for it to end and then go
 * together in the next write. One save alone is written at once (no timer, no added wait); at
 * hundreds of saves a second they share a few transactions instead of one each, which is most of
 * what storing costs. Each save's promise settles when its own item is stored (or failed).
 */
export function groupCommit<T>(writeAll: (items: readonly T[]) => Promise<void>): (item: T) => Promise<void> {
  interface Waiting {
    item: T;
    resolve(): void;
    reject(e: unknown): void;
  }
  let queue: Waiting[] = [];
  let writing = false;

  async function write(batch: readonly Waiting[]): Promise<void> {
    try {
      await writeAll(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (e) {
      // All or none failed: one bad item must not fail the others, so each goes again alone.
      if (batch.length === 1) batch[0].reject(e);
      else for (const w of batch) await write([w]);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await write(batch);
    }
    writing = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
