// Works the reading aids (assets/reading.js) as a reader would, with the keyboard and the mouse,
// and measures what each control changes from computed styles: text size, line and paragraph
// spacing, sideways scrolling at 1280 px, contrast of text and links, the cursor, the reading guide,
// the plain view, persistence across pages (served and from disk), read aloud (speechSynthesis
// stubbed: what is spoken, in which language, highlighted), and axe in every mode.
// Usage: node reading.mjs SITE_DIR   Prints one JSON line per check: {"check", …measurements}.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium, serveStatic } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const site = resolve(process.argv[2]);
const { server, base } = await serveStatic(() => site);
const browser = await launchChromium();
const out = (check, data) => console.log(JSON.stringify({ check, ...data }));

// What the page shows, measured in it.
const measure = () => {
  const p = document.querySelector('article.story .prose p') || document.querySelector('main p') || document.querySelector('main li') || document.querySelector('main');
  const cs = getComputedStyle(p);
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
  const lum = (c) => {
    const v = rgb(c).slice(0, 3).map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const b = getComputedStyle(e).backgroundColor;
      const a = rgb(b);
      if (a.length === 3 || (a.length === 4 && a[3] > 0)) return b;
    }
    return 'rgb(255, 255, 255)';
  };
  const contrast = (el) => {
    const l1 = lum(getComputedStyle(el).color);
    const l2 = lum(background(el));
    return Math.round(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)) * 100) / 100;
  };
  const link = document.querySelector('main a[href]');
  const w = document.documentElement.clientWidth;
  const cut = [...document.querySelectorAll('body *')].filter((el) => {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) return false;
    const s = getComputedStyle(el);
    // A table scrolls in its own box at larger sizes (reachable, and nothing else moves).
    if (s.display === 'none' || s.visibility === 'hidden' || el.closest('table, svg')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > w + 1;
  }).map((el) => el.tagName + ': ' + el.textContent.trim().slice(0, 20));
  const guide = document.querySelector('.reading-guide');
  return {
    fontSize: parseFloat(cs.fontSize),
    rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
    lineHeight: parseFloat(cs.lineHeight),
    paragraphGap: parseFloat(cs.marginBottom),
    scrollsSideways: document.documentElement.scrollWidth > w,
    cut,
    textContrast: contrast(p),
    linkContrast: link ? contrast(link) : null,
    linkUnderlined: link ? getComputedStyle(link).textDecorationLine.includes('underline') : null,
    cursor: getComputedStyle(document.body).cursor,
    linkCursor: link ? getComputedStyle(link).cursor : null,
    guideShown: guide ? getComputedStyle(guide).display !== 'none' : false,
    guideTop: guide ? parseFloat(guide.style.top || '-1') : null,
    mastheadShown: getComputedStyle(document.querySelector('.masthead')).display !== 'none',
    attributes: [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-')).sort(),
  };
};

async function axe(page) {
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

// The speech synthesis of a browser with voices for Chinese and English, recording what it is asked.
const speechStub = (voices) => `
  window.__spoken = []; window.__calls = [];
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; this.voice = null; };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    speak(u) { window.__spoken.push(u); window.__calls.push('speak'); },
    pause() { window.__calls.push('pause'); }, resume() { window.__calls.push('resume'); },
    cancel() { window.__calls.push('cancel'); },
    getVoices() { return ${JSON.stringify(voices)}; },
    addEventListener() {},
  } });`;

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await context.addInitScript({ content: axeSource });
  const page = await context.newPage();

  for (const lang of ['zh', 'en']) {
    const article = `${lang}/2017/news/meeting.html`;
    await page.goto(base + article);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const plain = await page.evaluate(measure);
    out('default', { lang, ...plain, axe: await axe(page) });

    // The keyboard: the skip link, then the reading aids' button; Enter opens them; every control in
    // turn, each with a visible focus ring.
    const focusOrder = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => {
        const e = document.activeElement;
        const s = getComputedStyle(e);
        return { text: e.textContent.trim(), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, expanded: e.getAttribute('aria-expanded') };
      }));
      if (focusOrder[focusOrder.length - 1].expanded === 'false') await page.keyboard.press('Enter');
    }
    out('keyboard', { lang, focusOrder });

    // Each text size, chosen with the keyboard (Space on a focused button).
    for (const size of ['125', '150', '200']) {
      await page.focus(`.reading-bar button[data-text="${size}"]`);
      await page.keyboard.press('Space');
      out('size', { lang, size, ...(await page.evaluate(measure)), axe: size === '200' ? await axe(page) : [] });
    }
    await page.click('.reading-bar [data-action=reset]');

    await page.click('.reading-bar [data-toggle=contrast]');
    out('contrast', { lang, ...(await page.evaluate(measure)), axe: await axe(page) });
    await page.click('.reading-bar [data-toggle=cursor]');
    await page.click('.reading-bar [data-toggle=guide]');
    await page.mouse.move(300, 500);
    out('cursor-guide', { lang, ...(await page.evaluate(measure)), mouseY: 500, axe: await axe(page) });
    await page.click('.reading-bar [data-action=reset]');
    await page.click('.reading-bar [data-toggle=plain]');
    out('plain', { lang, ...(await page.evaluate(measure)), axe: await axe(page) });
    await page.click('.reading-bar [data-action=reset]');

    // Remembered: larger text and high contrast, then another page reached by a link.
    await page.click('.reading-bar button[data-text="150"]');
    await page.click('.reading-bar [data-toggle=contrast]');
    await page.click('.site-nav a[href$="archive.html"]');
    await page.waitForLoadState('load');
    out('persisted', { lang, url: page.url().slice(base.length), ...(await page.evaluate(measure)) });
    await page.evaluate(() => localStorage.clear());

    // On a Chinese article page, the usual 【字号：大 中 小】 works the same setting.
    if (lang === 'zh') {
      await page.goto(base + article);
      await page.click('.reading-inline button[data-text="150"]');
      out('inline-size', { lang, ...(await page.evaluate(measure)),
        pressed: await page.evaluate(() => [...document.querySelectorAll('button[data-text="150"]')].map((b) => b.getAttribute('aria-pressed'))) });
      await page.evaluate(() => localStorage.clear());
    }
  }

  // Read aloud, with a browser that has voices (stubbed: headless Chromium has none).
  for (const lang of ['zh', 'en']) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await ctx.addInitScript({ content: speechStub([{ lang: 'zh-CN', name: 'Chinese' }, { lang: 'en-GB', name: 'English' }]) });
    const p = await ctx.newPage();
    await p.goto(base + `${lang}/2017/news/meeting.html`);
    await p.click('.reading-toggle');
    await p.click('.reading-bar [data-action=speak]');
    await p.waitForFunction(() => window.__spoken.length > 0);
    const first = await p.evaluate(() => ({
      text: window.__spoken[0].text, lang: window.__spoken[0].lang, voice: window.__spoken[0].voice && window.__spoken[0].voice.name,
      highlighted: window.CSS && CSS.highlights && CSS.highlights.has('gazette-reading') ? [...CSS.highlights.get('gazette-reading')][0].toString() : null,
      button: document.querySelector('.reading-bar [data-action=speak]').textContent,
    }));
    await p.click('.reading-bar [data-action=speak]');
    const paused = await p.evaluate(() => ({ calls: window.__calls.slice(), button: document.querySelector('.reading-bar [data-action=speak]').textContent }));
    await p.click('.reading-bar [data-action=speak]');
    // The rest, one sentence after another as each ends.
    const all = await p.evaluate(() => {
      for (let i = 0; i < 500 && window.__spoken.length > i; i++) if (window.__spoken[i].onend) window.__spoken[i].onend();
      return window.__spoken.map((u) => u.text);
    });
    const article = await p.evaluate(() => {
      const story = document.querySelector('article.story').cloneNode(true);
      story.querySelectorAll('button, [hidden], .visually-hidden, .reading-inline, svg, [aria-hidden=true], .chart-data').forEach((e) => e.remove());
      return story.textContent;
    });
    const status = await p.evaluate(() => document.querySelector('.reading-status').textContent);
    // Selected text only.
    await p.evaluate(() => {
      window.__spoken.length = 0;
      const para = document.querySelectorAll('article.story .prose p')[1];
      const r = document.createRange();
      r.selectNodeContents(para);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    });
    await p.click('.reading-bar [data-action=speak]');
    await p.waitForFunction(() => window.__spoken.length > 0);
    const selected = await p.evaluate(() => ({ spoken: window.__spoken.map((u) => u.text).join(''), paragraph: document.querySelectorAll('article.story .prose p')[1].textContent }));
    await p.click('.reading-bar [data-action=stop]');
    out('speech', { lang, first, paused, spoken: all, article, status, selected, axe: await (async () => { await p.addScriptTag({ content: axeSource }); return axe(p); })() });
    await ctx.close();
  }

  // A browser without a voice for the page's language: the control says so, nothing is spoken.
  {
    const ctx = await browser.newContext();
    await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await ctx.addInitScript({ content: speechStub([{ lang: 'en-US', name: 'English' }]) });
    const p = await ctx.newPage();
    await p.goto(base + 'zh/2017/news/meeting.html');
    await p.click('.reading-toggle');
    await p.click('.reading-bar [data-action=speak]');
    await p.waitForFunction(() => document.querySelector('.reading-status').textContent.length > 0);
    out('no-voice', { status: await p.evaluate(() => document.querySelector('.reading-status').textContent), spoken: await p.evaluate(() => window.__spoken.length) });
    await ctx.close();
  }

  // The largest text on a phone and on a desk, on every kind of page: nothing cut, no sideways scrolling.
  for (const width of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 844 } });
    await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const p = await ctx.newPage();
    await p.goto(base + 'zh/index.html');
    await p.evaluate(() => localStorage.setItem('gazette-reading', JSON.stringify({ text: '200', open: true })));
    for (const path of ['zh/index.html', 'en/index.html', 'zh/2017/index.html', 'en/2017/index.html', 'zh/2017/news/meeting.html',
      'en/2017/news/meeting.html', 'zh/archive.html', 'zh/site-map.html', 'en/tags/index.html']) {
      await p.goto(base + path);
      out('largest', { width, path, ...(await p.evaluate(measure)) });
    }
    await ctx.close();
  }

  // From disk: the same controls, remembered from one file to the next.
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const p = await ctx.newPage();
    await p.goto('file://' + resolve(site, 'zh/2017/news/meeting.html'));
    await p.click('.reading-toggle');
    await p.click('.reading-bar button[data-text="200"]');
    await p.goto('file://' + resolve(site, 'zh/archive.html'));
    out('disk', { ...(await p.evaluate(measure)) });
    await ctx.close();
  }
  await context.close();
} catch (e) {
  console.error(String(e && e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
