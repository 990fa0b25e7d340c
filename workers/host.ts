/**
 * Web Worker entry: hosts one EnvSession per worker (one worker per live episode) and exposes it
 * with comlink. Errors thrown by an env reach the caller as rejected promises with the message.
 */
import * as Comlink from 'comlink';
import { EnvSession, type Snapshot } from './session.ts';

export interface EnvHostApi {
  open(envId: string): void;
  reset(index: number): Snapshot;
  step(action: string): Snapshot;
  invalid(observation: string): Snapshot;
  current(): Snapshot;
}

let session: EnvSession | null = null;

function live(): EnvSession {
  if (!session) throw new Error('No environment open in this worker.');
  return session;
}

const api: EnvHostApi = {
  open(envId) {
    session = new EnvSession(envId);
  },
  reset: (index) => live().reset(index),
  step: (action) => live().step(action),
  invalid: (observation) => live().invalid(observation),
  current: () => live().current(),
};

Comlink.expose(api);
