// Looks at pages of a built site as a reader holds a phone (390 × 844 CSS pixels) and as a desk
// screen (1280 × 900): whether anything is cut off at the right or makes the page scroll sideways,
// and how the key figures read. Usage: node phone.mjs SITE_DIR PAGE [PAGE …]
// Prints one JSON line per page and width: {"page", "width", "scrollsSideways", "cut": [elements past
// the right edge or past their own box], "cards": [{"figure", "cells": [{"label", "text"}]}], "columns": [header
// texts], "cardsPerRow": the home page's key-figure cards side by side, "bodyPx": the body text's size,
// "chartTextPx": each chart text's size as drawn, "cardValueHeights": the distinct heights of the home page's
// one-line card values}.
import { resolve } from 'node:path';
import { launchChromium, serveStatic } from './harness.mjs';

const [site, ...pages] = process.argv.slice(2);
const { server, base } = await serveStatic(() => resolve(site));
const browser = await launchChromium();
let failed = 0;
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    for (const p of pages) {
      await page.goto(base + p);
      const seen = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const clipped = (el) => {
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            const o = getComputedStyle(a).overflow;
            if (o.includes('hidden') || o.includes('clip')) return true;
          }
          return false;
        };
        const cut = [];
        // Every element with text of its own, inside the page's main part: its box must end within the viewport.
        for (const el of document.querySelectorAll('main *')) {
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden') continue;
          if (el.closest('.table-scroll') && el.closest('.table-scroll').scrollWidth > el.closest('.table-scroll').clientWidth) {
            // Inside a box that scrolls: it is reachable (and the box says so); only the figures must not need it.
            if (!el.closest('table.figures')) continue;
          }
          const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!hasText) continue;
          const r = el.getBoundingClientRect();
          const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: ${el.textContent.trim().slice(0, 30)}`;
          if (r.width > 0 && r.right > w + 1) cut.push(name);
          // Or past its own box (a value that does not break, wider than its card), where it is not meant to scroll
          // (drawings and what is hidden on purpose, inside a box that clips, are not text boxes).
          else if (!(el instanceof SVGElement) && style.display !== 'inline' && style.overflowX === 'visible'
            && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !clipped(el)) cut.push(name + ' (past its box)');
        }
        const table = document.querySelector('table.figures');
        const cards = table ? [...table.querySelectorAll('tbody tr')].map((tr) => ({
          figure: tr.querySelector('th').textContent.trim(),
          cells: [...tr.querySelectorAll('td')].filter((td) => getComputedStyle(td).display !== 'none').map((td) => ({
            label: getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''),
            text: td.textContent.trim(),
          })),
        })) : [];
        const columns = table ? [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim()) : [];
        // The home page's key-figure cards: how many stand side by side.
        const perRow = new Set([...document.querySelectorAll('.cards > .card, .cards > li')].map((c) => Math.round(c.getBoundingClientRect().left))).size;
        // The charts' text as drawn (its font size times the drawing's scale) beside the body's.
        const body = parseFloat(getComputedStyle(document.querySelector('main p') ?? document.body).fontSize);
        const chartText = [...document.querySelectorAll('svg.chart-svg')].flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((t) => Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10);
        });
        return { scrollsSideways: document.documentElement.scrollWidth > w, cut, cards, columns, cardsPerRow: perRow, bodyPx: body, chartTextPx: chartText,
          cardValueHeights: [...new Set([...document.querySelectorAll('.card-value')].map((e) => Math.round(e.getBoundingClientRect().height)))] };
      });
      console.log(JSON.stringify({ page: p, width, ...seen }));
    }
    await context.close();
  }
} catch (e) {
  console.error(String(e));
  failed = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(failed);
