/**
 * Download progress a worker reports to the page, beside comlink's own messages (comlink ignores
 * messages that are not its replies). The page shows a progress bar; the pool's watchdog counts a
 * worker that is still receiving data as alive.
 */
export interface DataProgressMessage {
  kind: 'agentgym-data-progress';
  env: string;
  path: string;
  received: number;
  /** 0 when the server does not say. */
  total: number;
  /** The last bytes have arrived. */
  done: boolean;
}

export function isDataProgress(data: unknown): data is DataProgressMessage {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'agentgym-data-progress';
}
