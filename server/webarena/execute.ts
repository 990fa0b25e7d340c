/**
 * Runs one parsed action in the browser as WebArena does (browser_env/actions.py execute_action):
 * element actions at the centre of the node's box, keyboard and scroll as there, tab handling over
 * the context's pages. Execution errors are swallowed as in WebArena (the step still observes);
 * navigations an action starts are waited for, so the next observation is of the new page.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { Action } from './actions.ts';
import type { NodeInfo } from './axtree.ts';

export interface Tabs {
  context: BrowserContext;
  current: Page;
}

const NAV_TIMEOUT_MS = 15_000;

/** Set in the page by `beforeunload`: the page is being navigated away from. */
type Leaving = { __agentgymLeaving?: boolean };

/** Waits for every main-frame navigation started during `run` to load (or fail). */
async function settling(page: Page, run: () => Promise<void>): Promise<void> {
  let started = 0;
  let finished = 0;
  let loads = 0;
  /** A navigation counted as started on the page's word, before the browser reported its request. */
  let unreported = false;
  const isMainNav = (r: Request) => r.isNavigationRequest() && r.frame() === page.mainFrame() && !r.redirectedFrom();
  const onRequest = (r: Request) => {
    if (!isMainNav(r)) return;
    if (unreported) unreported = false;
    else started++;
  };
  const onFailed = (r: Request) => void (isMainNav(r) && finished++);
  const onLoad = () => {
    loads++;
    finished = started;
  };
  const onDownload = () => void (finished = started);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('load', onLoad);
  page.on('download', onDownload);
  try {
    // A navigation fires beforeunload in the page as it begins, while the browser may report its
    // request only later (on a busy machine, after the frame below): a form posted by a click was
    // then not waited for, and the next action or the evaluator's own page load cut it off.
    await page.evaluate(() => {
      (window as Leaving).__agentgymLeaving = false;
      addEventListener('beforeunload', () => ((window as Leaving).__agentgymLeaving = true), { once: true });
    }).catch(() => {});
    await run();
    // One frame later a navigation the action triggered has begun. A page already gone (the
    // evaluation fails) was left too.
    const leaving = await page
      .evaluate(() => new Promise<boolean>((r) => requestAnimationFrame(() => setTimeout(() => r((window as Leaving).__agentgymLeaving === true), 0))))
      .catch(() => true);
    if (leaving && started === 0 && loads === 0) {
      started = 1;
      unreported = true;
    }
    const deadline = Date.now() + NAV_TIMEOUT_MS;
    while (finished < started && Date.now() < deadline && !page.isClosed()) {
      await Promise.race([page.waitForEvent('load', { timeout: NAV_TIMEOUT_MS }), page.waitForEvent('requestfailed', { timeout: NAV_TIMEOUT_MS })]).catch(() => {});
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    page.off('load', onLoad);
    page.off('download', onDownload);
  }
}

function centre(info: NodeInfo | undefined): { x: number; y: number } | null {
  if (!info?.bound) return null;
  const [x, y, w, h] = info.bound;
  return { x: x + w / 2, y: y + h / 2 };
}

/**
 * Executes `action` (not stop, which ends the episode, nor goto, whose URL is checked first by the
 * caller and passed already mapped to the local site). Returns the tab state afterwards.
 */
export async function execute(action: Action, tabs: Tabs, node: (id: string) => NodeInfo | undefined): Promise<void> {
  const page = tabs.current;
  try {
    switch (action.kind) {
      case 'click':
      case 'hover':
      case 'type': {
        const at = centre(node(action.id));
        if (!at) return;
        await settling(page, async () => {
          if (action.kind === 'hover') return page.mouse.move(at.x, at.y);
          await page.mouse.click(at.x, at.y);
          if (action.kind === 'type') await page.keyboard.type(action.text);
        });
        return;
      }
      case 'press':
        // WebArena maps Meta to Control off macOS; the browser here never runs on macOS.
        return settling(page, () => page.keyboard.press(action.keys.replace(/Meta/g, 'Control')));
      case 'scroll':
        await page.evaluate((down) => {
          const el = document.scrollingElement || document.body;
          el.scrollTop = el.scrollTop + (down ? window.innerHeight : -window.innerHeight);
        }, action.direction === 'down');
        return;
      case 'goto':
        await page.goto(action.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        return;
      case 'go_back':
        await page.goBack({ waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        return;
      case 'go_forward':
        await page.goForward({ waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        return;
      case 'new_tab':
        tabs.current = await tabs.context.newPage();
        return;
      case 'tab_focus': {
        const target = tabs.context.pages()[action.index];
        if (!target) return;
        tabs.current = target;
        await target.bringToFront();
        return;
      }
      case 'close_tab': {
        await page.close();
        const rest = tabs.context.pages();
        tabs.current = rest.length ? rest[rest.length - 1] : await tabs.context.newPage();
        await tabs.current.bringToFront();
        return;
      }
      case 'stop':
        return;
    }
  } catch {
    // As WebArena: a failed execution leaves the page as it is and the step observes it.
  }
}
