import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** Origin plus base, e.g. `http://127.0.0.1:41234/handbook/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves a built site from `dir` under `base` on a free loopback port, like a static host would. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = async (file: string, status = 200) => {
      response.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    };
    if (!pathname.startsWith(base)) return send(path.join(dir, '404.html'), 404);
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) return send(path.join(dir, '404.html'), 404);
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
      return send(file);
    } catch {
      return send(path.join(dir, '404.html'), 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
