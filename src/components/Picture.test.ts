import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Picture from './Picture.svelte';
import type { Picture as PictureData } from '../../workers/envs/contract.ts';

const html = (picture: PictureData) => render(Picture, { props: { picture } }).body;

describe('Picture', () => {
  it('draws a table with headings, NULL cells marked and values escaped', () => {
    const body = html({ kind: 'table', columns: ['name', 'n'], rows: [['<b>x</b>', '3'], [null, '4']], caption: '2 rows' });
    expect(body).toMatch(/<th scope="col"[^>]*>name<\/th>/);
    expect(body).toContain('&lt;b>x&lt;/b>');
    expect(body).toMatch(/<td class="[^"]*\bnull">NULL</);
    expect(body).toContain('2 rows');
  });

  it('draws one card per entry with its tone', () => {
    const body = html({ kind: 'cards', summary: 'Progress 50%', cards: [{ title: 'get_weather', body: '{"city": "Oslo"}', tone: 'ok', badge: 'step 1' }, { title: 'bad', tone: 'error' }] });
    expect(body).toContain('Progress 50%');
    expect(body).toMatch(/class="card ok\b/);
    expect(body).toMatch(/class="card error\b/);
    expect(body).toContain('step 1');
  });

  it('shows inline images only, never a URL the page would fetch', () => {
    expect(html({ kind: 'image', src: 'data:image/png;base64,iVBORw0KGgo=', alt: 'page' })).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    const remote = html({ kind: 'image', src: 'https://example.com/a.png', alt: 'page' });
    expect(remote).not.toContain('<img');
    expect(remote).toContain('image not shown');
  });

  it('stacks parts in order', () => {
    const body = html({ kind: 'stack', parts: [{ kind: 'text', title: 'Schema', body: 't(a)' }, { kind: 'table', columns: ['a'], rows: [['1']] }] });
    expect(body.indexOf('Schema')).toBeLessThan(body.indexOf('<table'));
  });
});
