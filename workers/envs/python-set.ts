/**
 * A CPython 3.11 `set` of strings built by `add` only (no removals), kept only for its iteration
 * order: `list(s)` walks the hash table slot by slot, so the order follows the hashes (see
 * python-hash.ts), the table size and which slots earlier strings took. Objects/setobject.c:
 * - a new set has 8 slots; `add` probes slot hash & mask, then up to LINEAR_PROBES (9) slots after
 *   it when they fit before the table's end, then jumps to (i * 5 + 1 + perturb) & mask, where
 *   perturb starts as the hash (as an unsigned 64-bit number) and is shifted right by 5 per jump;
 * - after filling an empty slot, if fill * 5 >= mask * 3 the table is rebuilt with the smallest
 *   power of two above used * 4 (used * 2 beyond 50,000 entries) slots, re-inserting the old
 *   slots in table order with the same probe rule.
 */
import type { PyHash } from './python-hash.ts';

const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

export class PyStrSet {
  private keys: (string | undefined)[] = new Array(MIN_SIZE);
  private hashHi = new Uint32Array(MIN_SIZE);
  private hashLo = new Uint32Array(MIN_SIZE);
  private mask = MIN_SIZE - 1;
  private fill = 0;
  private used = 0;

  get size(): number {
    return this.used;
  }

  has(key: string, hash: PyHash): boolean {
    return this.keys[this.slotOf(key, hash)] !== undefined;
  }

  add(key: string, hash: PyHash): void {
    const slot = this.slotOf(key, hash);
    if (this.keys[slot] !== undefined) return;
    this.keys[slot] = key;
    this.hashHi[slot] = hash.hi;
    this.hashLo[slot] = hash.lo;
    this.fill++;
    this.used++;
    if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** The strings in iteration order, as `list(s)`. */
  values(): string[] {
    const out: string[] = [];
    for (const k of this.keys) if (k !== undefined) out.push(k);
    return out;
  }

  /** The slot holding `key`, or the empty slot where it would go (no dummies: nothing is removed). */
  private slotOf(key: string, hash: PyHash): number {
    const mask = this.mask;
    let i = hash.lo & mask;
    let perturbHi = hash.hi;
    let perturbLo = hash.lo;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = i; j <= i + probes; j++) {
        const k = this.keys[j];
        if (k === undefined) return j;
        if (this.hashLo[j] === hash.lo && this.hashHi[j] === hash.hi && k === key) return j;
      }
      // perturb >>= PERTURB_SHIFT, on the unsigned 64-bit value held as two halves.
      perturbLo = ((perturbLo >>> PERTURB_SHIFT) | (perturbHi << (32 - PERTURB_SHIFT))) >>> 0;
      perturbHi >>>= PERTURB_SHIFT;
      // Only the low bits survive the mask, so the low half of perturb is enough for the sum.
      i = (i * 5 + 1 + perturbLo) & mask;
    }
  }

  private resize(minUsed: number): void {
    let size = MIN_SIZE;
    while (size <= minUsed) size *= 2;
    const { keys, hashHi, hashLo } = this;
    this.keys = new Array(size);
    this.hashHi = new Uint32Array(size);
    this.hashLo = new Uint32Array(size);
    this.mask = size - 1;
    this.fill = this.used;
    // set_insert_clean: the same probe walk, stopping at the first empty slot.
    for (let s = 0; s < keys.length; s++) {
      const k = keys[s];
      if (k === undefined) continue;
      const slot = this.slotOf(k, { hi: hashHi[s], lo: hashLo[s] });
      this.keys[slot] = k;
      this.hashHi[slot] = hashHi[s];
      this.hashLo[slot] = hashLo[s];
    }
  }
}

