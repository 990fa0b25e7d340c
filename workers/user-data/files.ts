/**
 * Files a user hands over (dropped on the page, picked in a dialog, or found in a folder given to
 * the CLI), seen the same way everywhere, and the error that lists what is wrong with them.
 */

export interface DroppedFile {
  /** Path relative to what was dropped or given ("dev/dev_databases/x/x.sqlite"), '/'-separated. */
  path: string;
  size: number;
  /** The first `n` bytes (cheap: a header check must not read a 300 MB database). */
  head(n: number): Promise<Uint8Array>;
  read(): Promise<Uint8Array>;
  /** The browser's File, when there is one: stored by streaming instead of reading it whole. */
  blob?: Blob;
}

/** Bad input: every problem found, each naming the file and what is wrong. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DatasetError';
  }
}

export function memoryFile(path: string, bytes: Uint8Array): DroppedFile {
  return { path, size: bytes.length, head: async (n) => bytes.slice(0, n), read: async () => bytes };
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** macOS and editor leftovers that come along with a dropped folder. */
export function isJunk(path: string): boolean {
  const name = baseName(path);
  return path.split('/').includes('__MACOSX') || name.startsWith('._') || name === '.DS_Store';
}

/** Parse a JSON file, or say which file is not JSON and why. */
export async function readJson(file: DroppedFile): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.read());
  } catch (e) {
    throw new DatasetError([`${file.path}: could not be read as UTF-8 text (${e instanceof Error ? e.message : String(e)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DatasetError([`${file.path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
}

/** Collects problems, keeping the first few per file so one systematic fault doesn't flood the page. */
export class Problems {
  private readonly list: string[] = [];
  private readonly perFile = new Map<string, number>();

  add(file: string, what: string): void {
    const n = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, n);
    if (n <= 5) this.list.push(`${file}: ${what}`);
  }

  /** Throws a DatasetError if anything was added. */
  check(): void {
    const more = [...this.perFile].filter(([, n]) => n > 5).map(([file, n]) => `${file}: … and ${n - 5} more problems like these`);
    if (this.list.length) throw new DatasetError([...this.list, ...more]);
  }
}

/** SHA-256 of some parts, as hex (WebCrypto: the browser and Node both have it). */
export async function fingerprint(parts: readonly (Uint8Array | string)[]): Promise<string> {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length + 1, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length + 1; // a zero byte between parts: ["ab","c"] and ["a","bc"] differ
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a type check says a value is ("number", "null", "an array"). */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
