// Runs axe-core in headless Chromium on every page of built Gazette sites and fails on any
// serious or critical violation. Usage: node axe.mjs SITE_DIR…   (Chromium from Debian: /usr/bin/chromium)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { launchChromium } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// One or more built sites; pages are checked by a few workers at once (axe is CPU-bound; two
// cores here), each with its own offline browser context: nothing leaves the machine.
const sites = (process.argv.length > 2 ? process.argv.slice(2) : ['site-out']).map((s) => resolve(s));
// axe is CPU-bound: one worker a spare core (one on the 2-core machines here, where more only slowed it).
const jobs = Number(process.env.AXE_JOBS ?? Math.max(1, Math.min(4, cpus().length - 1)));

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

const browser = await launchChromium();
let failures = 0;
let checked = 0;
const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
const queue = [];
for (const site of sites) {
  for (const file of pages(site).sort()) {
    // The root page only redirects to the default language, which is checked on its own.
    if (relative(site, file) === 'index.html') continue;
    queue.push({ site, file });
  }
}
const lines = [];
async function worker() {
  const context = await browser.newContext({ offline: true });
  // Only file:// requests: anything else is refused before it is made.
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  // axe is given to every page before its own scripts run: compiled once per worker, not injected
  // into each page after load (that took a quarter of a second a page).
  await context.addInitScript({ content: axeSource });
  const page = await context.newPage();
  for (let item = queue.shift(); item; item = queue.shift()) {
    await page.goto('file://' + item.file, { waitUntil: 'load' });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    checked++;
    for (const v of result.violations) {
      counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes.length;
      const line = `${relative(item.site, item.file)}: ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`;
      if (v.impact === 'serious' || v.impact === 'critical') {
        failures++;
        lines.push('FAIL ' + line);
      } else {
        lines.push('note ' + line);
      }
    }
  }
  await context.close();
}
await Promise.all(Array.from({ length: jobs }, worker));
await browser.close();
lines.sort().forEach((l) => console.log(l));
console.log(`axe: ${checked} pages, critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}`);
process.exit(failures > 0 ? 1 : 0);
