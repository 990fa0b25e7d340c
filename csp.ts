/**
 * Content-Security-Policy of the built app, as a <meta> tag in the built index.html (any static
 * host) and as headers from `vite preview` (which can also forbid framing; a meta tag cannot).
 *
 * - script-src 'self' 'wasm-unsafe-eval': no inline or injected script can run; sql.js compiles WebAssembly.
 * - style-src 'unsafe-inline': Svelte writes style attributes; styles cannot run code.
 * - connect-src is open to https: and to loopback over http: the app calls the LLM endpoints the
 *   user configures in Settings, which can be any provider (or a local Ollama, vLLM, llama.cpp or
 *   the mock server on localhost), and a CSP cannot follow settings stored in IndexedDB. CSP has
 *   no syntax for IPv6 literals, so use localhost rather than [::1]. A plain
 *   http endpoint on another machine is refused; serve it over https or through localhost.
 * - frame-ancestors 'none': no other site may frame the app (clickjacking), headers only.
 */
import type { Plugin } from 'vite';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  'connect-src \'self\' https: http://localhost:* http://127.0.0.1:*',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const META_CSP = DIRECTIVES.join('; ');
export const HEADER_CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Adds the CSP meta tag to the built index.html (not in dev, where Vite's client injects code). */
export function cspPlugin(): Plugin {
  return {
    name: 'agentgym-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' }],
  };
}
