/**
 * `npm run serve -- [options]`: the AgentGym-compatible HTTP server (see USAGE). Binds loopback
 * unless told otherwise, and then insists on a token: anyone who can reach the port could
 * otherwise create, step and close envs. Stops cleanly on SIGINT/SIGTERM.
 */
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { createHttpApp } from './http-app.ts';
import { APP_ORIGINS, LOOPBACK_HOSTS } from './http-guard.ts';
import { ENVS } from '../workers/envs/registry.ts';
import { DATA_FLAG_OPTIONS, DATA_FLAGS_USAGE, useDataFlags } from './data-flags.ts';

const USAGE = `Usage: npm run serve -- [options]
  --port 36001            port (0: any free one)
  --host 127.0.0.1        address to bind; anything beyond loopback needs a token
  --token TOKEN           required on every request, as "Authorization: Bearer TOKEN" or in the
                          base URL http://host:port/t/TOKEN/<env> (for AgentGym's Python clients).
                          Prefer the AGENTGYM_WEB_TOKEN environment variable: --token shows in ps.
  --allow-origin ORIGIN   a web origin that may call the server from a browser (repeatable;
                          the app's own ${APP_ORIGINS.join(', ')} always may)
  --allow-host NAME       an extra Host name to accept (repeatable), e.g. a LAN hostname
  --ttl-minutes 60        close envs unused for this long (AgentGym's clients never close theirs)
  --max-per-client 1000   live envs per remote address (loopback clients share the 10,000 cap)
${DATA_FLAGS_USAGE}`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    options: {
      port: { type: 'string', default: '36001' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'ttl-minutes': { type: 'string', default: '60' },
      'max-per-client': { type: 'string', default: '1000' },
      ...DATA_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0..65535, got ${JSON.stringify(values.port)}`);
const ttlMinutes = Number(values['ttl-minutes']);
if (!(ttlMinutes > 0 && ttlMinutes <= 7 * 24 * 60)) fail('--ttl-minutes must be a number of minutes up to a week');
const maxPerClient = Number(values['max-per-client']);
if (!Number.isInteger(maxPerClient) || maxPerClient < 1) fail('--max-per-client must be a whole number of at least 1');
for (const o of values['allow-origin']) {
  if (!/^https?:\/\/[^/\s]+$/.test(o)) fail(`--allow-origin must be scheme://host[:port] with no path, got ${JSON.stringify(o)}`);
}

const token = values.token ?? process.env.AGENTGYM_WEB_TOKEN;
const host = values.host.toLowerCase();
const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
const wildcard = host === '0.0.0.0' || host === '::';
if (!loopback && !token) fail(`Binding ${values.host} lets other machines reach the server: set AGENTGYM_WEB_TOKEN (or --token).`);
if (token !== undefined && !/^[A-Za-z0-9._~-]{16,200}$/.test(token)) fail('The token must be 16 to 200 characters of A-Z a-z 0-9 . _ ~ - (it goes in URLs).');
// A wildcard bind answers to any name the machine has; the token is then the guard.
const bound = isIP(host) === 6 ? `[${host}]` : host;
const allowHosts = wildcard ? null : [...LOOPBACK_HOSTS, bound, ...values['allow-host']];

try {
  for (const line of await useDataFlags(values)) console.log(line);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

const server = createServer(
  createHttpApp({
    allowOrigins: [...APP_ORIGINS, ...values['allow-origin']],
    allowHosts,
    ...(token ? { token } : {}),
    ttlMs: ttlMinutes * 60_000,
    maxPerClient,
  }),
);
server.on('error', (e) => {
  console.error(`Server error: ${e.message}`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const addr = server.address();
  const origin = typeof addr === 'object' && addr ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
  const base = token ? `${origin}/t/<token>` : origin;
  console.log(`agentgym-web env server on ${origin}${token ? ' (token required)' : ''}`);
  const width = Math.max(...ENVS.map((e) => e.title.length));
  for (const e of ENVS) console.log(`  ${e.title.padEnd(width)}  env_server_base = ${base}/${e.id}`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: closing`);
  // Let requests in flight finish, drop idle keep-alive sockets, and give up after 5 s.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 5000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
