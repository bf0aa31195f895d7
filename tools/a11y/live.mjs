// Writes, saves and watches as a press officer does with `gazette serve` running: opens a page in
// headless Chromium, changes the article on disk, and waits for the page to show the change by
// itself; breaks report.yaml and waits for the message overlay; fixes it and waits for it to go.
// Usage: node live.mjs BASE_URL CONTENT_DIR   (prints one line per step; exit 0 when all pass)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './harness.mjs';

const [base, content] = process.argv.slice(2);
const browser = await launchChromium();
const step = (s) => console.log(s);
let failed = 0;
try {
  for (const [lang, marker] of [['en', 'LIVE-EDIT-EN'], ['zh', '实时修改']]) {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}${lang}/2017/news/meeting.html`);
    await page.waitForFunction(() => window.EventSource && document.querySelector('script[src="/__gazette/live.js"]'));
    await page.waitForTimeout(300); // the event stream connects
    const file = join(content, `2017/news/meeting.${lang}.md`);
    const text = await readFile(file, 'utf8');
    const started = Date.now();
    await writeFile(file, text.replace(/^title: (.*)$/m, `title: $1 ${marker}`));
    await page.waitForFunction((m) => document.querySelector('h1')?.textContent.includes(m), marker, { timeout: 15000 });
    step(`${lang}: the page showed the saved title by itself after ${Date.now() - started} ms`);
    await writeFile(file, text);
    await page.waitForFunction((m) => !document.querySelector('h1')?.textContent.includes(m), marker, { timeout: 15000 });
    await page.close();
  }

  const page = await browser.newPage();
  await page.goto(`${base}zh/2017/`);
  await page.waitForTimeout(300);
  const report = join(content, '2017/report.yaml');
  const yaml = await readFile(report, 'utf8');
  await writeFile(report, yaml + '\nbroken: [\n');
  await page.waitForSelector('#gazette-problems', { timeout: 15000 });
  const overlay = await page.textContent('#gazette-problems');
  if (!/2017\/report\.yaml:\d+:\d+:/.test(overlay)) throw new Error(`the overlay does not name file:line:col: ${overlay}`);
  step(`overlay: ${overlay.split('\n').find((l) => l.includes('report.yaml'))}`);
  if (!(await page.textContent('h1'))) throw new Error('the last good page is gone under the overlay');
  // On a Chinese page the panel speaks Chinese: its title and the problem itself, at the same position.
  const lines = await page.$$eval('#gazette-problems pre', (ps) => ps.map((p) => p.textContent));
  const title = await page.textContent('#gazette-problems p');
  if (!title.startsWith('网站暂时无法生成') || !/^2017\/report\.yaml:\d+:\d+: .*[\u4e00-\u9fff]/.test(lines[0] || '')) {
    throw new Error(`the panel on a Chinese page is not Chinese: ${title} / ${lines[0]}`);
  }
  step(`zh panel: ${title} ${lines[0]}`);
  const en = await browser.newPage();
  await en.goto(`${base}en/2017/`);
  await en.waitForSelector('#gazette-problems', { timeout: 15000 });
  const enTitle = await en.textContent('#gazette-problems p');
  const enLine = await en.textContent('#gazette-problems pre');
  if (!enTitle.startsWith('Gazette cannot build the site') || /[\u4e00-\u9fff]/.test(enLine.replace(/'[^']*'/g, ''))) {
    throw new Error(`the panel on an English page is not English: ${enTitle} / ${enLine}`);
  }
  step(`en panel: ${enTitle} ${enLine}`);
  await en.close();
  await writeFile(report, yaml);
  await page.waitForSelector('#gazette-problems', { state: 'detached', timeout: 15000 });
  step('fixed: the overlay went away');
  await page.close();
} catch (e) {
  console.error(String(e));
  failed = 1;
} finally {
  await browser.close();
}
process.exit(failed);
