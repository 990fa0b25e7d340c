/**
 * ScienceWorld's object tree (struct/EnvObject.scala and objects/**): every object has a name, a
 * container, contained objects and portals, optional properties (material, container, device, heat
 * or cooling source, portal), a uuid in creation order and, as in ScienceWorld, two hidden
 * electrical terminals created before it (they count in the uuid order and in the object lists
 * task placement shuffles). The terminals get their uuids then but are made when first seen
 * (most never are). Descriptions and referents follow each Scala class; `kind` picks them.
 */
import type { MaterialSpec } from './material-spec.ts';
import { MATERIALS } from './materials.ts';

export const CURSORY = 0;
export const DETAILED = 1;

export interface Material extends MaterialSpec {}
export interface ContainerProp {
  isContainer: boolean;
  isOpen: boolean;
  isClosable: boolean;
}
export interface DeviceProp {
  isActivable: boolean;
  isActivated: boolean;
  isUsable: boolean;
  isBroken: boolean;
}
/** A life cycle stage: its duration in ticks (null: it never moves on), canonical name override. */
export interface LifeStage {
  name: string;
  duration: number | null;
  canonical: string;
  death: boolean;
}
/** LifeProperties with the life cycle and each stage's counters. */
export interface Life {
  /** lifeformType: "butterfly", "apple", "bee"... */
  type: string;
  form: 'animal' | 'bee' | 'tree' | 'pea';
  stages: LifeStage[];
  cur: number;
  counters: { ticks: number; noWater: number; noSoil: number; hot: number }[];
  isDead: boolean;
  isSickly: boolean;
  /**
   * Pea plants' chromosome pair (GeneticTraitPeas): per parent, whether each allele of plant height,
   * seed shape, seed colour and flower colour is the dominant one.
   */
  genes?: [boolean[], boolean[]];
}
export interface PortalProp {
  isOpen: boolean;
  from: SwObject;
  to: SwObject;
}

/** Container flavours of ContainerProperties.scala. */
export const openUnclosable = (): ContainerProp => ({ isContainer: true, isOpen: true, isClosable: false });
export const closable = (): ContainerProp => ({ isContainer: true, isOpen: false, isClosable: true });
export const notContainer = (): ContainerProp => ({ isContainer: false, isOpen: false, isClosable: false });
export const device = (isActivable: boolean, isActivated: boolean, isUsable = false): DeviceProp => ({ isActivable, isActivated, isUsable, isBroken: false });

// A Map: looking a name up in the table's object literal was a hot spot of a reset.
const SPECS = new Map(Object.entries(MATERIALS).map(([k, spec]) => [k, { ...spec, nameInStateOfMatter: Object.freeze({ ...spec.nameInStateOfMatter }) }]));

export function materialSpec(className: string): MaterialSpec {
  const spec = SPECS.get(className);
  if (!spec) throw new Error(`No ScienceWorld material ${className}`);
  return spec;
}

/** A thing's own copy of a material, field by field (a spread of it was a hot spot of a reset). */
export function material(className: string): Material {
  const s = materialSpec(className);
  return {
    substanceName: s.substanceName,
    // Shared and frozen: a thing's names per state are replaced whole, never edited.
    nameInStateOfMatter: s.nameInStateOfMatter,
    color: s.color,
    temperatureC: s.temperatureC,
    thermalConductivity: s.thermalConductivity,
    stateOfMatter: s.stateOfMatter,
    boilingPoint: s.boilingPoint,
    meltingPoint: s.meltingPoint,
    combustionPoint: s.combustionPoint,
    isCombusting: s.isCombusting,
    hasCombusted: s.hasCombusted,
    combustionTicks: s.combustionTicks,
    electricallyConductive: s.electricallyConductive,
    frictionCoefficient: s.frictionCoefficient,
  };
}

/** Allocates uuids in creation order (ScienceWorld's UniqueIdentifier, reset per load). */
export class Uuids {
  private n = 0;
  next(): number {
    return this.n++;
  }
  /** How many have been handed out. */
  get taken(): number {
    return this.n;
  }
  /** Take `count` without using them: for things ScienceWorld makes and drops before the agent could see them. */
  skip(count: number): void {
    this.n += count;
  }
}

const NOTHING: readonly SwObject[] = [];

export class SwObject {
  readonly uuid: number;
  container: SwObject | null = null;
  /** In uuid order (what every reader wants); made on the first add: terminals never hold anything. */
  private held: SwObject[] | null = null;
  /** Doors and drains, in uuid order (addPortal keeps it); never removed; made on the first (few things have any). */
  private doors: SwObject[] | null = null;
  hidden = false;
  deleted = false;
  /** The world tick that ticked it last (physics.ts). */
  tickedIn = 0;
  material?: Material;
  containerProp?: ContainerProp;
  deviceProp?: DeviceProp;
  heatMax?: number;
  heatSet?: number | null;
  coolMin?: number;
  coolSet?: number | null;
  portal?: PortalProp;
  movable = true;
  life?: Life;
  /** Flowers and pollen: the plant they grew on. */
  parentPlant?: SwObject;
  /** A pollinated flower: the plant whose pollen pollinated it (the fruit's second parent). */
  otherParent?: SwObject;
  private pair: [SwObject, SwObject] | null = null;
  /** The uuid of terminal 1 while the hidden pair is not made yet, else -1. */
  private unmadePair: number;
  /** On a terminal: the one terminal it is wired to (ScienceWorld allows one) and its voltage. */
  wiredTo: SwObject | null = null;
  voltage: number | null = null;
  /** The class's own referents (getReferents adds the name and more per kind). */
  refs?: readonly string[];
  private ownExtra: Record<string, string | number> | null = null;

  /** `ids` is the allocator, or a terminal's uuid (taken with its owner's; a terminal has no terminals). */
  constructor(
    ids: Uuids | number,
    public name: string,
    public kind: string,
    terminals = true,
  ) {
    if (typeof ids === 'number') {
      this.unmadePair = -1;
      this.uuid = ids;
      return;
    }
    this.unmadePair = terminals ? ids.next() : -1;
    if (terminals) ids.next();
    this.uuid = ids.next();
  }

  /** Free per-kind fields (picture subject, book title, apple colour, waiting counter...), made on first use (most things have none). */
  get extra(): Record<string, string | number> {
    return (this.ownExtra ??= {});
  }

  /** Electrical terminals: terminal 1 and 2 (hidden on most things), or an anode and a cathode. */
  get terminals(): [SwObject, SwObject] | null {
    this.makePair();
    return this.pair;
  }

  private makePair(): void {
    if (this.unmadePair < 0) return;
    const first = this.unmadePair;
    this.unmadePair = -1;
    this.pair = [terminal(first, 'terminal 1'), terminal(first + 1, 'terminal 2')];
    for (const t of this.pair) this.add(t);
  }

  set terminals(pair: [SwObject, SwObject] | null) {
    this.pair = pair;
  }

  /** The terminals if made: a pair not made yet is hidden, unwired and uncharged. */
  madeTerminals(): [SwObject, SwObject] | null {
    return this.unmadePair >= 0 ? null : this.pair;
  }

  get contents(): readonly SwObject[] {
    this.makePair();
    return this.held ?? NOTHING;
  }

  /** The contents but the terminals not made yet: enough where hidden, inert things don't count. */
  get madeContents(): readonly SwObject[] {
    return this.held ?? NOTHING;
  }

  add(obj: SwObject): void {
    if (obj === this) return;
    obj.container?.drop(obj);
    insertByUuid((this.held ??= []), obj);
    obj.container = this;
    // InclinedPlane.addObject: a thing put on an inclined plane starts at its top (incline.ts).
    if (this.kind === 'inclined plane') this.extra[`pos${obj.uuid}`] = 1;
  }

  remove(): void {
    this.container?.drop(this);
    this.container = null;
  }

  private drop(obj: SwObject): void {
    const i = this.held?.indexOf(obj) ?? -1;
    if (i >= 0) this.held!.splice(i, 1);
  }

  /** Contained objects in uuid order (ScienceWorld's uuidOrderedSet), a copy. */
  children(includeHidden = true): SwObject[] {
    return includeHidden ? this.contents.slice() : this.madeContents.filter((o) => !o.hidden);
  }

  addPortal(p: SwObject): void {
    insertByUuid((this.doors ??= []), p);
  }

  /** Portals in uuid order; not a copy (nothing changes them once the world is built). */
  portalList(): readonly SwObject[] {
    return this.doors ?? NOTHING;
  }

  /** getContainedObjectsRecursive: every descendant (hidden ones too), uuid order. */
  descendants(): SwObject[] {
    const out: SwObject[] = [];
    collectAll(this, out);
    return out.sort((a, b) => a.uuid - b.uuid);
  }

  /** Whether a descendant is called `name`, without making hidden terminals (a pair not made yet is terminal 1 and 2). */
  holdsNamed(name: string): boolean {
    if (this.unmadePair >= 0 && (name === 'terminal 1' || name === 'terminal 2')) return true;
    return this.madeContents.some((c) => c.name === name || c.holdsNamed(name));
  }

  /** getContainedObjectsAndPortalsRecursive(includeHidden = false): what goals search in a room. */
  visibleRecursive(): SwObject[] {
    const out = new Set<SwObject>();
    collectVisible(this, out);
    return [...out].sort((a, b) => a.uuid - b.uuid);
  }

  /** Terminal.disconnect: undo this terminal's wiring at both ends. */
  unwire(): void {
    if (this.wiredTo) this.wiredTo.wiredTo = null;
    this.wiredTo = null;
  }

  /** EnvObject.delete: unwired, out of the world, marked as ScienceWorld marks it. */
  delete(): void {
    for (const t of this.terminals ?? []) t.unwire();
    this.remove();
    this.name += ' (deleted)';
    this.deleted = true;
  }

  isOnFire(): boolean {
    return this.material?.isCombusting ?? false;
  }

  descriptName(override = ''): string {
    if (this.portal) return `door between ${this.portal.from.name} and ${this.portal.to.name}`;
    const name = override || (this.kind === 'animal' ? animalName(this.life!) : this.kind === 'inclined plane' ? String(this.extra.fullName) : this.name);
    if (!this.isOnFire() && this.material?.hasCombusted) return `burned ${name}`;
    if (this.isOnFire()) return `${name} (on fire)`;
    return name;
  }

  isOpenContainer(): boolean {
    return !!this.containerProp && this.containerProp.isOpen;
  }
}

/** Put `obj` into `list`, kept in uuid order (things are mostly added in that order: scan from the end). */
function insertByUuid(list: SwObject[], obj: SwObject): void {
  let i = list.length;
  while (i > 0 && list[i - 1].uuid > obj.uuid) i--;
  if (i === list.length) list.push(obj);
  else list.splice(i, 0, obj);
}

// The walks are functions of their own, not closures made per call (tsx names every closure it makes).
function collectAll(o: SwObject, out: SwObject[]): void {
  for (const c of o.contents) {
    out.push(c);
    collectAll(c, out);
  }
}

function collectVisible(o: SwObject, out: Set<SwObject>): void {
  for (const c of o.madeContents) if (!c.hidden) out.add(c);
  for (const p of o.portalList()) if (!p.hidden) out.add(p);
  for (const c of o.madeContents) if (!c.hidden) collectVisible(c, out);
}

/** A hidden, fixed electrical terminal (every object is made with two). */
function terminal(uuid: number, name: string): SwObject {
  const t = new SwObject(uuid, name, 'terminal', false);
  t.hidden = true;
  t.movable = false;
  return t;
}

/** Animal.getCanonicalName: the stage's own name, else "<stage> <type>" ("<type> egg"). */
function animalName(l: Life): string {
  const st = l.stages[l.cur];
  if (st.canonical) return st.canonical;
  return st.name === 'egg' ? `${l.type} egg` : `${st.name} ${l.type}`;
}

/** The containers up from `obj` (its container, that one's container, ...). */
export function containersOf(obj: SwObject): SwObject[] {
  const out: SwObject[] = [];
  for (let c = obj.container; c; c = c.container) out.push(c);
  return out;
}
