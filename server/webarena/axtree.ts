/**
 * WebArena's accessibility-tree observation (browser_env/processors.py, TextObervationProcessor),
 * from CDP `Accessibility.getFullAXTree`: bounds per node, the viewport-only filter AgentGym turns
 * on, the DFS print with dropped properties and skipped nodes, and the StaticText de-duplication.
 * `formatTree` is pure (snapshot-tested); `fetchTree` talks to the page.
 */
import type { CDPSession } from 'playwright-core';

/** The fields of a CDP AXNode this reads. */
export interface AxNode {
  nodeId: string;
  childIds?: string[];
  backendDOMNodeId?: number;
  role?: { value?: unknown };
  name?: { value?: unknown };
  properties?: { name: string; value?: { value?: unknown } }[];
}

/** [x, y, width, height] in CSS pixels, or null when the node has no box. */
export type Bound = [number, number, number, number] | null;

export interface NodeInfo {
  backendId: number;
  bound: Bound;
  /** The node's line without indentation, for PREVIOUS ACTION. */
  text: string;
}

export interface Tree {
  text: string;
  nodes: Map<string, NodeInfo>;
}

const IGNORED_PROPERTIES = new Set(['focusable', 'editable', 'readonly', 'level', 'settable', 'multiline', 'invalid']);
const SKIPPED_WHEN_EMPTY = new Set(['generic', 'img', 'list', 'strong', 'paragraph', 'banner', 'navigation', 'Section', 'LabelText', 'Legend', 'listitem']);
const IN_VIEWPORT_RATIO_THRESHOLD = 0.6;

/** Python's repr of a str, as the tree prints names: single quotes unless the text has one and no double. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code <= 0xa0) out += `\\x${code.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * WebArena's in-viewport "ratio", kept as written there: overlap area / width * height (operator
 * precedence makes it not a ratio), so the same nodes are filtered as in AgentGym's logs.
 */
function viewportRatio([x, y, w, h]: [number, number, number, number], vw: number, vh: number): number {
  const ow = Math.max(0, Math.min(x + w, vw) - Math.max(x, 0));
  const oh = Math.max(0, Math.min(y + h, vh) - Math.max(y, 0));
  return ((ow * oh) / w) * h;
}

/** Splice out nodes without a box, with an empty box or mostly outside the viewport; children move up. */
function filterViewport(nodes: AxNode[], bounds: Map<string, Bound>, vw: number, vh: number): AxNode[] {
  const byId = new Map(nodes.map((n) => [n.nodeId, { ...n, childIds: [...(n.childIds ?? [])] }]));
  // Parents from the child lists (what the DFS walks), not from parentId.
  const parentOf = new Map<string, string>();
  for (const n of byId.values()) for (const c of n.childIds) parentOf.set(c, n.nodeId);
  const removed = new Set<string>();
  for (const node of byId.values()) {
    const b = bounds.get(node.nodeId) ?? null;
    const keep = b !== null && b[2] !== 0 && b[3] !== 0 && viewportRatio(b, vw, vh) >= IN_VIEWPORT_RATIO_THRESHOLD;
    const parent = byId.get(parentOf.get(node.nodeId) ?? '');
    if (keep || !parent) continue; // the root stays (WebArena's root always has a box)
    const at = parent.childIds.indexOf(node.nodeId);
    if (at >= 0) parent.childIds.splice(at, 1, ...node.childIds);
    for (const c of node.childIds) parentOf.set(c, parent.nodeId);
    removed.add(node.nodeId);
  }
  return [...byId.values()].filter((n) => !removed.has(n.nodeId));
}

export interface FormatOptions {
  viewportOnly: boolean;
  viewport: { width: number; height: number };
  /** The bracket id of a printed node; WebArena prints CDP's nodeId (the default). */
  idOf?: (node: AxNode) => string;
}

/**
 * Ids numbered in order of first appearance, per DOM node, for one episode. CDP's nodeIds (which
 * are Chromium's DOM node ids) are handed out lazily, in an order that varies from run to run, so
 * the same page and actions would not give the same text; these do, and an element keeps its id
 * while its page lives, as a CDP id does.
 */
export function firstSeenIds(): (node: AxNode) => string {
  const ids = new Map<number, string>();
  return (node) => {
    const key = node.backendDOMNodeId ?? -1;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = String(ids.size + 1)));
    return id;
  };
}

/** The tree text and the id → node map actions use. `nodes` must be deduplicated, root first. */
export function formatTree(input: AxNode[], bounds: Map<string, Bound>, opts: FormatOptions): Tree {
  const nodes = opts.viewportOnly ? filterViewport(input, bounds, opts.viewport.width, opts.viewport.height) : input;
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const info = new Map<string, NodeInfo>();
  const lines: string[] = [];
  // Iterative DFS (pages can nest deeply); WebArena's recursion prints the same order.
  const stack: { id: string; depth: number }[] = nodes.length ? [{ id: nodes[0].nodeId, depth: 0 }] : [];
  while (stack.length) {
    const { id, depth } = stack.pop()!;
    const node = byId.get(id)!;
    const line = nodeLine(node, opts.idOf ?? ((n) => n.nodeId));
    const valid = line !== null;
    if (line !== null) {
      lines.push('\t'.repeat(depth) + line);
      info.set(line.slice(1, line.indexOf(']')), { backendId: node.backendDOMNodeId ?? -1, bound: bounds.get(id) ?? null, text: line });
    }
    const children = (node.childIds ?? []).filter((c) => byId.has(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i], depth: valid ? depth + 1 : depth });
  }
  return { text: dedupeStaticText(lines).join('\n'), nodes: info };
}

/** `[id] role 'name' prop: value ...`, or null for a node WebArena skips (children still print). */
function nodeLine(node: AxNode, idOf: (node: AxNode) => string): string | null {
  const role = node.role?.value;
  const name = node.name?.value;
  // WebArena reads role and name with [] and skips the node on a KeyError (e.g. ignored nodes).
  if (typeof role !== 'string' || typeof name !== 'string' || node.backendDOMNodeId === undefined) return null;
  const props: string[] = [];
  for (const p of node.properties ?? []) {
    if (IGNORED_PROPERTIES.has(p.name) || !p.value || !('value' in p.value)) continue;
    props.push(`${p.name}: ${pyValue(p.value.value)}`);
  }
  if (!name.trim() && (props.length === 0 ? SKIPPED_WHEN_EMPTY.has(role) : role === 'listitem')) return null;
  return `[${idOf(node)}] ${role} ${pyRepr(name)}${props.length ? ' ' + props.join(' ') : ''}`;
}

/** A property value as Python's f-string prints it (True/False for booleans). */
function pyValue(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A StaticText line goes when its text already appears in one of the 3 previous kept lines. */
function dedupeStaticText(lines: string[]): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    if (!line.toLowerCase().includes('statictext')) {
      kept.push(line);
      continue;
    }
    const m = /\[\d+\] StaticText ([\s\S]+)/.exec(line);
    if (!m) continue;
    const text = m[1].slice(1, -1);
    if (text && kept.slice(-3).every((prev) => !prev.includes(text))) kept.push(line);
  }
  return kept;
}

/**
 * The raw nodes (deduplicated by id) and each node's bounding box in viewport pixels. WebArena asks
 * each node's getBoundingClientRect (three CDP calls a node, ~0.5 s a page on a busy machine); the
 * same boxes come from one `DOMSnapshot.captureSnapshot` (layout boxes in document coordinates,
 * shifted by the scroll offset). Nodes the snapshot has no box for (other frames) are measured as
 * WebArena does.
 */
export async function fetchTree(cdp: CDPSession): Promise<{ nodes: AxNode[]; bounds: Map<string, Bound> }> {
  const [{ nodes: raw }, boxes] = await Promise.all([
    cdp.send('Accessibility.getFullAXTree', {}) as unknown as Promise<{ nodes: AxNode[] }>,
    layoutBoxes(cdp),
  ]);
  const seen = new Set<string>();
  const nodes = raw.filter((n) => !seen.has(n.nodeId) && seen.add(n.nodeId));
  const bounds = new Map<string, Bound>();
  await Promise.all(
    nodes.map(async (n) => {
      if (n.backendDOMNodeId === undefined) return bounds.set(n.nodeId, null);
      if (n.role?.value === 'RootWebArea') return bounds.set(n.nodeId, [0, 0, 10, 10]); // always in the viewport
      bounds.set(n.nodeId, boxes.get(n.backendDOMNodeId) ?? (boxes.has(n.backendDOMNodeId) ? null : await measure(cdp, n.backendDOMNodeId)));
    }),
  );
  return { nodes, bounds };
}

/** Backend node id → viewport box for the main document's nodes (null: in the DOM, no layout box). */
async function layoutBoxes(cdp: CDPSession): Promise<Map<number, Bound>> {
  const snap = await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [], includeDOMRects: true });
  const doc = snap.documents[0];
  const out = new Map<number, Bound>();
  if (!doc) return out;
  const sx = doc.scrollOffsetX ?? 0;
  const sy = doc.scrollOffsetY ?? 0;
  for (const id of doc.nodes.backendNodeId ?? []) out.set(id, null);
  doc.layout.nodeIndex.forEach((nodeIndex, i) => {
    const id = doc.nodes.backendNodeId?.[nodeIndex];
    const b = doc.layout.bounds[i];
    if (id !== undefined && b && out.get(id) === null) out.set(id, [b[0] - sx, b[1] - sy, b[2], b[3]]);
  });
  return out;
}

const RECT_FN = `function () {
  if (this.nodeType === 3) { const r = document.createRange(); r.selectNode(this); const b = r.getBoundingClientRect().toJSON(); r.detach(); return b; }
  return this.getBoundingClientRect().toJSON();
}`;

async function measure(cdp: CDPSession, backendNodeId: number): Promise<Bound> {
  try {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    if (!object.objectId) return null;
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: RECT_FN, returnByValue: true });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    const r = result.value as { x: number; y: number; width: number; height: number } | undefined;
    return r ? [r.x, r.y, r.width, r.height] : null;
  } catch {
    return null; // a node gone between the tree and the measurement has no box, as in WebArena
  }
}
