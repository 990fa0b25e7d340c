/**
 * ScienceWorld's inclined plane (objects/misc/InclinedPlane.scala): an open container whose solid
 * contents slide from the top (where anything put on it starts) to the bottom at a constant speed
 * per tick, set by the plane's angle and its surface's friction; liquids drop to the bottom, gases
 * rise to the top. Its description gives each thing's place on the plane.
 */
import { material, openUnclosable, type SwObject } from './objects.ts';
import type { Maker } from './world.ts';

/** A plane's surface: the material named in its name (none for the default surface) and its friction. */
export interface Surface {
  name: string | null;
  friction: number;
}

/** DefaultFrictionMaterialProp: not named, friction 0.5. */
export const DEFAULT_SURFACE: Surface = { name: null, friction: 0.5 };

// The Scala keeps g and the "top" threshold as Floats: the same values as doubles here.
const G = Math.fround(0.1);
const TOP = Math.fround(0.99);

/** Each thing's place on the plane, 1 (top) to 0 (bottom); SwObject.add puts a new one at the top. */
const posKey = (obj: SwObject) => `pos${obj.uuid}`;

export function inclinedPlane(m: Maker, angleDeg: number, surface: Surface, additionalName = ''): SwObject {
  const o = m.obj('inclined plane', 'inclined plane', { mat: 'SteelProp' });
  o.containerProp = openUnclosable();
  const suffix = surface.name === null ? '' : ` with a ${surface.name} surface`;
  o.extra.fullName = `inclined plane ${additionalName} ${suffix}`.replace(/\s+/g, ' ').trim();
  o.extra.angle = angleDeg;
  o.extra.friction = surface.friction;
  o.extra.surface = surface.name ?? '';
  o.extra.additionalName = additionalName;
  return o;
}

export function positionOnPlane(plane: SwObject, obj: SwObject): number | undefined {
  const p = plane.extra[posKey(obj)];
  return p === undefined ? undefined : Number(p);
}

/** InclinedPlane.tick: each visible thing on it slides one step. */
export function slideTick(plane: SwObject): void {
  for (const obj of plane.children(false)) {
    const key = posKey(obj);
    const old = plane.extra[key];
    if (old === undefined) continue;
    const state = obj.material?.stateOfMatter;
    if (state === 'liquid') plane.extra[key] = 0;
    else if (state === 'gas') plane.extra[key] = 1;
    else if (Number(old) > 0) {
      const delta = G * Math.sin((Number(plane.extra.angle) * Math.PI) / 180) * (1 - Number(plane.extra.friction));
      plane.extra[key] = Math.max(Number(old) - delta, 0);
    }
  }
}

/** Java's "%3.0f", trimmed: half-up (x - floor(x) is exact, unlike x + 0.5 near a half). */
function percent(x: number): string {
  const f = Math.floor(x);
  return String(x - f >= 0.5 ? f + 1 : f);
}

/** InclinedPlane.getDescription (the same in every mode). */
export function planeDescription(plane: SwObject): string {
  const n = plane.descriptName();
  const items = [...plane.children(false), ...plane.portalList()];
  if (items.length === 0) return `an ${n}`;
  const parts = items.map((c) => {
    let s = ` a ${c.descriptName()}`;
    const p = positionOnPlane(plane, c);
    if (p !== undefined) {
      if (p === 0) s += ' at the bottom of the plane';
      else if (p >= TOP) s += ' at the top of the plane';
      else s += ` approximately ${percent(100 - 100 * p)}% down the plane`;
    }
    return s;
  });
  return `an ${n}, with: ${parts.join(',')}`;
}

/** InclinedPlane.getReferents. */
export function planeReferents(plane: SwObject): string[] {
  const d = plane.descriptName();
  const out = ['inclined plane', 'plane', plane.name, d];
  const add = String(plane.extra.additionalName);
  if (!add) return out;
  return [...out, `inclined plane ${add}`, `plane ${add}`, `${plane.name} ${add}`, `${d} ${add}`];
}

/** The blocks slid down the planes (objects/substance/Substance.scala): wood block, steel block, brick. */
export function block(m: Maker, name: 'wood block' | 'steel block' | 'brick'): SwObject {
  const mat = { 'wood block': 'WoodProp', 'steel block': 'SteelProp', brick: 'BrickProp' }[name];
  return m.obj(name, 'block', { mat, refs: [name === 'brick' ? 'substance' : 'block'] });
}

/** The surface's material name, as the friction goals compare it. */
export const surfaceOf = (plane: SwObject) => String(plane.extra.surface);
/** A material's friction surface (its substance name and coefficient). */
export function surfaceFrom(className: string): Surface {
  const mat = material(className);
  return { name: mat.substanceName, friction: mat.frictionCoefficient };
}
