// Searches a built Gazette site the way a reader does: serves SITE_DIR on loopback HTTP, opens
// LANG/search.html?q=QUERY in headless Chromium, waits for the results and prints them as JSON lines
// ({"lang", "query", "hits": [{"title", "href", "marks"}]}). Usage: node search.mjs SITE_DIR LANG QUERY [QUERY …]
// [--lang=LANG QUERY …] [--site=OTHER_DIR QUERY …] [--type QUERY …] [--more QUERY …] — one browser for
// every query, in any language, on any number of sites (each served in turn at the same address;
// lines carry "site" then). The query after --type is typed into the header's box on the language's
// home page and sent with Enter; from --more on, "More results" is pressed until it is gone.
import { resolve } from 'node:path';
import { launchChromium, serveStatic } from './harness.mjs';

const [site, firstLang, ...args] = process.argv.slice(2);
const queries = [];
let lang = firstLang;
let dir = site;
let clickMore = false;
let type = false;
for (const a of args) {
  if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  else if (a.startsWith('--site=')) dir = a.slice('--site='.length);
  else if (a === '--more') clickMore = true;
  else if (a === '--type') type = true;
  else {
    queries.push({ lang, q: a, dir, clickMore, type });
    type = false;
  }
}
let root = resolve(site);
const { server, base } = await serveStatic(() => root);

const browser = await launchChromium();
let failed = 0;
let context = null;
let page = null;
let served = null;
try {
  for (const { lang, q, dir, clickMore, type } of queries) {
    if (dir !== served) {
      // A new browser context for each site (served in turn at the same address): no cached piece of
      // one site's index is seen by the next. Queries on one site share a page, as a reader's tab does
      // (a context and its page cost a third of a second each).
      if (context) await context.close();
      served = dir;
      root = resolve(dir);
      context = await browser.newContext();
      page = await context.newPage();
      // Nothing leaves the machine: only the loopback server is reached.
      await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    }
    if (type) {
      // As a reader does: the language's home page, the query typed into the header's box, Enter.
      await page.goto(`${base}${lang}/index.html`);
      await page.fill('#site-search', q);
      await Promise.all([page.waitForURL('**/search.html?q=*'), page.press('#site-search', 'Enter')]);
    } else {
      await page.goto(`${base}${lang}/search.html?q=${encodeURIComponent(q)}`);
    }
    await page.waitForFunction(() => {
      const el = document.getElementById('search-results');
      return el && (el.querySelector('ol') || (el.textContent && el.textContent !== el.dataset.loading));
    }, null, { timeout: 20000 });
    // With --more: press "More results" until it is gone (at most 10 times), as a reader would.
    const more = (await page.$('#search-results button.search-more')) !== null;
    const firstCount = clickMore ? await page.$eval('#search-results > p', (p) => p.textContent) : null;
    for (let i = 0; clickMore && i < 10 && (await page.$('#search-results button.search-more')); i++) {
      const before = await page.$$eval('#search-results ol > li', (lis) => lis.length);
      await page.click('#search-results button.search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results ol > li').length > n
        || !document.querySelector('#search-results button.search-more'), before, { timeout: 20000 });
    }
    const hits = await page.$$eval('#search-results ol > li', (lis) => lis.map((li) => {
      const a = li.querySelector('a');
      return { title: a.textContent, href: a.getAttribute('href'), marks: [...li.querySelectorAll('mark')].map((m) => m.textContent) };
    }));
    const line = dir === site ? { lang, query: q, hits } : { site: dir, lang, query: q, hits };
    if (clickMore) Object.assign(line, { more, firstCount, count: await page.$eval('#search-results > p', (p) => p.textContent) });
    console.log(JSON.stringify(line));
  }
} catch (e) {
  console.error(String(e));
  failed = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(failed);
