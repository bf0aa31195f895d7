// Opens pages of a built site straight from disk (file://), as a reader who double-clicks index.html
// does, and prints what each shows: {"page", "results" (the search results' text), "box" (the
// search box's value)}. Usage: node disk.mjs SITE_DIR PAGE_WITH_QUERY [PAGE …]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './harness.mjs';

const [site, ...pages] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const p of pages) {
    const [path, query] = p.split('?');
    await page.goto(pathToFileURL(resolve(site, path)).href + (query ? '?' + query : ''));
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => ({
      results: document.getElementById('search-results')?.textContent ?? null,
      box: document.getElementById('q')?.value ?? null,
    }));
    console.log(JSON.stringify({ page: p, ...seen }));
  }
} finally {
  await browser.close();
}
