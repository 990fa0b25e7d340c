import { describe, expect, it } from 'vitest';
import { firstSeenIds, formatTree, pyRepr, type AxNode, type Bound } from './axtree.ts';

const node = (nodeId: string, role: string, name: string | undefined, childIds: string[] = [], properties: AxNode['properties'] = []): AxNode => ({
  nodeId,
  backendDOMNodeId: Number(nodeId),
  role: { value: role },
  name: name === undefined ? undefined : { value: name },
  childIds,
  properties,
});
const box: Bound = [0, 0, 100, 20];
const opts = { viewportOnly: false, viewport: { width: 1280, height: 720 } };

describe('AX-tree text', () => {
  it("prints names as Python's repr", () => {
    expect(pyRepr('plain')).toBe("'plain'");
    expect(pyRepr("Rock 'n' roll")).toBe(`"Rock 'n' roll"`);
    expect(pyRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyRepr('a\nb\u00a0c')).toBe("'a\\nb\\xa0c'");
  });

  it('drops ignored properties, skips empty generic nodes (children move up) and repeated StaticText', () => {
    const nodes = [
      node('1', 'RootWebArea', 'Page', ['2', '5'], [{ name: 'focused', value: { value: true } }]),
      node('2', 'generic', '', ['3', '4']),
      node('3', 'link', 'Cart', [], [{ name: 'focusable', value: { value: true } }, { name: 'url', value: { value: 'http://x/cart' } }]),
      node('4', 'StaticText', 'Cart'),
      node('5', 'listitem', '', ['6'], [{ name: 'level', value: { value: 1 } }]),
      node('6', 'button', 'Go', [], [{ name: 'disabled', value: { value: true } }]),
    ];
    const tree = formatTree(nodes, new Map(nodes.map((n) => [n.nodeId, box])), opts);
    expect(tree.text).toBe("[1] RootWebArea 'Page' focused: True\n\t[3] link 'Cart' url: http://x/cart\n\t[6] button 'Go' disabled: True");
    // As in WebArena, a StaticText dropped from the text still maps its id (obs_nodes_info is built first).
    expect([...tree.nodes.keys()]).toEqual(['1', '3', '4', '6']);
  });

  it('keeps only nodes mostly inside the viewport when asked, by WebArena’s own ratio', () => {
    const nodes = [node('1', 'RootWebArea', 'P', ['2', '3']), node('2', 'button', 'In'), node('3', 'button', 'Out')];
    const bounds = new Map<string, Bound>([['1', [0, 0, 10, 10]], ['2', [10, 10, 50, 20]], ['3', [10, 2000, 50, 20]]]);
    expect(formatTree(nodes, bounds, { ...opts, viewportOnly: true }).text).toBe("[1] RootWebArea 'P'\n\t[2] button 'In'");
  });

  it('numbers nodes by first appearance when given firstSeenIds', () => {
    const ids = firstSeenIds();
    const nodes = [node('40', 'RootWebArea', 'P', ['7']), node('7', 'button', 'B')];
    const bounds = new Map(nodes.map((n) => [n.nodeId, box]));
    expect(formatTree(nodes, bounds, { ...opts, idOf: ids }).text).toBe("[1] RootWebArea 'P'\n\t[2] button 'B'");
    expect(formatTree([node('9', 'RootWebArea', 'Q', ['7'])], bounds, { ...opts, idOf: ids }).text).toBe("[3] RootWebArea 'Q'");
  });
});
