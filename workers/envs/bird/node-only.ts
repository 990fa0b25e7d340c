/**
 * The BIRD env runs in browsers and in Node; these tell the two apart and reach Node's worker
 * threads by a specifier no bundler follows (this code also ships to the browser).
 */
export function inNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

export function nodeWorkerThreads(): Promise<typeof import('node:worker_threads')> {
  const specifier = 'node:worker_threads';
  return import(/* @vite-ignore */ specifier);
}
