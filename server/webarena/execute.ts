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

/** Waits for every main-frame navigation started during `run` to load (or fail). */
async function settling(page: Page, run: () => Promise<void>): Promise<void> {
  let started = 0;
  let finished = 0;
  const isMainNav = (r: Request) => r.isNavigationRequest() && r.frame() === page.mainFrame() && !r.redirectedFrom();
  const onRequest = (r: Request) => void (isMainNav(r) && started++);
  const onFailed = (r: Request) => void (isMainNav(r) && finished++);
  const onLoad = () => void (finished = started);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('load', onLoad);
  try {
    await run();
    // One frame later a navigation the action triggered has been requested.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))).catch(() => {});
    const deadline = Date.now() + NAV_TIMEOUT_MS;
    while (finished < started && Date.now() < deadline && !page.isClosed()) {
      await Promise.race([page.waitForEvent('load', { timeout: NAV_TIMEOUT_MS }), page.waitForEvent('requestfailed', { timeout: NAV_TIMEOUT_MS })]).catch(() => {});
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    page.off('load', onLoad);
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
