// Bytes and time of a cold search query, the way a reader meets it: serves SITE_DIR on loopback
// HTTP, and for each query opens LANG/search.html?q=QUERY in a fresh headless-Chromium context (an
// empty cache), waits for the results and adds up what was read under search/ (the index list, term
// and text pieces, as the server sent them) and the whole page load. Not part of the tests or CI.
//
//   node bench/query.mjs SITE_DIR LANG QUERY [QUERY …]   (Chromium and playwright-core as the tests use them: npm ci in tools/a11y)
// Prints one line per query (bytes of the index read, requests, milliseconds, results shown) and
// the medians.
import { resolve } from 'node:path';
import { launchChromium, serveStatic } from '../tools/a11y/harness.mjs';

const [site, lang, ...queries] = process.argv.slice(2);
if (!site || !lang || queries.length === 0) {
  console.error('usage: node bench/query.mjs SITE_DIR LANG QUERY [QUERY …]');
  process.exit(2);
}
const root = resolve(site);
let searchBytes = 0;
let searchRequests = 0;
const { server, base } = await serveStatic(() => root, (path, body) => {
  if (path.startsWith('/search/')) { searchBytes += body.length; searchRequests++; }
});
const browser = await launchChromium();
const rows = [];
try {
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    searchBytes = 0;
    searchRequests = 0;
    const t0 = performance.now();
    await page.goto(`${base}${lang}/search.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => {
      const el = document.getElementById('search-results');
      return el && (el.querySelector('ol') || (el.textContent && el.textContent !== el.dataset.loading));
    }, null, { timeout: 60000 });
    const ms = Math.round(performance.now() - t0);
    const shown = await page.$$eval('#search-results ol > li', (lis) => lis.length);
    const count = await page.$eval('#search-results', (el) => el.querySelector('p')?.textContent ?? el.textContent);
    rows.push({ q, kb: searchBytes / 1024, requests: searchRequests, ms, shown });
    console.log(`${q}\t${(searchBytes / 1024).toFixed(1)} KB\t${searchRequests} requests\t${ms} ms\t${shown} shown\t${count}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
console.log(`median\t${median(rows.map((r) => r.kb)).toFixed(1)} KB\t${median(rows.map((r) => r.requests))} requests\t${median(rows.map((r) => r.ms))} ms`);
