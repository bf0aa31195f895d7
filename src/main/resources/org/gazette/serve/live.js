// Gazette's preview: reloads this page when a save changes it, and shows why a build failed.
// Added to pages by `gazette serve` only; the built site never contains it.
(() => {
  const script = document.currentScript;
  const shown = Number(script && script.dataset.build || 0);
  // The page every address shows before the first good build: its list is the problems; any good build loads the page asked for.
  const waiting = script && script.dataset.waiting !== undefined ? document.getElementById('gazette-waiting') : null;
  let here = decodeURIComponent(location.pathname.slice(1));
  if (here === '' || here.endsWith('/')) here += 'index.html';
  let box = null;
  // The page's language: a Chinese page lists the problems in Chinese.
  const zh = (document.documentElement.lang || '').toLowerCase().startsWith('zh');
  const linesOf = (m) => (zh && m.zh ? m.zh : m.problems);

  function show(problems) {
    if (waiting) {
      waiting.textContent = '';
      for (const line of problems) {
        const p = document.createElement('pre');
        p.textContent = line;
        waiting.appendChild(p);
      }
      return;
    }
    if (!problems.length) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.id = 'gazette-problems';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#fff8f6;color:#1a1a1a;border-top:4px solid #b3261e;padding:1rem 1.25rem;' +
        'font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei Mono",monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
      document.body.appendChild(box);
    }
    box.textContent = '';
    const title = document.createElement('p');
    title.style.cssText = 'margin:0 0 .5rem;font-weight:bold;color:#b3261e';
    title.textContent = zh ? '网站暂时无法生成，下面显示的是上一次成功生成的版本。请按提示修改并保存：'
      : 'Gazette cannot build the site — showing the last good version. Fix this and save:';
    box.appendChild(title);
    for (const line of problems) {
      const p = document.createElement('pre');
      p.style.cssText = 'margin:.25rem 0;white-space:pre-wrap';
      p.textContent = line;
      box.appendChild(p);
    }
  }

  const events = new EventSource('/__gazette/events');
  events.addEventListener('state', (e) => {
    const m = JSON.parse(e.data);
    show(linesOf(m));
    // A build finished between loading this page and listening: load it again to be sure.
    if (!m.problems.length && m.build > shown && (shown > 0 || waiting)) location.reload();
  });
  events.addEventListener('build', (e) => {
    const m = JSON.parse(e.data);
    show(linesOf(m));
    if (!m.problems.length && (waiting || m.changed.includes(here))) location.reload();
  });
})();
