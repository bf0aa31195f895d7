// Runs axe-core in headless Chromium on every page of a built Gazette site and fails on any
// serious or critical violation. Usage: node axe.mjs SITE_DIR   (Chromium from Debian: /usr/bin/chromium)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const site = resolve(process.argv[2] ?? 'site-out');

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failures = 0;
let checked = 0;
const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
for (const file of pages(site).sort()) {
  // The root page only redirects to the default language, which is checked on its own.
  if (relative(site, file) === 'index.html') continue;
  const page = await browser.newPage();
  // Nothing leaves the machine: only file:// requests are allowed.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto('file://' + file, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  checked++;
  for (const v of result.violations) {
    counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes.length;
    const line = `${relative(site, file)}: ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`;
    if (v.impact === 'serious' || v.impact === 'critical') {
      failures++;
      console.log('FAIL ' + line);
    } else {
      console.log('note ' + line);
    }
  }
  await page.close();
}
await browser.close();
console.log(`axe: ${checked} pages, critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}`);
process.exit(failures > 0 ? 1 : 0);
