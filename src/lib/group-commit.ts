/**
 * Group commit: saves made within `windowMs` of the first one waiting (by default, in the same
 * turn of the event loop: a burst of episodes ending together) go to storage in one write.
 * Writes are not held back behind earlier ones (IndexedDB orders overlapping transactions
 * itself); at hundreds of saves a second they share transactions instead of one each, which is
 * most of what storing costs. Each save's promise settles when its own item is stored (or failed).
 */
export function groupCommit<T>(writeAll: (items: readonly T[]) => Promise<void>, windowMs = 0): (item: T) => Promise<void> {
  interface Waiting {
    item: T;
    resolve(): void;
    reject(e: unknown): void;
  }
  let queue: Waiting[] = [];

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

  return (item) =>
    new Promise<void>((resolve, reject) => {
      if (queue.length === 0) {
        setTimeout(() => {
          const batch = queue;
          queue = [];
          void write(batch);
        }, windowMs);
      }
      queue.push({ item, resolve, reject });
    });
}
