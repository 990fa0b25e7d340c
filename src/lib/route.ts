/** Hash routes: #/play, #/history, #/history/<id>, #/history/run/<run id>, #/settings, ... (the fragment never reaches a server). */
export interface Route {
  view: string;
  arg: string | null;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const slash = path.indexOf('/');
  const view = (slash < 0 ? path : path.slice(0, slash)) || 'play';
  return { view, arg: slash < 0 ? null : decodeURIComponent(path.slice(slash + 1)) || null };
}

/** History's argument: one episode to open, or a run whose episodes to list (`run/<id>`). */
export function historyArg(arg: string | null): { openId: string | null; runId: string | null } {
  return arg?.startsWith('run/') ? { openId: null, runId: arg.slice(4) || null } : { openId: arg, runId: null };
}
