/**
 * The room view Play draws beside the chat: the agent's location, the things in it and inside
 * open containers (what a look around could reveal), its doors, the inventory, and the
 * temperatures the agent has read with a thermometer. Derived from the world for people only;
 * the agent sees the simulator's texts.
 */
import type { TreeNode, TreePicture } from '../contract.ts';
import { formatTemp } from './describe.ts';
import type { SwObject } from './objects.ts';

/** The last reading of each thing the thermometer was used on, in °C as it printed. */
export type Readings = ReadonlyMap<SwObject, number>;

function notes(o: SwObject, readings: Readings): string[] {
  const out: string[] = [];
  if (o.containerProp?.isClosable) out.push(o.containerProp.isOpen ? 'open' : 'closed');
  if (o.deviceProp?.isActivable) out.push(o.deviceProp.isActivated ? 'on' : 'off');
  if (o.deviceProp?.isBroken) out.push('broken');
  if (o.isOnFire()) out.push('on fire');
  const read = readings.get(o);
  if (read !== undefined) out.push(`read ${formatTemp(read)} °C`);
  return out;
}

function node(o: SwObject, readings: Readings): TreeNode {
  const inside = o.containerProp && !o.isOpenContainer() ? [] : o.children(false);
  const n: TreeNode = { label: o.descriptName() };
  const ns = notes(o, readings);
  if (ns.length) n.notes = ns;
  if (inside.length) n.children = inside.map((c) => node(c, readings));
  return n;
}

export function roomTree(room: SwObject, inventory: SwObject, readings: Readings, title: string): TreePicture {
  const doors: TreeNode[] = room.portalList().filter((p) => !p.hidden).map((p) => ({ label: p.descriptName(), notes: [p.portal!.isOpen ? 'open' : 'closed'] }));
  const things = room.children(false).filter((o) => o.kind !== 'agent').map((o) => node(o, readings));
  const held = inventory.children(false).map((o) => node(o, readings));
  return {
    kind: 'tree',
    title,
    nodes: [
      { label: room.name, children: [...things, ...doors] },
      { label: 'inventory', children: held.length ? held : [{ label: 'nothing' }] },
    ],
  };
}
