// Gazette's writing desk: the list of articles, and one article in every language beside its page.
// Plain JavaScript, no library, nothing fetched from elsewhere; every change is sent with the
// desk's token to its own origin, as JSON (see org.gazette.desk.Desk).
(() => {
  'use strict';
  const token = document.querySelector('meta[name="gazette-token"]').content;
  const languages = document.querySelector('meta[name="gazette-languages"]').content.split(',');
  const names = { zh: '中文', en: 'English' };

  const T = {
    zh: {
      desk: '写作台', deskNav: '写作台', articles: '文章', site: '查看网站', year: '年份', state: '状态', all: '全部',
      published: '已发布', draft: '草稿', embargoed: '定时发布', missing: '缺少译文', withProblems: '有问题', search: '标题搜索',
      newArticle: '新建文章', fileName: '文件名（小写字母、数字、连字符）', create: '创建', date: '日期', title: '标题',
      problemsShort: '问题', more: '显示更多', diskVersion: '磁盘上的版本', useDisk: '改用磁盘上的版本', keepMine: '仍然保存我的版本',
      save: '保存', preview: '预览', summary: '摘要', tags: '标签（用逗号分隔）', reporter: '记者', correspondent: '通讯员',
      photographer: '摄影', draftBox: '草稿（不发布）', featured: '首页置顶', publishAt: '定时发布', tHeading: '小标题', tBold: '加粗',
      tList: '列表', tTable: '表格', tLink: '链接到文章', body: '正文（Markdown）',
      pictureDrop: '照片：拖到这里，或选择文件（PNG、JPEG、GIF、WebP）', alt: '图片说明（必填：给看不见图片的读者）',
      caption: '图注（可选：印在图片下方）', insertPicture: '插入到正文', altNeeded: '请先写图片说明：看不见图片的读者靠它了解图片。',
      uploaded: (f, had) => `${had ? '已有同样的照片' : '已保存'}：content/${f}（已去除拍摄地点、时间、设备等信息）`,
      count: (n, all) => `共 ${all} 篇，显示 ${n} 篇`, saved: (t) => `已保存（${t}），预览已更新。`, saving: '正在保存……',
      untranslated: '（尚未翻译）', notYet: '此语言版本尚未建立：填写后保存即可创建。', conflict: (f) => `${f} 在您打开之后已被修改（其他编辑器或同步）。为免覆盖，没有保存。`,
      badName: '文件名只能用小写字母、数字和连字符，例如 flood-drill。', exists: '这篇文章已经存在，已为您打开。',
      failed: (m) => `没有保存：${m}`, line: '第', lineAfter: '行', hintSep: '。', uiOther: 'English', until: '定时至',
      fromWord: '从 Word 文稿开始（可选，.docx）', docxLang: '文稿的语言', importing: '正在导入 Word 文稿……',
      imported: (f) => `已从 Word 导入为草稿：content/${f}。请通读一遍，补上摘要。`, notCarried: '以下内容没有带过来，请在 Word 中查看：',
      honours: '荣誉', commendations: '表彰', highlights: '工作亮点', 'plans.items': '明年计划', addEntry: '添加一项', removeEntry: '删除这一项',
      holder: '获得者', category: '表彰类别', recipients: '对象', level: '级别', field: '领域', text: '内容', id: '编号（英文小写）',
      newYearLabel: '开始新的一年（从上一年的报告开始，数值留空）', newYear: '开始',
      figuresOf: (y) => `${y}年度指标`, labelZh: '指标（中文）', labelEn: '指标（英文）', fValue: '数值', fTarget: '目标', fGrowth: '增长', fAttainment: '完成率',
      reportSaved: (t) => `已保存 report.yaml（${t}），只改动了修改过的值。`,
      build: '生成网站', building: '正在生成网站（与 gazette build 相同）……', built: '网站已生成到 site-out/：', buildFailed: '网站没有生成（site-out/ 保持原样）：',
    },
    en: {
      desk: 'Writing desk', deskNav: 'Writing desk', articles: 'Articles', site: 'View the site', year: 'Year', state: 'State', all: 'All',
      published: 'Published', draft: 'Draft', embargoed: 'Embargoed', missing: 'Missing translation', withProblems: 'With problems',
      search: 'Search titles', newArticle: 'New article', fileName: 'File name (lower-case letters, digits, hyphens)', create: 'Create',
      date: 'Date', title: 'Title', problemsShort: 'Problems', more: 'Show more', diskVersion: 'The version on disk',
      useDisk: 'Use the version on disk', keepMine: 'Save my version anyway', save: 'Save', preview: 'Preview', summary: 'Summary',
      tags: 'Tags (comma-separated)', reporter: 'Reporter', correspondent: 'Correspondent', photographer: 'Photographer',
      draftBox: 'Draft (not published)', featured: 'First on the home page', publishAt: 'Publish at', tHeading: 'Heading', tBold: 'Bold',
      tList: 'List', tTable: 'Table', tLink: 'Link to an article', body: 'Text (Markdown)',
      pictureDrop: 'Photo: drop it here, or choose a file (PNG, JPEG, GIF, WebP)', alt: 'Description (required: for readers who cannot see it)',
      caption: 'Caption (optional: printed under the picture)', insertPicture: 'Insert into the text',
      altNeeded: 'Describe the picture first: readers who cannot see it rely on that.',
      uploaded: (f, had) => `${had ? 'The same photo is there already' : 'Saved'}: content/${f} (place, time and device taken out)`,
      count: (n, all) => `${all} articles, ${n} shown`, saved: (t) => `Saved (${t}); the preview is up to date.`, saving: 'Saving…',
      untranslated: '(not yet translated)', notYet: 'This language version does not exist yet: fill it in and save to create it.',
      conflict: (f) => `${f} was changed since you opened it (another editor, or a sync). Nothing was saved, so nothing is overwritten.`,
      badName: 'A file name uses lower-case letters, digits and hyphens only, e.g. flood-drill.', exists: 'This article exists already: it is open.',
      failed: (m) => `Not saved: ${m}`, line: 'line', lineAfter: '', hintSep: ' — ', uiOther: '中文', until: 'until',
      fromWord: 'Start from a Word draft (optional, .docx)', docxLang: 'Language of the draft', importing: 'Importing the Word draft…',
      imported: (f) => `Imported from Word as a draft: content/${f}. Read it through and add a summary.`, notCarried: 'Not carried over — see them in Word:',
      honours: 'Honours', commendations: 'Commendations', highlights: 'Highlights', 'plans.items': "Next year's plans", addEntry: 'Add one',
      removeEntry: 'Remove this one', holder: 'Holder', category: 'Category', recipients: 'Recipients', level: 'Level', field: 'Field', text: 'Text',
      id: 'Id (lower-case)',
      newYearLabel: "Start a new year (from last year's report, values left empty)", newYear: 'Start',
      figuresOf: (y) => `Key figures ${y}`, labelZh: 'Figure (Chinese)', labelEn: 'Figure (English)', fValue: 'Value', fTarget: 'Target', fGrowth: 'Growth', fAttainment: 'Attainment',
      reportSaved: (t) => `Saved report.yaml (${t}); only the changed values were written.`,
      build: 'Build the site', building: 'Building the site (as gazette build does)…', built: 'The site is built into site-out/:', buildFailed: 'The site was not built (site-out/ is as it was):',
    },
  };
  let ui = localStorage.getItem('gazette-desk-lang') || languages[0] || 'zh';
  if (!T[ui]) ui = 'en';
  const t = (k, ...a) => { const v = T[ui][k]; return typeof v === 'function' ? v(...a) : v; };

  function translatePage() {
    document.documentElement.lang = ui === 'zh' ? 'zh-CN' : ui;
    document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.tLabel)));
    document.querySelectorAll('[data-t-title]').forEach((e) => e.setAttribute('title', t(e.dataset.tTitle)));
    const b = document.getElementById('ui-lang');
    b.textContent = t('uiOther');
    b.lang = ui === 'zh' ? 'en' : 'zh-CN';
    document.title = `${t('desk')} · Gazette`;
  }

  async function api(path, body) {
    // The server answers in the desk's language: its messages follow the switch, not the browser.
    const init = body === undefined ? { headers: { 'X-Gazette-Lang': ui } } : {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gazette-Token': token, 'X-Gazette-Lang': ui }, body: JSON.stringify(body),
    };
    const r = await fetch(`/desk/api/${path}`, init);
    const data = await r.json().catch(() => ({ error: r.statusText }));
    return { status: r.status, data };
  }

  // ---- the list ----
  let all = [];
  let shown = 50;
  const $ = (id) => document.getElementById(id);

  function state(v) {
    if (!v) return 'missing';
    if (v.draft) return 'draft';
    if (v.publish && new Date(v.publish.replace(' ', 'T')) > new Date()) return 'embargoed';
    return 'published';
  }

  function matches(a) {
    const year = $('f-year').value;
    const st = $('f-state').value;
    const q = $('f-title').value.trim().toLowerCase();
    if (year && a.year !== year) return false;
    const vs = languages.map((l) => a.versions[l]);
    if (st === 'problems' && !vs.some((v) => v && v.problems > 0)) return false;
    if (st && st !== 'problems' && !vs.some((v) => state(v) === st)) return false;
    if (q && !vs.some((v) => v && v.title.toLowerCase().includes(q))) return false;
    return true;
  }

  function renderList() {
    const rows = $('rows');
    rows.textContent = '';
    const found = all.filter(matches);
    for (const a of found.slice(0, shown)) {
      const tr = document.createElement('tr');
      const first = languages.map((l) => a.versions[l]).find((v) => v);
      const date = document.createElement('td');
      date.className = 'date';
      date.textContent = first ? first.date : '';
      const title = document.createElement('td');
      const link = document.createElement('a');
      link.href = `#/edit/${a.year}/${a.name}`;
      link.textContent = (a.versions[ui] || first).title || a.name;
      title.appendChild(link);
      const st = document.createElement('td');
      let problems = 0;
      for (const l of languages) {
        const v = a.versions[l];
        const s = state(v);
        const b = document.createElement('span');
        b.className = `badge ${s}`;
        b.textContent = `${names[l] || l}: ${t(s)}${s === 'embargoed' ? ` ${v.publish}` : ''}`;
        st.appendChild(b);
        if (v) problems += v.problems;
      }
      const pr = document.createElement('td');
      pr.textContent = problems ? String(problems) : '';
      if (problems) pr.className = 'problems-count';
      tr.append(date, title, st, pr);
      rows.appendChild(tr);
    }
    $('count').textContent = t('count', Math.min(shown, found.length), found.length);
    $('more').hidden = found.length <= shown;
  }

  async function loadList() {
    const { data } = await api('articles');
    all = data.articles;
    const reports = $('reports');
    reports.textContent = '';
    for (const y of data.reports || []) {
      const a = document.createElement('a');
      a.href = `#/report/${y}`;
      a.textContent = t('figuresOf', y);
      reports.appendChild(a);
    }
    const years = [...new Set(all.map((a) => a.year))].sort().reverse();
    const sel = $('f-year');
    const keep = sel.value;
    sel.querySelectorAll('option:not([value=""])').forEach((o) => o.remove());
    for (const y of years) sel.add(new Option(y, y));
    sel.value = keep;
    renderList();
  }

  // ---- one article ----
  let current = null; // {year, name, versions}
  let forced = {};    // lang -> the disk version a writer chose to overwrite

  function csv(s) { return s.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean); }

  function fill(col, lang, v) {
    const f = v.fields || {};
    const set = (n, x) => { col.querySelector(`[name="${n}"]`).value = x || ''; };
    col.querySelector('legend').textContent = names[lang] || lang;
    col.querySelector('legend').lang = lang === 'zh' ? 'zh-CN' : lang;
    col.querySelector('.file').textContent = `content/${v.file}`;
    set('title', f.title);
    set('date', f.date);
    set('summary', f.summary);
    set('tags', (f.tags || []).join(', '));
    const by = f.byline || {};
    for (const r of ['reporter', 'correspondent', 'photographer']) set(r, (by[r] || []).join(', '));
    // A new language version starts as a draft: nothing goes out before the writer says so.
    col.querySelector('[name="draft"]').checked = v.exists ? !!f.draft : true;
    col.querySelector('[name="featured"]').checked = !!f.featured;
    set('publish', f.publish ? f.publish.replace(' ', 'T').slice(0, 16) : '');
    set('body', v.body);
    col.dataset.version = v.version;
    col.dataset.exists = v.exists ? '1' : '';
    remember(col);
    showProblems(col, v.problems || []);
    if (!v.exists) {
      const li = document.createElement('li');
      li.className = 'warning';
      li.textContent = t('notYet');
      col.querySelector('.problems').appendChild(li);
    }
  }

  function showProblems(col, problems) {
    const list = col.querySelector('.problems');
    list.textContent = '';
    col.querySelectorAll('.field-problem').forEach((e) => e.classList.remove('field-problem'));
    for (const p of problems) {
      const li = document.createElement('li');
      li.className = p.error ? 'error-item' : 'warning';
      li.textContent = problemLine(p);
      list.appendChild(li);
      // Beside the field it concerns (the server names it).
      const key = p.field;
      const field = key && col.querySelector(`[name="${key === 'byline' ? 'reporter' : key}"]`);
      if (field) field.classList.add('field-problem');
    }
  }

  /** What the column holds now, to tell later what the writer changed (only that is written back). */
  function remember(col) {
    col.dataset.initial = JSON.stringify({ fields: collect(col), body: col.querySelector('textarea.body').value });
  }

  function collect(col) {
    const v = (n) => col.querySelector(`[name="${n}"]`).value;
    return {
      title: v('title'), date: v('date'), summary: v('summary'), tags: csv(v('tags')),
      byline: { reporter: csv(v('reporter')), correspondent: csv(v('correspondent')), photographer: csv(v('photographer')) },
      draft: col.querySelector('[name="draft"]').checked, featured: col.querySelector('[name="featured"]').checked,
      publish: v('publish') ? v('publish').replace('T', ' ') : '',
    };
  }

  function insert(area, kind, arg) {
    const s = area.selectionStart;
    const e = area.selectionEnd;
    const sel = area.value.slice(s, e);
    const text = {
      heading: `\n\n## ${sel || '小标题'}\n\n`,
      bold: `**${sel || '加粗'}**`,
      list: `\n\n- ${sel || '第一项'}\n- \n`,
      table: '\n\n| 指标 | 数值 |\n|---|---|\n|  |  |\n\n',
      link: arg,
    }[kind];
    area.setRangeText(text, s, e, 'end');
    area.focus();
  }

  /** A picture dropped or chosen: stored beside the year's articles, then described and put into the text. */
  async function upload(col, file) {
    const form = col.querySelector('.picture-form');
    const error = col.querySelector('.picture-error');
    error.textContent = '';
    const r = await fetch(`/desk/api/picture?year=${current.year}&name=${current.name}&file=${encodeURIComponent(file.name)}`, {
      method: 'POST', headers: { 'Content-Type': file.type || 'image/jpeg', 'X-Gazette-Token': token, 'X-Gazette-Lang': ui }, body: file,
    });
    const data = await r.json().catch(() => ({ error: r.statusText }));
    form.hidden = false;
    if (r.status !== 200) {
      col.querySelector('.picture-file').textContent = '';
      error.textContent = t('failed', data.error);
      form.dataset.src = '';
      return;
    }
    form.dataset.src = data.src;
    col.querySelector('.picture-file').textContent = t('uploaded', data.file, data.existed);
    col.querySelector('[name="alt"]').focus();
  }

  function wirePictures(col) {
    const drop = col.querySelector('[data-drop]');
    const input = col.querySelector('[name="picture"]');
    input.addEventListener('change', () => { if (input.files[0]) upload(col, input.files[0]); });
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer.files[0]) upload(col, e.dataTransfer.files[0]);
    });
    col.querySelector('.insert-picture').addEventListener('click', () => {
      const form = col.querySelector('.picture-form');
      const alt = col.querySelector('[name="alt"]').value.trim();
      const caption = col.querySelector('[name="caption"]').value.trim().replace(/"/g, '”');
      if (!form.dataset.src) return;
      if (!alt) { col.querySelector('.picture-error').textContent = t('altNeeded'); col.querySelector('[name="alt"]').focus(); return; }
      const md = `\n\n![${alt.replace(/[\[\]]/g, '')}](${form.dataset.src}${caption ? ` "${caption}"` : ''})\n\n`;
      insert(col.querySelector('textarea.body'), 'link', md);
      form.hidden = true;
      col.querySelector('[name="alt"]').value = '';
      col.querySelector('[name="caption"]').value = '';
      input.value = '';
    });
  }

  function setPreview(lang) {
    const frame = $('preview');
    frame.src = `/${lang}/${current.year}/news/${current.name}.html`;
    document.querySelectorAll('#preview-tabs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  }

  async function openArticle(year, name) {
    const { status, data } = await api(`article?year=${encodeURIComponent(year)}&name=${encodeURIComponent(name)}`);
    if (status !== 200) { $('edit-status').textContent = t('failed', data.error); return; }
    current = data;
    forced = {};
    $('conflict').hidden = true;
    const cols = $('columns');
    cols.textContent = '';
    const links = all.filter((a) => !(a.year === year && a.name === name));
    for (const lang of languages) {
      const col = document.getElementById('column').content.firstElementChild.cloneNode(true);
      col.dataset.lang = lang;
      col.lang = lang === 'zh' ? 'zh-CN' : lang;
      col.querySelectorAll('input, textarea, select').forEach((e) => { e.id = `${lang}-${e.name || e.dataset.insert}`; });
      const pick = col.querySelector('select[data-insert="link"]');
      for (const a of links.slice(0, 500)) {
        const v = a.versions[lang] || languages.map((l) => a.versions[l]).find((x) => x);
        const target = year === a.year ? `${a.name}.md` : `../../${a.year}/news/${a.name}.md`;
        pick.add(new Option(`${a.year} ${v ? v.title : a.name}`, `[${v ? v.title : a.name}](${target})`));
      }
      fill(col, lang, data.versions[lang]);
      wirePictures(col);
      cols.appendChild(col);
    }
    translatePage();
    cols.querySelectorAll('.toolbar button').forEach((b) => b.addEventListener('click', () => {
      insert(b.closest('fieldset').querySelector('textarea.body'), b.dataset.insert);
    }));
    cols.querySelectorAll('select[data-insert="link"]').forEach((s) => s.addEventListener('change', () => {
      if (s.value) insert(s.closest('fieldset').querySelector('textarea.body'), 'link', s.value);
      s.value = '';
    }));
    const first = languages.map((l) => data.versions[l]).find((v) => v.exists) || data.versions[languages[0]];
    $('edit-heading').textContent = `${(first.fields && first.fields.title) || name} — content/${year}/news/${name}`;
    const tabs = $('preview-tabs');
    tabs.textContent = '';
    for (const lang of languages) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.lang = lang;
      b.textContent = names[lang] || lang;
      b.addEventListener('click', () => setPreview(lang));
      tabs.appendChild(b);
    }
    setPreview(ui in data.versions ? ui : languages[0]);
    $('edit-status').textContent = '';
  }

  async function save() {
    $('edit-status').textContent = t('saving');
    $('conflict').hidden = true;
    const done = [];
    for (const col of document.querySelectorAll('#columns fieldset')) {
      const lang = col.dataset.lang;
      const now = collect(col);
      const body = col.querySelector('textarea.body').value;
      // A language version nobody has started stays unwritten; one nobody changed is not written again.
      if (!col.dataset.exists && !now.title.trim() && !body.trim()) continue;
      const initial = JSON.parse(col.dataset.initial);
      const fields = {};
      for (const k of Object.keys(now)) {
        if (!col.dataset.exists || JSON.stringify(now[k]) !== JSON.stringify(initial.fields[k])) fields[k] = now[k];
      }
      if (col.dataset.exists && forced[lang] === undefined && !Object.keys(fields).length && body === initial.body) continue;
      const version = forced[lang] !== undefined ? forced[lang] : col.dataset.version;
      const { status, data } = await api('article', { year: current.year, name: current.name, lang, version, fields, body });
      if (status === 409) {
        $('conflict-text').textContent = t('conflict', data.file);
        $('conflict-disk').textContent = data.onDisk;
        $('conflict').hidden = false;
        $('conflict').dataset.lang = lang;
        $('conflict').dataset.version = data.version;
        $('edit-status').textContent = '';
        return;
      }
      if (status !== 200) { $('edit-status').textContent = t('failed', data.error); return; }
      col.dataset.version = data.version;
      col.dataset.exists = '1';
      remember(col);
      delete forced[lang];
      showProblems(col, data.problems);
      done.push(lang);
    }
    $('edit-status').textContent = t('saved', new Date().toLocaleTimeString());
    const frame = $('preview');
    frame.src = frame.src; // the rebuilt page
    loadList();
  }

  // ---- the year's key figures ----
  let report = null; // {year, version, figures}

  function numberCell(fig, part) {
    const td = document.createElement('td');
    const input = document.createElement('input');
    input.value = fig.cells[part] ? fig.cells[part].text : '';
    input.dataset.figure = fig.id;
    input.dataset.part = part;
    input.dataset.initial = input.value;
    input.setAttribute('aria-label', `${fig.cells['label.' + ui] ? fig.cells['label.' + ui].text : fig.id} — ${t({ value: 'fValue', target: 'fTarget', growth: 'fGrowth', attainment: 'fAttainment' }[part])}`);
    const shown = document.createElement('span');
    shown.className = 'shown';
    shown.setAttribute('aria-live', 'polite');
    let timer;
    const check = async () => {
      if (!input.value.trim()) { shown.textContent = ''; return; }
      const { data } = await api(`quantity?text=${encodeURIComponent(input.value)}`);
      shown.classList.toggle('bad', !data.ok);
      shown.textContent = data.ok ? Object.values(data.shown).join(' · ') : `${data.message}${t('hintSep')}${data.hint}`;
    };
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 250); });
    td.append(input, shown);
    if (input.value) check();
    return td;
  }

  function labelCell(fig, lang) {
    const td = document.createElement('td');
    const input = document.createElement('input');
    const cell = fig.cells[`label.${lang}`];
    input.value = cell ? cell.text : '';
    input.dataset.figure = fig.id;
    input.dataset.part = `label.${lang}`;
    input.dataset.initial = input.value;
    input.lang = lang === 'zh' ? 'zh-CN' : lang;
    input.setAttribute('aria-label', `${fig.id} — ${t(lang === 'zh' ? 'labelZh' : 'labelEn')}`);
    td.appendChild(input);
    return td;
  }

  function showReportProblems(problems) {
    const list = $('report-problems');
    list.textContent = '';
    for (const p of problems) {
      const li = document.createElement('li');
      li.className = p.error ? 'error-item' : 'warning';
      li.textContent = problemLine(p);
      list.appendChild(li);
    }
  }

  /** A problem as the desk lists it: its line, what is wrong and what to do, joined as the language writes them. */
  function problemLine(p) {
    return `${t('line')} ${p.line} ${t('lineAfter')}`.trim() + `${ui === 'zh' ? '：' : ': '}${p.message}${p.hint ? `${t('hintSep')}${p.hint}` : ''}`;
  }

  /** One input of a list's entry: a text in one language, or a word chosen from the report's choices. */
  function listInput(list, part, value, choices, where) {
    const label = document.createElement('label');
    const span = document.createElement('span');
    const [name, lang] = part.split('.');
    span.textContent = `${t(name) || name}${lang ? ` (${names[lang] || lang})` : ''}`;
    let input;
    if (choices[name]) {
      input = document.createElement('select');
      input.add(new Option('', ''));
      for (const c of choices[name]) input.add(new Option(c, c));
    } else {
      input = document.createElement('input');
      if (lang) input.lang = lang === 'zh' ? 'zh-CN' : lang;
    }
    input.value = value || '';
    input.dataset.list = list;
    input.dataset.part = part;
    input.dataset.initial = input.value;
    Object.assign(input.dataset, where);
    label.append(span, input);
    return label;
  }

  function renderLists(data) {
    const box = $('lists');
    box.textContent = '';
    for (const section of data.lists) {
      const fs = document.createElement('fieldset');
      fs.className = 'list';
      fs.dataset.list = section.name;
      const legend = document.createElement('legend');
      legend.textContent = t(section.name);
      fs.appendChild(legend);
      section.entries.forEach((entry, index) => {
        const div = document.createElement('div');
        div.className = 'entry';
        for (const [part, cell] of Object.entries(entry.cells)) div.appendChild(listInput(section.name, part, cell.text, data.choices, { index }));
        const rm = document.createElement('label');
        rm.className = 'check';
        const box2 = document.createElement('input');
        box2.type = 'checkbox';
        box2.dataset.remove = section.name;
        box2.dataset.index = index;
        box2.addEventListener('change', () => div.classList.toggle('removed', box2.checked));
        const span = document.createElement('span');
        span.textContent = t('removeEntry');
        rm.append(box2, span);
        div.appendChild(rm);
        fs.appendChild(div);
      });
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = t('addEntry');
      add.addEventListener('click', () => {
        const div = document.createElement('div');
        div.className = 'entry added';
        div.dataset.list = section.name;
        for (const part of data.parts[section.name]) {
          const texts = ['holder', 'title', 'category', 'text'].includes(part);
          for (const p of texts ? languages.map((l) => `${part}.${l}`) : [part]) div.appendChild(listInput(section.name, p, '', data.choices, { added: '1' }));
        }
        fs.insertBefore(div, add);
        div.querySelector('input, select').focus();
      });
      fs.appendChild(add);
      box.appendChild(fs);
    }
  }

  async function openReport(year) {
    const { status, data } = await api(`report?year=${year}`);
    if (status !== 200) { $('report-status').textContent = t('failed', data.error); return; }
    report = data;
    $('report-heading').textContent = `${t('figuresOf', year)} — content/${data.file}`;
    const rows = $('figure-rows');
    rows.textContent = '';
    for (const fig of data.figures) {
      const tr = document.createElement('tr');
      tr.append(labelCell(fig, 'zh'), labelCell(fig, 'en'));
      for (const part of ['value', 'target', 'growth', 'attainment']) tr.appendChild(numberCell(fig, part));
      rows.appendChild(tr);
    }
    renderLists(data);
    showReportProblems(data.problems || []);
    $('report-preview').src = `/${ui in { zh: 1, en: 1 } ? ui : languages[0]}/${year}/`;
    $('report-status').textContent = '';
  }

  async function saveReport() {
    const edits = [];
    for (const input of document.querySelectorAll('#figure-rows input')) {
      if (input.value !== input.dataset.initial) edits.push({ figure: input.dataset.figure, part: input.dataset.part, text: input.value });
    }
    const listEdits = [];
    for (const input of document.querySelectorAll('#lists .entry:not(.added) [data-part]')) {
      if (input.value !== input.dataset.initial) listEdits.push({ list: input.dataset.list, index: Number(input.dataset.index), part: input.dataset.part, text: input.value });
    }
    const removed = [...document.querySelectorAll('#lists [data-remove]:checked')].map((b) => ({ list: b.dataset.remove, index: Number(b.dataset.index) }));
    const added = [];
    for (const div of document.querySelectorAll('#lists .entry.added')) {
      const parts = {};
      div.querySelectorAll('[data-part]').forEach((i) => { if (i.value.trim()) parts[i.dataset.part] = i.value.trim(); });
      if (Object.keys(parts).length) added.push({ list: div.dataset.list, parts });
    }
    if (!edits.length && !listEdits.length && !removed.length && !added.length) return;
    $('report-status').textContent = t('saving');
    const { status, data } = await api('report', { year: report.year || report.file.slice(0, 4), version: report.version, edits, listEdits, added, removed });
    if (status !== 200) { $('report-status').textContent = t('failed', data.error); return; }
    $('report-status').textContent = t('reportSaved', new Date().toLocaleTimeString());
    await openReport(report.file.slice(0, 4));
    showReportProblems(data.problems || []);
    const frame = $('report-preview');
    frame.src = frame.src;
  }

  // ---- routing ----
  async function route() {
    const m = location.hash.match(/^#\/edit\/([12][0-9]{3})\/([a-z0-9]+(?:-[a-z0-9]+)*)$/);
    const r = location.hash.match(/^#\/report\/([12][0-9]{3})$/);
    $('list-view').hidden = !!(m || r);
    $('edit-view').hidden = !m;
    $('report-view').hidden = !r;
    if (m) await openArticle(m[1], m[2]);
    else if (r) await openReport(r[1]);
    else renderList();
    $('main').focus();
  }

  $('ui-lang').addEventListener('click', () => {
    ui = ui === 'zh' ? 'en' : 'zh';
    localStorage.setItem('gazette-desk-lang', ui);
    translatePage();
    renderList();
  });
  for (const id of ['f-year', 'f-state']) $(id).addEventListener('change', () => { shown = 50; renderList(); });
  $('f-title').addEventListener('input', () => { shown = 50; renderList(); });
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('more').addEventListener('click', () => { shown += 50; renderList(); });
  $('new-article').addEventListener('click', () => {
    const f = $('new-form');
    f.hidden = !f.hidden;
    $('new-year').value = String(new Date().getFullYear());
    if (!f.hidden) $('new-name').focus();
  });
  for (const l of languages) $('new-lang').add(new Option(names[l] || l, l));
  $('new-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const year = $('new-year').value.trim();
    const name = $('new-name').value.trim();
    if (!/^[12][0-9]{3}$/.test(year) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) { $('new-error').textContent = t('badName'); return; }
    $('new-error').textContent = all.some((a) => a.year === year && a.name === name) ? t('exists') : '';
    const docx = $('new-docx').files[0];
    if (docx) {
      const box = $('import-result');
      box.hidden = false;
      box.classList.remove('failed');
      $('import-text').textContent = t('importing');
      $('import-list').textContent = '';
      const today = new Date();
      const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const r = await fetch(`/desk/api/import?year=${year}&name=${name}&lang=${$('new-lang').value}&date=${date}`, {
        method: 'POST', body: docx,
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'X-Gazette-Token': token, 'X-Gazette-Lang': ui },
      });
      const data = await r.json().catch(() => ({ error: r.statusText }));
      if (r.status !== 200) { box.classList.add('failed'); $('import-text').textContent = t('failed', data.error); return; }
      $('import-text').textContent = t('imported', data.file) + (data.notCarried.length ? ` ${t('notCarried')}` : '');
      for (const n of data.notCarried) {
        const li = document.createElement('li');
        li.textContent = n;
        $('import-list').appendChild(li);
      }
      await loadList();
    }
    location.hash = `#/edit/${year}/${name}`;
  });
  $('save').addEventListener('click', save);
  $('save-report').addEventListener('click', saveReport);
  $('new-year-year').value = String(new Date().getFullYear());
  $('new-year-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const year = $('new-year-year').value.trim();
    const { status, data } = await api(`new-year?year=${encodeURIComponent(year)}`, {});
    if (status !== 200) { $('new-year-error').textContent = t('failed', data.error); return; }
    $('new-year-error').textContent = '';
    await loadList();
    location.hash = `#/report/${year}`;
  });
  $('build').addEventListener('click', async () => {
    const box = $('build-result');
    box.hidden = false;
    box.classList.remove('failed');
    $('build-output').textContent = t('building');
    $('build').disabled = true;
    try {
      const { data } = await api('build', {});
      box.classList.toggle('failed', !data.ok);
      $('build-output').textContent = `${t(data.ok ? 'built' : 'buildFailed')}\n${data.output || data.error}`;
    } finally {
      $('build').disabled = false;
    }
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's' && !$('edit-view').hidden) { e.preventDefault(); save(); }
  });
  $('conflict-reload').addEventListener('click', () => openArticle(current.year, current.name));
  $('conflict-keep').addEventListener('click', () => {
    forced[$('conflict').dataset.lang] = $('conflict').dataset.version;
    save();
  });
  window.addEventListener('hashchange', route);

  translatePage();
  loadList().then(route);
})();
