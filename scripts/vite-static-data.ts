/**
 * Serves static-data/ at /static-data/ in the dev server and copies it into the build, so envs
 * fetch their data files on first use (workers/data-source.ts). Not Vite's publicDir: modules also
 * import small JSON files from static-data/, which Vite refuses from a public directory.
 */
import { cpSync, createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const DIR = resolve('static-data');
const TYPES: Record<string, string> = { '.json': 'application/json', '.sqlite': 'application/vnd.sqlite3', '.gz': 'application/gzip' };

export function staticDataPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'agentgym-static-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/static-data', (req, res, next) => {
        // A query marks a module request (`?import` for a JSON module): Vite's to transform.
        if ((req.url ?? '').includes('?')) return next();
        const path = resolve(join(DIR, decodeURIComponent(req.url ?? '/')));
        // Only files inside static-data/, never a path that climbs out of it.
        if (!path.startsWith(DIR + sep)) return next();
        let size: number;
        try {
          const st = statSync(path);
          if (!st.isFile()) return next();
          size = st.size;
        } catch {
          return next();
        }
        res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', size);
        createReadStream(path).pipe(res);
      });
    },
    writeBundle() {
      cpSync(DIR, join(outDir, 'static-data'), { recursive: true });
    },
  };
}
