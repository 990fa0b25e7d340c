/** CLI: `npm run mock-llm -- --port 8788 [--host 127.0.0.1] [--config file.json]` starts the mock LLM server. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MockLlmServer, type MockConfig } from './mock-llm.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8788' }, host: { type: 'string', default: '127.0.0.1' }, config: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer 0..65535, got ${values.port}`);
  process.exit(2);
}
const server = new MockLlmServer();
if (values.config) server.configure(JSON.parse(readFileSync(values.config, 'utf8')) as Partial<MockConfig>);
const origin = await server.start(port, values.host);
console.log(`Mock LLM server on ${origin} (OpenAI ${origin}/v1, Anthropic ${origin}/v1, Gemini ${origin}/v1beta; control at ${origin}/__mock/config)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
