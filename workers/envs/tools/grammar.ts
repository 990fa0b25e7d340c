/**
 * AgentGym's tool-call grammar (agentenv-tool server + Toolusage's helpers.parse_action), with its
 * exact quirks: the call must be the reply's last line, the text before "with" must contain
 * "Action:", and the input is read as a Python literal (or JSON).
 */
import { LiteralError, parseLiteral } from './literal.ts';
import type { PyValue } from './py.ts';

/** The server's reply to text without "... with Action Input: ..." (verbatim: two spaces, one quote). */
export const FORMAT_ERROR = 'Format error, please response in the format of  "Action: [your action] with Action Input: [your action input]';
export const NOT_ACTION = 'ERROR | TypeError(cannot unpack non-iterable NoneType object)';
export const BAD_INPUT = 'ERROR | Exception(Parameters in action input are not valid, please change your action input.)';

/**
 * Step 1, `re.search(r"\s*(.*?)\s*with\s*Action Input:\s*(.*?)$", text)`: Python's `.` stops at
 * "\n" only and its `$` also matches before one final "\n", hence `[^\n]` and `(?=\n?$)`.
 */
const LINE = /\s*([^\n]*?)\s*with\s*Action Input:\s*([^\n]*?)(?=\n?$)/;
const HAS_CALL = /with\s*Action Input:/;
/** Step 2, on the rebuilt one-line string: `.*?Action:\s*(.*?)\s*with\s*Action Input:\s*(.*?)$`. */
const CALL = /^[\s\S]*?Action:\s*([\s\S]*?)\s*with\s*Action Input:\s*([\s\S]*?)$/;

export type Parsed =
  /** No call line: the format error, returned without "Observation:". */
  | { kind: 'format-error' }
  /** A call line the server rejects before dispatch (its observation text). */
  | { kind: 'error'; text: string; rebuilt: string }
  | { kind: 'call'; name: string; input: PyValue; rebuilt: string };

/**
 * The server's rebuilt call string, `"<text before with> with Action Input: <input>"`, or null when
 * the reply has no call line. Everything the server does depends on this string alone, and parsing
 * it again gives itself back, so it can stand for the reply.
 */
export function callLine(reply: string): string | null {
  // A match can only lie on the last line (before one final "\n"), and there only if the line
  // holds "with Action Input:": checking both first keeps a 100 KB reply without a call linear,
  // where the unanchored lazy search alone is quadratic. The groups come out the same.
  const body = reply.endsWith('\n') ? reply.slice(0, -1) : reply;
  const last = body.slice(body.lastIndexOf('\n') + 1);
  if (!HAS_CALL.test(last)) return null;
  const line = LINE.exec(last);
  return line ? `${line[1]} with Action Input: ${line[2]}` : null;
}

export function parseCall(reply: string): Parsed {
  const rebuilt = callLine(reply);
  if (rebuilt === null) return { kind: 'format-error' };
  const call = CALL.exec(rebuilt);
  if (!call) return { kind: 'error', text: NOT_ACTION, rebuilt };
  try {
    // Python's eval strips leading spaces and tabs; trailing whitespace is harmless to it. JSON's
    // true/false/null are read too, where AgentGym's eval raises NameError: a deliberate kindness,
    // since models write JSON and such inputs carry no answer AgentGym would score differently.
    return { kind: 'call', name: call[1], input: parseLiteral(call[2].replace(/^[ \t]+/, ''), { json: true }), rebuilt };
  } catch (e) {
    if (e instanceof LiteralError) return { kind: 'error', text: BAD_INPUT, rebuilt };
    throw e;
  }
}

/** AgentGym ends the episode when the rebuilt call merely contains "finish" or "Finish". */
export function endsEpisode(rebuilt: string): boolean {
  return rebuilt.includes('finish') || rebuilt.includes('Finish');
}
