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

  it("draws a table's row headings, highlighted and noted cells, and spans as one cell", () => {
    const body = html({
      kind: 'table',
      columns: ['A', 'B', 'C'],
      rowHeads: ['1', '2'],
      rows: [['Title', '', 'x'], ['1', '2', '3']],
      marks: [{ row: 1, col: 1, highlight: true }, { row: 1, col: 2, note: 'check <this>' }],
      spans: [{ row: 0, col: 0, rows: 1, cols: 2 }],
    });
    expect(body).toMatch(/<th scope="row"[^>]*>2<\/th>/);
    expect(body).toMatch(/<td rowspan="1" colspan="2" class="[^"]*\bmerged\b[^"]*">Title<\/td>/);
    // The cell under the span is not drawn: the first row has the span and one more cell.
    expect(body.split('<tr')[2].match(/<td/g)).toHaveLength(2);
    expect(body).toMatch(/<td class="[^"]*\bhighlight\b[^"]*">2<\/td>/);
    expect(body).toMatch(/<td title="check &lt;this>" class="[^"]*\bnoted\b[^"]*">3<\/td>/);
  });

  it('draws a board: a lane per group, its items with their marks', () => {
    const body = html({
      kind: 'board',
      title: 'Account',
      lanes: [{ title: 'Homework', badge: 'favourite', items: [{ title: 'Algebra', detail: 'due 2015-06-01', mark: { tone: 'done', label: 'completed' } }, { title: 'History' }] }],
      caption: '1 open task',
    });
    expect(body).toMatch(/<section class="lane[^"]*" aria-label="Homework"/);
    expect(body).toContain('favourite');
    expect(body).toMatch(/<li class="item done[^"]*">.*Algebra.*due 2015-06-01.*completed/s);
    expect(body).toMatch(/<li class="item [^"]*">\s*<span class="item-title[^"]*">History/);
    expect(body).toContain('1 open task');
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

  it('draws a tree: nested lists, notes beside each label, text escaped', () => {
    const body = html({ kind: 'tree', title: 'kitchen view', nodes: [{ label: 'kitchen', children: [{ label: 'fridge', notes: ['open', 'on'], children: [{ label: '<milk>' }] }] }] });
    expect(body).toContain('kitchen view');
    expect(body).toMatch(/fridge<\/span>(<!--\[-->)?<span class="note-tag[^"]*">open<\/span><span class="note-tag[^"]*">on<\/span>/);
    // The fridge's contents are a list inside the fridge's item, inside the kitchen's.
    expect(body.match(/<ul/g)).toHaveLength(3);
    expect(body).toContain('&lt;milk>');
  });

  it('stacks parts in order', () => {
    const body = html({ kind: 'stack', parts: [{ kind: 'text', title: 'Schema', body: 't(a)' }, { kind: 'table', columns: ['a'], rows: [['1']] }] });
    expect(body.indexOf('Schema')).toBeLessThan(body.indexOf('<table'));
  });
});
