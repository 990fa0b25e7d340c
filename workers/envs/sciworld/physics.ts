/**
 * One simulator tick (EnvObject.tick and the device overrides): combustion, heat transfer between
 * touching objects and from heaters/coolers, changes of state from ScienceWorld's material table,
 * sinks filling containers, drains, fountains, after each living thing's life-cycle step (living.ts). Ported from processes/HeatTransfer.scala,
 * StateOfMatter.scala, Combustion.scala and objects/devices/*.scala.
 */
import type { Maker } from './world.ts';
import { electricalTick } from './electric.ts';
import { slideTick } from './incline.ts';
import { lifeTick } from './living.ts';
import type { SwObject } from './objects.ts';

const COEFF = 0.1;
const MAX_STEP = 1000;
const BURN_DELTA = 200;

const clip = (x: number) => (Math.abs(x) > MAX_STEP ? MAX_STEP * Math.sign(x) : x);

function touch(a: SwObject, b: SwObject): void {
  if (!a.material || !b.material) return;
  const k = Math.min(a.material.thermalConductivity, b.material.thermalConductivity);
  a.material.temperatureC += clip((b.material.temperatureC - a.material.temperatureC) * k * COEFF);
  b.material.temperatureC += clip((a.material.temperatureC - b.material.temperatureC) * k * COEFF);
}

export function changeOfState(o: SwObject): void {
  const m = o.material;
  if (!m) return;
  const state = m.temperatureC < m.meltingPoint ? 'solid' : m.temperatureC > m.boilingPoint ? 'gas' : 'liquid';
  if (state !== m.stateOfMatter) {
    m.stateOfMatter = state;
    if (m.nameInStateOfMatter[state] !== undefined) o.name = m.nameInStateOfMatter[state];
  }
}

function combustion(o: SwObject, make: Maker): void {
  const m = o.material;
  if (!m) return;
  if (m.temperatureC >= m.combustionPoint && !m.isCombusting && m.combustionTicks > 0) {
    m.isCombusting = true;
    m.hasCombusted = true;
  }
  if (m.isCombusting && m.combustionTicks > 0) {
    m.combustionTicks--;
    if (m.temperatureC < m.combustionPoint + BURN_DELTA) m.temperatureC = m.combustionPoint + BURN_DELTA;
    if (m.combustionTicks === 0) {
      m.isCombusting = false;
      const ash = make.substance('ash', 'AshProp', m.temperatureC);
      const c = o.container;
      c?.add(ash);
      if (c) for (const child of o.children()) c.add(child);
      o.delete();
    }
    const near = [...o.children(), ...(o.container?.children() ?? [])].sort((a, b) => a.uuid - b.uuid);
    for (const w of near) {
      if (w.material && w.material.substanceName === 'water' && w.material.stateOfMatter === 'liquid') {
        w.material.temperatureC = m.temperatureC;
        m.isCombusting = false;
        m.temperatureC = m.combustionPoint - 10;
        break;
      }
    }
  }
}

/** Device behaviour that runs before the generic tick (setting heat, filling, draining). */
function deviceTick(o: SwObject, make: Maker): void {
  if (o.heatMax !== undefined && o.deviceProp && o.kind !== 'lighter') {
    o.heatSet = o.deviceProp.isActivated ? o.heatMax : null;
    if (o.deviceProp.isActivated && !o.deviceProp.isBroken) {
      for (const c of o.children()) if (c.material && c.material.temperatureC < o.heatSet!) c.material.temperatureC += clip((o.heatSet! - c.material.temperatureC) * COEFF);
    }
  }
  if (o.coolMin !== undefined && o.deviceProp) {
    o.coolSet = o.deviceProp.isActivated ? o.coolMin : null;
    if (o.deviceProp.isActivated) {
      for (const c of o.children()) if (c.material && c.material.temperatureC > o.coolSet!) c.material.temperatureC += clip((o.coolSet! - c.material.temperatureC) * COEFF);
    }
  }
  if ((o.kind === 'sink' && o.deviceProp?.isActivated) || o.name === 'fountain') {
    if (o.kind === 'sink') {
      for (const c of o.children()) {
        if (c.containerProp?.isContainer && c.containerProp.isOpen && !c.children().some((w) => w.material?.substanceName === 'water' && w.kind === 'substance')) c.add(make.water());
      }
    }
    if (!o.children().some((w) => w.material?.substanceName === 'water' && w.kind === 'substance')) o.add(make.water());
  }
  if (o.kind === 'toilet') toiletTick(o, make);
  if (o.kind === 'ground' && o.container) for (const c of o.children()) o.container.add(c);
  if (o.kind === 'inclined plane') slideTick(o);
  if (o.kind === 'stopwatch') {
    if (o.deviceProp!.isActivated) {
      o.extra.curTime = Number(o.extra.curTime ?? 0) + 1;
      o.extra.userTime = o.extra.curTime;
    } else o.extra.curTime = 0;
  }
}

/** Toilet.tick: a flush opens the drain, keeps water in the bowl for five ticks, then stops. */
function toiletTick(o: SwObject, make: Maker): void {
  const drain = o.portalList()[0].portal!;
  let stage = Number(o.extra.flushStage);
  if (o.deviceProp!.isActivated && stage === 0) {
    stage = 1;
    drain.isOpen = true;
  }
  if (stage > 0) {
    const hasWater = (c: SwObject) => c.children().some((w) => w.material?.substanceName === 'water' && w.kind === 'substance');
    for (const c of o.children()) if (c.containerProp?.isContainer && c.containerProp.isOpen && !hasWater(c)) c.add(make.water());
    if (!hasWater(o)) o.add(make.water());
    stage++;
    if (stage > 5) {
      o.deviceProp!.isActivated = false;
      stage = 0;
    }
  }
  if (stage === 0) drain.isOpen = false;
  o.extra.flushStage = stage;
}

function portalTick(p: SwObject): void {
  if (p.tickedIn === worldTicks) return;
  if (p.kind === 'drain' && p.portal!.isOpen) {
    for (const c of p.portal!.from.children()) if (c.material?.stateOfMatter === 'liquid') p.portal!.to.add(c);
  }
  p.tickedIn = worldTicks;
}

/**
 * World ticks so far: a thing is done for this tick when its tickedIn says so, instead of a flag
 * cleared on every thing in the world first. That differs only for a thing out of the world at the
 * clearing and put back during the tick; nothing leaves the world but to be deleted or eaten.
 */
let worldTicks = 0;

export function tickWorld(universe: SwObject, make: Maker): void {
  worldTicks++;
  tick(universe, make);
}

function tick(o: SwObject, make: Maker): void {
  if (o.tickedIn === worldTicks) return;
  // A terminal (most of the world) has no material, contents, portals or life: every step below is a no-op.
  if (o.kind === 'terminal') {
    o.tickedIn = worldTicks;
    return;
  }
  lifeTick(o, make);
  deviceTick(o, make);
  combustion(o, make);
  // Terminals not made yet would tick as no-ops (as all terminals do): leave them unmade.
  const children = o.madeContents.slice();
  if (children.length > 0) {
    // Heat moves only between things with a material: the others' touches are no-ops (order kept).
    const warm = children.filter((c) => c.material);
    if (o.material) for (const c of warm) touch(o, c);
    for (let i = 0; i < warm.length; i++) for (let j = 0; j < i; j++) touch(warm[i], warm[j]);
  }
  changeOfState(o);
  electricalTick(o);
  for (const c of children) tick(c, make);
  for (const p of o.portalList()) portalTick(p);
  o.tickedIn = worldTicks;
}
