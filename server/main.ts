/**
 * `npm run serve -- [--port 36001] [--host 127.0.0.1]`: the AgentGym-compatible HTTP server.
 * Binds loopback unless told otherwise; stops cleanly on SIGINT/SIGTERM.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createHttpApp } from './http-app.ts';
import { ENVS } from '../workers/envs/registry.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '36001' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run serve -- [--port 36001] [--host 127.0.0.1]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer 0..65535, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}

const server = createServer(createHttpApp());
server.on('error', (e) => {
  console.error(`Server error: ${e.message}`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const addr = server.address();
  const base = typeof addr === 'object' && addr ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : String(addr);
  console.log(`agentgym-web env server on ${base}`);
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
