// A press officer at the writing desk (gazette serve → /desk/), in headless Chromium: starts a new
// article in both languages with a link to another article, saves and sees its page; edits an
// article's title and sees the preview change; is refused a save over a file changed on disk, then
// keeps their version; sees a problem beside its field; and axe finds nothing serious on the desk.
// Usage: node desk.mjs BASE_URL CONTENT_DIR   (one line per step; exit 0 when all pass)
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, content] = process.argv.slice(2);
const browser = await launchChromium();
const step = (s) => console.log(s);
let failed = 0;

async function axe(page, what) {
  // The desk itself: the site's pages in the preview frame are checked by the site's own axe test
  // (and a frame reloading as the preview rebuilds would time axe out).
  const result = await page.evaluate(async () => await window.axe.run(document, { iframes: false, resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`axe on ${what}: ${bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
  step(`axe: ${what}: no serious or critical violation`);
}

try {
  // axe is given to the page as an init script: the desk's Content-Security-Policy (scripts from itself only) stays on.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: axeSource });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await page.goto(`${base}desk/`);
  await page.waitForSelector('#rows tr');
  step(`list: ${await page.textContent('#count')}`);
  await axe(page, 'the list');

  // A new article, both languages, linked to last year's meeting.
  await page.click('#new-article');
  await page.fill('#new-year', '2018');
  await page.fill('#new-name', 'flood-drill');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#columns fieldset[data-lang="zh"]');
  if (!(await page.isChecked('#zh-draft'))) throw new Error('a new article must start as a draft');
  await page.fill('#zh-title', '管城区开展防汛应急演练');
  await page.fill('#zh-date', '2018-06-20');
  await page.fill('#zh-body', '6月20日，管城区在熊儿河开展防汛应急演练。');
  await page.selectOption('#zh-link', { index: 1 });
  await page.fill('#en-title', 'Guancheng holds a flood drill');
  await page.fill('#en-date', '2018-06-20');
  await page.fill('#en-body', 'On 20 June the district held a flood drill on the Xiong\'er River.');
  // A photo: chosen, described, put into the text.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  await page.setInputFiles('#zh-picture', { name: '演练现场 Drill.PNG', mimeType: 'image/png', buffer: png });
  await page.waitForSelector('#columns fieldset[data-lang="zh"] .picture-form:not([hidden])');
  await page.click('#columns fieldset[data-lang="zh"] .insert-picture');
  if (!(await page.textContent('#columns fieldset[data-lang="zh"] .picture-error')).trim()) throw new Error('a picture without a description is refused');
  await page.fill('#zh-alt', '消防员在河边架设水泵');
  await page.fill('#zh-caption', '防汛应急演练现场');
  await page.click('#columns fieldset[data-lang="zh"] .insert-picture');
  if (!(await page.inputValue('#zh-body')).includes('![消防员在河边架设水泵](images/drill.png "防汛应急演练现场")')) {
    throw new Error(`the picture in the text: ${await page.inputValue('#zh-body')}`);
  }
  step('picture: stored as content/2018/news/images/drill.png, described, put into the text');
  await page.click('#save');
  await page.waitForFunction(() => /已保存|Saved/.test(document.getElementById('edit-status').textContent), null, { timeout: 20000 });
  const zh = await readFile(join(content, '2018/news/flood-drill.zh.md'), 'utf8');
  if (!zh.startsWith('---\ntitle: 管城区开展防汛应急演练\ndate: 2018-06-20\n') || !zh.includes('draft: true')) throw new Error(`the file: ${zh}`);
  if (!zh.includes('(../../2017/news/meeting.md)')) throw new Error(`the link to the meeting, by its file: ${zh}`);
  step('new: content/2018/news/flood-drill.zh.md and .en.md written as a person would, a draft, linked by file');
  const frame = page.frameLocator('#preview');
  await frame.locator('h1', { hasText: '管城区开展防汛应急演练' }).waitFor({ timeout: 20000 });
  const href = await frame.locator('article a', { hasText: '管城区召开' }).first().getAttribute('href');
  if (href !== '../../2017/news/meeting.html') throw new Error(`the link on the page: ${href}`);
  await frame.locator('figure img[alt="消防员在河边架设水泵"]').waitFor({ timeout: 20000 });
  step(`preview: the new page shows its title, its photo as a figure, and links to ${href}`);
  await axe(page, 'the editor');

  // An edit of an existing article shows in its preview.
  await page.goto(`${base}desk/#/edit/2017/meeting`);
  // Only the hash changes: wait for this article's columns, not the last one's.
  await page.waitForFunction(() => document.getElementById('edit-heading').textContent.includes('content/2017/news/meeting'));
  const title = await page.inputValue('#zh-title');
  await page.fill('#zh-title', `${title}（修改）`);
  await page.click('#save');
  await page.locator('#preview').contentFrame().locator('h1', { hasText: '（修改）' }).waitFor({ timeout: 20000 });
  step('edit: the page shows the saved title');

  // Changed on disk meanwhile: refused with both versions, then kept on purpose.
  const file = join(content, '2017/news/meeting.zh.md');
  const onDisk = await readFile(file, 'utf8');
  await writeFile(file, onDisk.replace('（修改）', '（另一处修改）'));
  await page.fill('#zh-summary', '摘要也改了。');
  await page.click('#save');
  await page.waitForSelector('#conflict:not([hidden])', { timeout: 10000 });
  const shown = await page.textContent('#conflict-disk');
  if (!shown.includes('（另一处修改）')) throw new Error('the conflict shows the version on disk');
  if (!(await readFile(file, 'utf8')).includes('（另一处修改）')) throw new Error('nothing was overwritten');
  step('conflict: refused, the version on disk shown, nothing overwritten');
  await page.click('#conflict-keep');
  await page.waitForFunction(() => /已保存|Saved/.test(document.getElementById('edit-status').textContent), null, { timeout: 20000 });
  if (!(await readFile(file, 'utf8')).includes('摘要也改了。')) throw new Error('kept on purpose');
  step('conflict: kept on purpose when asked');

  // A Word draft becomes a new article (a draft), and what could not come over is listed.
  await page.goto(`${base}desk/`);
  await page.waitForSelector('#rows tr');
  await page.click('#new-article');
  await page.fill('#new-year', '2018');
  await page.fill('#new-name', 'from-word');
  await page.setInputFiles('#new-docx', process.env.GAZETTE_DOCX);
  await page.click('#new-form button[type=submit]');
  await page.waitForSelector('#columns fieldset[data-lang="zh"]');
  await page.waitForFunction(() => document.getElementById('zh-title').value === '管城区开展2018年防汛应急演练', null, { timeout: 20000 });
  const listed = await page.locator('#import-list li').allTextContents();
  if (!listed.some((l) => l.includes('批注'))) throw new Error(`what was not carried over: ${listed}`);
  if (!(await page.inputValue('#zh-body')).includes('（一）险情报告与会商研判；')) throw new Error('the Chinese numbering');
  step(`word: imported as a draft, ${listed.length} things listed as not carried over`);

  // The year's key figures as a table: a value checked as typed, saved in place, the report page changed.
  await page.goto(`${base}desk/#/report/2017`);
  const cell = page.locator('#figure-rows input[data-figure="budget-revenue"][data-part="value"]');
  await cell.waitFor();
  await cell.fill('26.57亿园');
  const shownCell = cell.locator('xpath=following-sibling::span');
  await page.waitForFunction((el) => el.textContent.includes('园'), await shownCell.elementHandle(), { timeout: 10000 });
  await cell.fill('26.57亿元');
  await page.waitForFunction((el) => el.textContent.includes('2.657 billion yuan'), await shownCell.elementHandle(), { timeout: 10000 });
  await page.click('#save-report');
  await page.waitForFunction(() => /report\.yaml/.test(document.getElementById('report-status').textContent), null, { timeout: 20000 });
  const yaml = await readFile(join(content, '2017/report.yaml'), 'utf8');
  if (!yaml.includes('    value: 26.57亿元\n')) throw new Error('report.yaml holds the new value');
  await page.locator('#report-preview').contentFrame().locator('text=26.57亿元').first().waitFor({ timeout: 20000 });
  step('figures: 26.57亿元 checked as typed (2.657 billion yuan), written in place, on the report page');
  await axe(page, 'the figures table');

  // An honour added to the list, written as a person would, shown on the report page.
  await page.click('fieldset.list[data-list="honours"] > button');
  const entry = page.locator('fieldset.list[data-list="honours"] .entry.added').last();
  await entry.locator('[data-part="holder.zh"]').fill('管城区');
  await entry.locator('[data-part="holder.en"]').fill('Guancheng District');
  await entry.locator('[data-part="title.zh"]').fill('全国科普示范区');
  await entry.locator('[data-part="title.en"]').fill('National Model District for Science Popularisation');
  await entry.locator('[data-part="level"]').selectOption('national');
  await entry.locator('[data-part="field"]').selectOption('education');
  await page.click('#save-report');
  await page.waitForFunction(() => /report\.yaml/.test(document.getElementById('report-status').textContent), null, { timeout: 20000 });
  const withHonour = await readFile(join(content, '2017/report.yaml'), 'utf8');
  if (!withHonour.includes('  - holder:\n      zh: 管城区\n      en: Guancheng District\n    title:\n      zh: 全国科普示范区\n')) throw new Error('the honour in report.yaml');
  await page.locator('#report-preview').contentFrame().locator('text=全国科普示范区').first().waitFor({ timeout: 20000 });
  step('lists: an honour added at the desk, in report.yaml as a person writes it, on the report page');

  // A new year, started in the browser: its figures to fill in, last year's beside them in the file.
  await page.goto(`${base}desk/`);
  await page.waitForSelector('#rows tr');
  await page.fill('#new-year-year', '2018');
  await page.click('#new-year-form button[type=submit]');
  await page.waitForFunction(() => /2018/.test(document.getElementById('report-heading').textContent), null, { timeout: 20000 });
  const empty = await page.inputValue('#figure-rows input[data-figure="economic-output"][data-part="value"]');
  if (empty !== '') throw new Error(`a new year's value starts empty: ${empty}`);
  const newYaml = await readFile(join(content, '2018/report.yaml'), 'utf8');
  if (!newYaml.includes('# 2017: 超320亿元')) throw new Error("last year's value beside the empty one");
  step('new year: 2018 started at the desk, its figures empty, last year\'s beside them');

  // The Build button builds the site as `gazette build` does.
  await page.click('#build');
  await page.waitForFunction(() => /网站已生成|The site is built/.test(document.getElementById('build-output').textContent), null, { timeout: 60000 });
  step(`build: ${(await page.textContent('#build-output')).split('\n')[1]}`);

  // A problem beside its field.
  await page.goto(`${base}desk/#/edit/2017/meeting`);
  await page.waitForFunction(() => !document.getElementById('edit-view').hidden
    && document.getElementById('edit-heading').textContent.includes('content/2017/news/meeting'));
  await page.fill('#zh-date', '');
  await page.click('#save');
  await page.waitForSelector('#columns fieldset[data-lang="zh"] ul.problems li', { timeout: 20000 });
  const problem = await page.textContent('#columns fieldset[data-lang="zh"] ul.problems li');
  if (!(await page.$('#zh-date.field-problem'))) throw new Error(`the date field is not marked: ${problem}`);
  step(`problem: ${problem}`);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await page.close();
} catch (e) {
  console.error(String(e));
  failed = 1;
} finally {
  await browser.close();
}
process.exit(failed);
