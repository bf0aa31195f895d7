// What the browser scripts share (axe.mjs, desk.mjs, live.mjs, search.mjs, bench/query.mjs):
// headless Chromium started the same way, and a static web server on loopback for a built site.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium (or $CHROMIUM), headless, with nothing of its own reaching the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.pdf': 'application/pdf',
  '.gz': 'application/gzip' };

/**
 * Serves the folder that root() names at the time of each request (index.html for a folder, 403
 * outside it, 404 for what is missing); onServe(path, bytes) sees what was sent. Resolves to
 * { server, base } (base: its address, ending in /).
 */
export async function serveStatic(root, onServe = () => {}) {
  const server = createServer(async (req, res) => {
    const dir = root();
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      onServe(path, body);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}
