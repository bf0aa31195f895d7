// Gazette's search page: asks the Pagefind index (built by `gazette build`) and lists the results.
// Only the search page loads this script. Results are built as DOM nodes: the excerpt's <mark>
// highlights are kept, every other piece of it is inserted as text.
const out = document.getElementById('search-results');
const input = document.getElementById('q');
const d = out.dataset;

function say(text) {
  out.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
}

function excerpt(html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const p = document.createElement('p');
  for (const node of tpl.content.childNodes) {
    if (node.nodeName === 'MARK') p.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }));
    else p.append(document.createTextNode(node.textContent));
  }
  return p;
}

async function run(query) {
  if (location.protocol === 'file:') return say(d.offline);
  say(d.loading);
  const root = new URL(d.root || './', location.href).pathname;
  // The language's index comes in bundles of at most a few thousand pages (Gazette indexes them one
  // by one to keep the build's memory low); the first answers, the others are merged into it.
  const manifestUrl = new URL(d.manifest, location.href);
  const manifest = await (await fetch(manifestUrl)).json();
  const pagefind = await import(new URL(manifest.bundles[0] + 'pagefind.js', manifestUrl).href);
  await pagefind.options({ baseUrl: root });
  for (const bundle of manifest.bundles.slice(1)) await pagefind.mergeIndex(new URL(bundle, manifestUrl).href, { baseUrl: root });
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (results.length === 0) return say(d.none);
  const list = document.createElement('ol');
  list.className = 'search-hits';
  for (const r of results) {
    const li = document.createElement('li');
    const a = Object.assign(document.createElement('a'), { href: r.url, textContent: r.meta.title || r.url });
    const h = document.createElement('h2');
    h.append(a);
    li.append(h, excerpt(r.excerpt));
    list.append(li);
  }
  const n = search.results.length;
  // The language's own forms, chosen on the page: "1 result" / "2 results" (Chinese has one form).
  const count = Object.assign(document.createElement('p'), { textContent: (n === 1 ? d.resultsOne : d.results).replace('{n}', String(n)) });
  out.replaceChildren(count, list);
}

const query = new URLSearchParams(location.search).get('q');
if (query && query.trim()) {
  input.value = query;
  run(query.trim()).catch(() => say(d.offline));
}
