// Gazette's search page: asks the site's own index (search/<lang>/, written by `gazette build`) and
// lists the results. Only the search page loads this script. Results are built as DOM nodes: titles
// and excerpts are inserted as text, the query's words marked with <mark>.
//
// The index (org.gazette.search.SearchIndex): index.json lists, per bundle of documents (newest
// first), which term file holds which range of terms and the files of texts; a term's postings are
// [doc, count, doc gap, count, …]; a text file holds [address, title, date, text] per document.
const out = document.getElementById('search-results');
const input = document.getElementById('q');
const d = out.dataset;
const lang = document.documentElement.lang || '';
const SHOWN = 20;
/** Text files one page of results reads at most while checking phrases (each holds ten documents). */
const READS = 40;

function say(text) {
  out.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
}

// Terms: the same cut as org.gazette.search.Terms. Han runs give overlapping pairs of characters;
// runs of letters, digits and marks of other scripts are words; anything else separates.
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Me}]/u;
const normalize = (s) => s.normalize('NFKC').toLowerCase();

function runs(s) {
  const found = [];
  let run = '';
  let kind = 0;
  for (const ch of s) {
    const k = HAN.test(ch) ? 1 : WORD.test(ch) ? 2 : 0;
    if (k !== kind) {
      if (kind) found.push({ han: kind === 1, text: run });
      run = '';
      kind = k;
    }
    if (k) run += ch;
  }
  if (kind) found.push({ han: kind === 1, text: run });
  return found;
}

/**
 * What a query asks: terms every result holds (a lone Chinese character, or a word of three
 * letters or more, also as the beginning of longer terms), and Chinese phrases of three characters
 * or more, whose pairs a document may hold apart — checked in its text.
 */
function parse(query) {
  const terms = new Map();
  const phrases = [];
  const needles = [];
  for (const r of runs(normalize(query))) {
    needles.push(r.text);
    if (r.han) {
      const cs = [...r.text];
      if (cs.length === 1) terms.set(cs[0], { term: cs[0], prefix: true });
      for (let i = 0; i + 1 < cs.length; i++) terms.set(cs[i] + cs[i + 1], { term: cs[i] + cs[i + 1], prefix: false });
      if (cs.length > 2) phrases.push(r.text);
    } else {
      terms.set(r.text, { term: r.text, prefix: [...r.text].length >= 3 });
    }
  }
  // The whole query is marked as one where the text holds it so (PM2.5, 320亿元), not as its pieces.
  const whole = normalize(query).trim().replace(/\s+/g, ' ');
  if (needles.length > 1 || (needles.length === 1 && needles[0] !== whole)) needles.unshift(whole);
  return { terms: [...terms.values()], phrases, needles };
}

async function json(url, options) {
  const res = await fetch(url, options);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Gazette writes the pieces gzip-compressed; a server that sent them with Content-Encoding has inflated them already.
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text);
}

const files = new Map();
function piece(name) {
  const url = new URL(name, indexUrl).href;
  if (!files.has(url)) files.set(url, json(url));
  return files.get(url);
}

/** Score of every document of a bundle that holds all the terms (BM25-like: rarer terms and repeats count more). */
async function match(bundle, terms) {
  let found = null;
  for (const t of terms) {
    const upper = t.prefix ? t.term + '\uffff' : t.term;
    const names = bundle.terms.filter(([from, to]) => from <= upper && to >= t.term).map((c) => c[2]);
    const scores = new Map();
    for (const chunk of await Promise.all(names.map(piece))) {
      // An exact term is looked up; a beginning is compared with every term of its files.
      const entries = t.prefix ? Object.entries(chunk).filter(([key]) => key.startsWith(t.term))
        : Object.hasOwn(chunk, t.term) ? [[t.term, chunk[t.term]]] : [];
      for (const [key, postings] of entries) {
        const df = postings.length / 2;
        const idf = Math.log(1 + (bundle.docs - df + 0.5) / (df + 0.5));
        const weight = key === t.term ? 1 : 0.5;
        let doc = 0;
        for (let i = 0; i < postings.length; i += 2) {
          doc = i === 0 ? postings[0] : doc + postings[i];
          const tf = postings[i + 1];
          scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * tf / (tf + 1.2));
        }
      }
    }
    if (found === null) {
      found = scores;
    } else {
      const both = new Map();
      for (const [doc, s] of found) if (scores.has(doc)) both.set(doc, s + scores.get(doc));
      found = both;
    }
    if (found.size === 0) break;
  }
  return found ?? new Map();
}

/** The text, normalized as the index reads it, with the place in the original of each character. */
function normalized(text) {
  let norm = '';
  const at = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i));
    const n = normalize(ch);
    for (let k = 0; k < n.length; k++) at.push(i);
    norm += n;
    i += ch.length;
  }
  at.push(text.length);
  return { norm, at };
}

/** A window of the text around the first place a needle is found in its normalized form, the needles marked. */
function excerpt(text, { norm, at }, needles) {
  const hits = [];
  for (const n of needles) {
    for (let i = norm.indexOf(n); i >= 0; i = norm.indexOf(n, i + n.length)) hits.push([at[i], at[i + n.length]]);
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const wide = /^zh|^ja|^ko/.test(lang) ? 90 : 220;
  let start = hits.length ? Math.max(0, hits[0][0] - Math.floor(wide / 3)) : 0;
  if (start > 0 && wide > 100) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < hits[0][0]) start = space + 1;
  }
  const end = Math.min(text.length, start + wide);
  const p = document.createElement('p');
  if (start > 0) p.append('…');
  let i = start;
  for (const [s, e] of hits) {
    if (s < i || s >= end) continue;
    p.append(text.slice(i, s), Object.assign(document.createElement('mark'), { textContent: text.slice(s, Math.min(e, end)) }));
    i = Math.min(e, end);
  }
  p.append(text.slice(i, end));
  if (end < text.length) p.append('…');
  return p;
}

let indexUrl;

async function run(query) {
  if (location.protocol === 'file:') return say(d.offline);
  say(d.loading);
  const root = new URL(d.root || './', location.href).pathname;
  // data-index names the language's index; a search page made from an older template (which named
  // Pagefind's files) finds it beside the site's root: search/<the page's folder>/index.json.
  indexUrl = d.index ? new URL(d.index, location.href)
    : new URL(`search/${location.pathname.split('/').slice(-2, -1)[0]}/index.json`, new URL(d.root || '../', location.href));
  const index = await json(indexUrl, { cache: 'no-cache' });
  const q = parse(query);
  if (q.terms.length === 0) return say(d.none);
  const candidates = [];
  for (const [b, bundle] of index.bundles.entries()) {
    for (const [doc, score] of await match(bundle, q.terms)) candidates.push({ b, doc, score });
  }
  candidates.sort((x, y) => y.score - x.score || x.b - y.b || x.doc - y.doc);
  const list = document.createElement('ol');
  list.className = 'search-hits';
  const count = document.createElement('p');
  const more = Object.assign(document.createElement('button'), { type: 'button', className: 'search-more', textContent: d.more || '…' });
  let next = 0;
  let dropped = 0;
  const dates = new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeZone: 'UTC' });

  /** The next results (at most SHOWN), each checked for the query's phrases; false when none is left. */
  async function page() {
    const shown = [];
    const reads = new Set();
    while (next < candidates.length && shown.length < SHOWN) {
      const c = candidates[next];
      const bundle = index.bundles[c.b];
      const name = bundle.texts[Math.floor(c.doc / bundle.perFile)];
      if (!reads.has(name) && reads.size === READS) break;
      reads.add(name);
      next++;
      const [url, title, date, text] = (await piece(name))[c.doc % bundle.perFile];
      const norm = normalized(text);
      const hay = norm.norm + ' ' + normalize(title);
      if (q.phrases.every((p) => hay.includes(p))) shown.push({ url, title, date, text, norm });
      else dropped++;
    }
    for (const r of shown) list.append(hit(r, root, dates, q.needles));
    // Exact when every candidate is read, or when nothing can drop one (no phrase to check);
    // until then "about": the count never shrinks under the reader's eyes as more are read.
    const n = candidates.length - dropped;
    const exact = next >= candidates.length || q.phrases.length === 0;
    count.textContent = (exact ? (n === 1 ? d.resultsOne : d.results) : (d.resultsAbout || d.results)).replace('{n}', String(n));
    if (next >= candidates.length) more.remove();
    return shown.length > 0;
  }

  let found = await page();
  // A page whose candidates all held the phrase's pairs apart: try a little further before giving up.
  for (let k = 0; !found && next < candidates.length && k < 3; k++) found = await page();
  if (!found && list.children.length === 0) return say(d.none);
  more.addEventListener('click', async () => {
    more.disabled = true;
    const first = list.children.length;
    await page();
    more.disabled = false;
    // Keyboard and screen-reader users go on from the first new result.
    const link = list.children[first]?.querySelector('a');
    if (link) link.focus();
  });
  out.replaceChildren(count, list);
  if (next < candidates.length) out.append(more);
}

/** One result: its title as a link, its date, an excerpt with the query marked. */
function hit(r, root, dates, needles) {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  h.append(Object.assign(document.createElement('a'), { href: root + r.url, textContent: r.title }));
  li.append(h);
  if (/^\d{4}-\d{2}-\d{2}/.test(r.date)) {
    const time = Object.assign(document.createElement('time'), { dateTime: r.date, textContent: dates.format(new Date(r.date.slice(0, 10))) });
    const meta = Object.assign(document.createElement('p'), { className: 'meta' });
    meta.append(time);
    li.append(meta);
  }
  li.append(excerpt(r.text, r.norm, needles));
  return li;
}

const query = new URLSearchParams(location.search).get('q');
if (query && query.trim()) {
  input.value = query;
  run(query.trim()).catch((e) => {
    console.error(e);
    say(d.offline);
  });
}
