import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDataSource } from './data-source.ts';

/** A stand-in for the static-data server: each path answers `bytes` of its own, and every request is counted. */
function serve(sizes: Record<string, number>) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.slice(1);
    requests.push(path);
    const size = sizes[path];
    if (size === undefined) return new Response('missing', { status: 404 });
    return new Response(new Uint8Array(size).fill(path.length));
  });
  return requests;
}

describe('fetchDataSource', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads a small file from the server once, then from memory (ALFWorld reads a game file every reset)', async () => {
    const requests = serve({ 'alfworld/games/7.json': 2700 });
    const data = fetchDataSource('http://data.test/', 'alfworld@1');
    for (let i = 0; i < 5; i++) expect((await data.bytes('alfworld/games/7.json')).length).toBe(2700);
    expect(requests).toEqual(['alfworld/games/7.json']);
  });

  it('hands out copies, so a caller that changes its bytes does not change the next reader\'s', async () => {
    serve({ 'a.bin': 16 });
    const data = fetchDataSource('http://data.test/', 'x@1');
    const first = await data.bytes('a.bin');
    first.fill(0);
    expect([...(await data.bytes('a.bin'))]).toEqual(new Array(16).fill(5));
  });

  it('does not keep large files in memory (their env keeps what it parsed), nor failed reads', async () => {
    const requests = serve({ 'big.bin': 1024 * 1024 });
    const data = fetchDataSource('http://data.test/', 'x@1');
    await data.bytes('big.bin');
    await data.bytes('big.bin');
    await expect(data.bytes('gone.json')).rejects.toThrow('Could not load gone.json: HTTP 404');
    await expect(data.bytes('gone.json')).rejects.toThrow('HTTP 404');
    expect(requests).toEqual(['big.bin', 'big.bin', 'gone.json', 'gone.json']);
  });

  it('lets the least recently used small files go past its memory budget', async () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f/${i}.bin`, 60 * 1024]));
    const requests = serve(files);
    const data = fetchDataSource('http://data.test/', 'x@1');
    for (let i = 0; i < 200; i++) await data.bytes(`f/${i}.bin`);
    await data.bytes('f/199.bin'); // recent: still in memory
    await data.bytes('f/0.bin'); // oldest: gone, read again
    expect(requests.filter((p) => p === 'f/199.bin')).toHaveLength(1);
    expect(requests.filter((p) => p === 'f/0.bin')).toHaveLength(2);
  });
});
