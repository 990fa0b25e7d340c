/** Helpers for AgentGym's "Thought: ... Action: ..." reply format. */

/** Text after the first "Action:" (AgentGym's LMRL-Gym clients), trailing "</s>" removed; null if none. */
export function afterFirstAction(reply: string): string | null {
  const text = reply.replace(/<\/s>\s*$/, '');
  const at = text.indexOf('Action:');
  if (at < 0) return null;
  return text.slice(at + 'Action:'.length).trim();
}

/** Text after the last "Action:" (AgentGym's BaseAdapter.parse_react); null if none. */
export function afterLastAction(reply: string): string | null {
  const at = reply.lastIndexOf('Action:');
  if (at < 0) return null;
  return reply.slice(at + 'Action:'.length).trim();
}

/** The thought part of a ReAct reply, for display; empty when the reply has no "Action:". */
export function thoughtOf(reply: string): string {
  const at = reply.lastIndexOf('Action:');
  if (at < 0) return '';
  const head = reply.slice(0, at);
  const t = head.indexOf('Thought:');
  return (t < 0 ? head : head.slice(t + 'Thought:'.length)).trim();
}
