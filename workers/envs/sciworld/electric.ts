/**
 * ScienceWorld's electricity (objects/electricalcomponent/*.scala, processes/ElectricalConductivity.scala,
 * actions/ActionConnectElectrical.scala): terminals wired one-to-one, generators that put 9 V on
 * their anode and ground on their cathode, components that switch on when their anode reaches
 * ground and their cathode touches a 9 V terminal, wires and conductive things that pass a circuit
 * through, and the connect / disconnect actions with ScienceWorld's texts.
 *
 * As in ScienceWorld, a terminal keeps the voltage it was last given (only a non-conductor clears
 * its terminals), and the walk to ground gives up after ten steps.
 */
import type { SwObject } from './objects.ts';

const VOLTAGE = 9;
const GROUND = 0;

/** Polarized components (anode, cathode) by their kind; generators make the voltage. */
const GENERATORS = new Set(['battery', 'generator']);
const USERS = new Set(['light bulb', 'motor', 'buzzer']);

export const isPolarized = (o: SwObject) => o.terminals?.[0].name === 'anode';
export const isGenerator = (o: SwObject) => GENERATORS.has(o.kind);
/** An UnpolarizedElectricalComponent (a wire): its terminals are visible and it always conducts. */
const isComponent = (o: SwObject) => o.kind === 'wire';
/** The thing a terminal belongs to. */
export const parentOf = (t: SwObject) => t.container!;

/** getOtherElectricalTerminal: the far side of a part, none through a switch that is off. */
function otherTerminal(part: SwObject, t: SwObject): SwObject | null {
  if (!part.terminals) return null;
  if (part.kind === 'switch' && !part.deviceProp!.isActivated) return null;
  const [a, b] = part.terminals;
  return t === a ? b : t === b ? a : null;
}

/** Terminal.connectsToVoltage: wired straight to a terminal at 9 V. */
const connectsToVoltage = (t: SwObject) => t.wiredTo?.voltage === VOLTAGE;

/** Terminal.connectsToGround: follow the wiring through parts that conduct to a generator's cathode. */
function connectsToGround(t: SwObject, maxSteps = 10): boolean {
  const far = t.wiredTo;
  if (!far) return false;
  const part = parentOf(far);
  if (isGenerator(part)) return far.voltage === GROUND;
  if (!isPolarized(part) && !isComponent(part) && !part.material?.electricallyConductive) return false;
  const next = otherTerminal(part, far);
  if (!next) return false;
  return maxSteps > 0 && connectsToGround(next, maxSteps - 1);
}

/** RenewableOutdoorGenerator: on when outside, or in open containers that are outside (ten levels). */
function seesOutside(o: SwObject): boolean {
  let c = o.container;
  for (let i = 0; i < 10; i++) {
    if (!c) return false;
    if (c.kind === 'outside') return true;
    if (!c.containerProp?.isOpen) return false;
    c = c.container;
  }
  return false;
}

/** The electrical part of an object's tick (run where ScienceWorld runs it: before its contents tick). */
export function electricalTick(o: SwObject): void {
  // A pair not made yet is unwired and uncharged: nothing to do unless the thing is an activated wire.
  const ts = o.madeTerminals() ?? (isComponent(o) && o.deviceProp?.isActivated ? o.terminals : null);
  if (!ts || o.kind === 'terminal') return;
  const [a, b] = ts;
  if (isPolarized(o)) {
    if (isGenerator(o)) {
      if (o.extra.renewable) o.deviceProp!.isActivated = seesOutside(o);
      const on = o.deviceProp!.isActivated;
      a.voltage = on ? VOLTAGE : null;
      b.voltage = on ? GROUND : null;
    } else if (USERS.has(o.kind)) {
      o.deviceProp!.isActivated = false;
      if (connectsToGround(a) && connectsToVoltage(b)) {
        a.voltage = VOLTAGE;
        o.deviceProp!.isActivated = true;
      }
    }
    return;
  }
  // unpolarizedElectricalConductivityTick: nothing to do for unwired, uncharged things (most of the world).
  const wire = isComponent(o);
  if (!a.wiredTo && !b.wiredTo && a.voltage === null && b.voltage === null && !(wire && o.deviceProp?.isActivated)) return;
  if (!wire && !o.material?.electricallyConductive) {
    a.voltage = null;
    b.voltage = null;
    return;
  }
  if (wire) o.deviceProp!.isActivated = false;
  for (const [ground, live] of [
    [a, b],
    [b, a],
  ]) {
    if (connectsToGround(ground) && connectsToVoltage(live)) {
      ground.voltage = VOLTAGE;
      if (wire) o.deviceProp!.isActivated = true;
      return;
    }
  }
}

// ---------------------------------------------------------------- descriptions

/** ElectricalConnectionProperties.getConnectedToStr. */
export function connectedToText(t: SwObject): string {
  return t.wiredTo ? `a ${t.wiredTo.descriptName()} on ${parentOf(t.wiredTo).name}` : 'nothing';
}

/** The detailed tail of a polarized component's description. */
export function polesText(o: SwObject): string {
  const [anode, cathode] = o.terminals!;
  return `. its anode is connected to: ${connectedToText(anode)}. its cathode is connected to: ${connectedToText(cathode)}. `;
}

// ---------------------------------------------------------------- actions

/** ActionConnectElectrical.getTerminal: the terminal meant, or why there is none. */
function terminalOf(x: SwObject): SwObject | string {
  if (x.kind === 'terminal') return x;
  if (isPolarized(x)) return 'Connections must specify specific points of contact on polarized electrical components (e.g. anode, cathode)';
  if (isComponent(x)) return 'Connections must specify specific points of contact on unpolarized electrical components (e.g. terminal 1, terminal 2)';
  if (!x.terminals) return `It's not clear how to connect something to ${x.name}`;
  const free = x.terminals.find((t) => !t.wiredTo);
  return free ?? `${x.name} is already connected, and must be disconnected before it can be connected to something else`;
}

export function connect(x: SwObject, y: SwObject): string {
  const a = terminalOf(x);
  if (typeof a === 'string') return a;
  const b = terminalOf(y);
  if (typeof b === 'string') return b;
  if (a === b) return "Something can't be connected to itself.";
  for (const t of [a, b]) {
    if (t.wiredTo) return `${t.name} on ${parentOf(t).name} is already connected, and must be disconnected before it can be connected to something else`;
  }
  a.wiredTo = b;
  b.wiredTo = a;
  return `${a.name} on ${parentOf(a).name} is now connected to ${b.name} on ${parentOf(b).name}`;
}

export function disconnect(x: SwObject): string {
  if (x.kind === 'terminal') return `You must disconnect entire objects (such as ${parentOf(x).name}) instead of just single terminals`;
  for (const t of x.terminals ?? []) t.unwire();
  return `${x.name} has been disconnected`;
}

// ---------------------------------------------------------------- what goals ask

/** The parts wired to a wire's two ends. */
export const wireEnds = (w: SwObject): SwObject[] => w.terminals!.flatMap((t) => (t.wiredTo ? [parentOf(t.wiredTo)] : []));

/** Whether terminal `side` (0: terminal 1 / anode, 1: terminal 2 / cathode) of `o` is wired to a wire. */
export const sideOnWire = (o: SwObject, side: 0 | 1): boolean => {
  const far = o.terminals?.[side].wiredTo;
  return !!far && parentOf(far).kind === 'wire';
};

/**
 * ElectricalConductivity.areComponentsElectricallyConnected(part, name): from the far side of the
 * part's anode (terminal 1), along the wiring, to a part called `name` (ten steps at most).
 */
export function wiredToNamed(part: SwObject, name: string): boolean {
  const walk = (p: SwObject, from: SwObject, left: number): boolean => {
    if (left <= 0) return false;
    const other = otherTerminal(p, from);
    const far = other?.wiredTo;
    if (!far) return false;
    const next = parentOf(far);
    return next.name === name || walk(next, far, left - 1);
  };
  return !!part.terminals && walk(part, part.terminals[0], 10);
}
