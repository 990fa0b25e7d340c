import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from './sse.ts';

function feed(chunks: string[]): SseEvent[] {
  const p = new SseParser();
  return chunks.flatMap((c) => p.push(c));
}

describe('SseParser', () => {
  const stream = 'event: message_start\ndata: {"a":1}\n\n: keep-alive comment\n\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n';
  const expected = [
    { event: 'message_start', data: '{"a":1}' },
    { event: 'message', data: 'line one\nline two' },
    { event: 'message', data: '[DONE]' },
  ];

  it('parses named events, comments, multi-line data and [DONE]', () => {
    expect(feed([stream])).toEqual(expected);
  });

  it('gives the same events however the text is split', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      expect(feed([stream.slice(0, cut), stream.slice(cut)]), `split at ${cut}`).toEqual(expected);
    }
    expect(feed([...stream])).toEqual(expected);
  });

  it('accepts CRLF and lone CR line ends, also split between CR and LF', () => {
    const crlf = stream.replace(/\n/g, '\r\n');
    expect(feed([crlf])).toEqual(expected);
    for (let cut = 1; cut < crlf.length; cut++) expect(feed([crlf.slice(0, cut), crlf.slice(cut)])).toEqual(expected);
    expect(feed([stream.replace(/\n/g, '\r')])).toEqual(expected);
  });

  it('takes "data:" without a space, ignores unknown fields and a leading BOM, keeps ids', () => {
    expect(feed(['\ufeffdata:x\nretry: 10\nid: 7\nfoo\n\n'])).toEqual([{ event: 'message', data: 'x', id: '7' }]);
  });

  it('drops an event cut before its blank line', () => {
    expect(feed(['data: {"partial": tr'])).toEqual([]);
    expect(feed(['data: whole\n'])).toEqual([]);
  });

  it('reads a byte stream with multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo 🧭\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    const out: SseEvent[] = [];
    let chunks = 0;
    for await (const ev of readSse(body, () => chunks++)) out.push(ev);
    expect(out).toEqual([{ event: 'message', data: 'héllo 🧭' }]);
    expect(chunks).toBe(bytes.length);
  });
});
