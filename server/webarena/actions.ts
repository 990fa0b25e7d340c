/**
 * WebArena's id-based action grammar (browser_env/actions.py `create_id_based_action`), with its
 * parse rules and error texts, and the text of an action as PREVIOUS ACTION shows it.
 */

export type Action =
  | { kind: 'click' | 'hover'; id: string }
  | { kind: 'type'; id: string; text: string }
  | { kind: 'press'; keys: string }
  | { kind: 'scroll'; direction: 'up' | 'down' }
  | { kind: 'goto'; url: string }
  | { kind: 'new_tab' | 'go_back' | 'go_forward' | 'close_tab' }
  | { kind: 'tab_focus'; index: number }
  | { kind: 'stop'; answer: string };

/** Parsed, or WebArena's error text (observation of a step that did nothing). */
export type Parsed = { action: Action } | { error: string };

/**
 * The text inside the first pair of ``` (WebArena's action splitter), or the whole text when it has
 * no pair: AgentGym's client posts the raw reply and the server extracts; our agent format
 * extracts first. Either way the same string reaches `parseAction`.
 */
export function actionText(reply: string): string {
  const m = /```((.|\n)*?)```/.exec(reply);
  return m ? m[1].trim() : reply;
}

export function parseAction(raw: string): Parsed {
  const s = raw.trim();
  // Python's str.split()[0] raises on an empty string; WebArena then reports the exception.
  const keyword = s.includes('[') ? s.split('[')[0].trim() : (s.split(/\s+/)[0] ?? '');
  const fail = (what: string) => ({ error: `Invalid ${what}action ${s}` });
  const one = (re: RegExp) => re.exec(s);
  switch (keyword) {
    case 'click':
    case 'hover': {
      const m = one(keyword === 'click' ? /click ?\[(\d+)\]/ : /hover ?\[(\d+)\]/);
      return m ? { action: { kind: keyword, id: m[1] } } : fail(`${keyword} `);
    }
    case 'type': {
      const withFlag = s.endsWith('[0]') || s.endsWith('[1]') ? s : `${s} [1]`;
      const m = /type ?\[(\d+)\] ?\[(.+)\] ?\[(\d+)\]/.exec(withFlag);
      // WebArena's error names the string with the flag it appended.
      return m ? { action: { kind: 'type', id: m[1], text: m[3] === '1' ? `${m[2]}\n` : m[2] } } : { error: `Invalid type action ${withFlag}` };
    }
    case 'press': {
      const m = one(/press ?\[(.+)\]/);
      return m ? { action: { kind: 'press', keys: m[1] } } : fail('press ');
    }
    case 'scroll': {
      const m = one(/scroll ?\[?(up|down)\]?/);
      return m ? { action: { kind: 'scroll', direction: m[1] as 'up' | 'down' } } : fail('scroll ');
    }
    case 'goto': {
      const m = one(/goto ?\[(.+)\]/);
      return m ? { action: { kind: 'goto', url: m[1] } } : fail('goto ');
    }
    case 'tab_focus': {
      const m = one(/tab_focus ?\[(\d+)\]/);
      return m ? { action: { kind: 'tab_focus', index: Number(m[1]) } } : fail('tab_focus ');
    }
    case 'new_tab':
    case 'go_back':
    case 'go_forward':
    case 'close_tab':
      return { action: { kind: keyword } };
    case 'stop': {
      // Greedy, as WebArena's regex: "stop [a] [b]" answers "a] [b".
      const m = one(/stop ?\[(.+)\]/);
      return { action: { kind: 'stop', answer: m ? m[1] : '' } };
    }
  }
  return fail('');
}

/**
 * PREVIOUS ACTION as WebArena's prompt shows it (helper_functions.get_action_description):
 * element actions name the element's observation line; an unknown id says so.
 */
export function describeAction(a: Action, nodeLine: (id: string) => string | undefined): string {
  switch (a.kind) {
    case 'click':
    case 'hover':
    case 'type': {
      const line = nodeLine(a.id);
      if (line === undefined) {
        return `Attempt to perfom "${a.kind}" on element "[${a.id}]" but no matching element found. Please check the observation more carefully.`;
      }
      const what = line.split(/\s+/).slice(1).join(' ');
      const text = a.kind === 'type' ? ` [${a.text.replace(/\n/g, ' ')}]` : '';
      return `${a.kind} [${a.id}]${text} where [${a.id}] is ${what}`;
    }
    case 'press':
      return `press [${a.keys}]`;
    case 'scroll':
      return `scroll [${a.direction}]`;
    case 'goto':
      return `goto [${a.url}]`;
    case 'tab_focus':
      return `page_focus [${a.index}]`;
    case 'stop':
      return `stop [${a.answer}]`;
    default:
      return a.kind;
  }
}
