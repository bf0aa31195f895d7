import { launchChromium, serveStatic } from '/work/main/tools/a11y/harness.mjs';
const [root, page, out, width, sel] = process.argv.slice(2);
const { server, base } = await serveStatic(() => root);
const browser = await launchChromium();
const p = await browser.newPage({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: 1 });
await p.goto(base + page);
if (sel) await p.locator(sel).first().screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: true });
await browser.close(); server.close();
