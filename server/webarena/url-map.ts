/**
 * WebArena shows the agent public-looking site URLs (http://onestopmarket.com for the shop...) and
 * maps URLs in its actions back to the local sites. Here the map is built from the placeholder
 * names, so any set of site URLs (the demo sites, or a user's WebArena install) maps the same way.
 */

/** WebArena's public names per placeholder (browser_env/env_config.py URL_MAPPINGS). */
export const PUBLIC_URLS: Record<string, string> = {
  __SHOPPING_ADMIN__: 'http://luma.com/admin',
  __SHOPPING__: 'http://onestopmarket.com',
  __REDDIT__: 'http://reddit.com',
  __GITLAB__: 'http://gitlab.com',
  __MAP__: 'http://openstreetmap.org',
  __WIKIPEDIA__: 'http://wikipedia.org',
  __HOMEPAGE__: 'http://homepage.com',
};

export interface UrlMap {
  /** Local URLs in a text (the URL line, the tree's url properties) to the public names. */
  toPublic(text: string): string;
  /** Public names (http or https) in an action's URL back to the local sites. */
  toLocal(url: string): string;
}

export function urlMap(local: Record<string, string>): UrlMap {
  // Longest first: the admin base (shop + /admin) must win over the shop base.
  const pairs = Object.entries(local)
    .filter(([ph]) => ph in PUBLIC_URLS)
    .map(([ph, url]) => ({ local: url, pub: PUBLIC_URLS[ph] }));
  const byLocal = [...pairs].sort((a, b) => b.local.length - a.local.length);
  const byPublic = [...pairs].sort((a, b) => b.pub.length - a.pub.length);
  return {
    toPublic(text) {
      let out = text;
      for (const p of byLocal) out = out.split(p.local).join(p.pub);
      return out;
    },
    toLocal(url) {
      for (const p of byPublic) {
        for (const form of [p.pub, p.pub.replace(/^http:/, 'https:')]) {
          if (url.startsWith(form)) return p.local + url.slice(form.length);
        }
      }
      return url;
    },
  };
}
