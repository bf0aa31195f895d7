#!/usr/bin/env python3
"""Generates a synthetic bilingual press-office corpus of N news articles (each in zh and en), in
Gazette's content format and, from the same text, in Hugo's multilingual layout.

usage: generate.py N OUT_DIR [YEARS]   → OUT_DIR/gazette/content, OUT_DIR/hugo
       generate.py --add K OUT_DIR      → one more article (number K, dated today in 2026) in both,
                                           as a press office publishes one (bench/publish.sh)
The N articles are spread over YEARS year folders ending in 2026 (default 1: a press office's
current year, where most of its articles are); every year but the current one has its report
(the current year's report comes out next February). Both tools build the same articles with
paginated news listings (20 a page), tag pages, a feed and a sitemap per language.
Deterministic: the same N and YEARS give the same files.

The text looks real, so the costs that depend on a vocabulary (the search index, the numbers
reader) are measured as a press office would meet them: Chinese words are drawn by their real
frequencies from the dictionary of Debian's `python3-jieba` (349,000 words with counts), English
words from `wamerican`'s word list with Zipf weights (apt-get install python3-jieba wamerican).
"""
import os
import random
import sys

JIEBA = '/usr/lib/python3/dist-packages/jieba/dict.txt'
WORDS = '/usr/share/dict/words'


def vocabularies():
    """Chinese words with their frequencies, English words with Zipf weights (rank in a seeded shuffle)."""
    if not (os.path.exists(JIEBA) and os.path.exists(WORDS)):
        sys.exit('generate.py: needs a realistic vocabulary: apt-get install python3-jieba wamerican')
    zh, zw = [], []
    with open(JIEBA, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and all('\u4e00' <= c <= '\u9fff' for c in parts[0]):
                zh.append(parts[0])
                zw.append(int(parts[1]))
    with open(WORDS, encoding='utf-8') as f:
        en = sorted({w.strip().lower() for w in f if w.strip().isascii() and w.strip().isalpha() and len(w.strip()) > 1})
    random.Random(1).shuffle(en)
    ew = [1.0 / (r + 1) for r in range(len(en))]
    acc, zc = 0, []
    for w in zw:
        acc += w
        zc.append(acc)
    acc, ec = 0.0, []
    for w in ew:
        acc += w
        ec.append(acc)
    return zh, zc, en, ec


ZH, ZH_CUM, EN, EN_CUM = vocabularies()


def zh_words(rng, k):
    return rng.choices(ZH, cum_weights=ZH_CUM, k=k)


def en_words(rng, k):
    return rng.choices(EN, cum_weights=EN_CUM, k=k)


def zh_text(rng, chars):
    out, n = [], 0
    while n < chars:
        sentence = ''.join(zh_words(rng, rng.randint(6, 12)))
        out.append(sentence + rng.choice('，。；'))
        n += len(sentence) + 1
    return ''.join(out).rstrip('，；。') + '。'


def en_text(rng, words):
    out = []
    while len(out) < words:
        s = en_words(rng, rng.randint(8, 16))
        s[0] = s[0].capitalize()
        out.extend(s[:-1] + [s[-1] + '.'])
    return ' '.join(out)


def article(rng, lang, title, date, i):
    body = zh_text if lang == 'zh' else en_text
    size = (150, 100) if lang == 'zh' else (100, 100)
    heading = '主要数据' if lang == 'zh' else 'Key figures'
    cols = ('| 指标 | 数值 |\n|---|---|\n' if lang == 'zh' else '| Indicator | Value |\n|---|---|\n')
    rows = ''.join('| %s | %d |\n' % ((zh_words(rng, 1)[0] if lang == 'zh' else en_words(rng, 1)[0]), rng.randint(1, 999))
                   for _ in range(4))
    items = ''.join('- %s\n' % (body(rng, 20) if lang == 'zh' else body(rng, 12)) for _ in range(3))
    link = '[%s](https://www.example.gov.cn/news/%d)' % ('原文链接' if lang == 'zh' else 'source', i)
    return ('---\ntitle: "%s"\ndate: %s\nsummary: "%s"\nbyline:\n  reporter: [%s]\ntags: [%s]\n---\n\n'
            '%s\n\n%s\n\n## %s\n\n%s\n%s\n%s\n\n%s %s\n') % (
        title, date, body(rng, 30 if lang == 'zh' else 20).replace('"', ''),
        '记者' + str(i % 50) if lang == 'zh' else 'Reporter %d' % (i % 50),
        '新闻, 要闻' if lang == 'zh' else 'news, headlines',
        body(rng, size[0] * 2), body(rng, size[1] * 2), heading, items, cols + rows, body(rng, size[0]), link, body(rng, 40))


def report_yaml(year, rng):
    figures = ''.join(
        '  - id: figure-%d\n    field: economy\n    label: {zh: 指标%d, en: Indicator %d}\n    value: %s亿元\n    growth: %d%%\n'
        % (k, k, k, '%d.%02d' % (rng.randint(1, 500), rng.randint(0, 99)), rng.randint(1, 12)) for k in range(5))
    return ('year: %d\ntitle: {zh: 测试区%d年度工作报告, en: Test District Annual Report %d}\n'
            'summary: {zh: %d年全区经济稳定增长。, en: The district grew steadily in %d.}\n'
            'meeting:\n  title: {zh: %d年度总结大会, en: %d Review Meeting}\n  date: %d-02-20\n  session: morning\n'
            'figures:\n%s') % (year, year, year, year, year, year, year, year + 1, figures)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def main(n, out, years=1):
    rng = random.Random(n)
    g = os.path.join(out, 'gazette', 'content')
    h = os.path.join(out, 'hugo')
    write(os.path.join(g, 'site.yaml'),
          'title: {zh: 测试区新闻, en: Test District News}\noffice: {zh: 测试区新闻办公室, en: Test District Press Office}\n'
          'district: {zh: 测试区, en: Test District}\nlanguages:\n  - {code: zh, name: 中文, locale: zh-CN}\n'
          '  - {code: en, name: English, locale: en-GB}\nbaseUrl: https://news.test.example/\ntimeZone: Asia/Shanghai\n')
    write(os.path.join(g, 'tags.yaml'), 'news: {zh: 新闻, en: news}\nheadlines: {zh: 要闻, en: headlines}\n')
    first = 2026 - years + 1
    for y in range(years - 1):
        year = first + y
        write(os.path.join(g, str(year), 'report.yaml'), report_yaml(year, rng))
        for lang, text in (('zh', zh_text(rng, 300)), ('en', en_text(rng, 200))):
            write(os.path.join(g, str(year), 'report.%s.md' % lang), '---\ntitle: "%d"\ndate: %d-02-20\n---\n\n%s\n' % (year, year + 1, text))
            write(os.path.join(h, 'content', 'reports', '%d.%s.md' % (year, lang)),
                  '---\ntitle: "%d"\ndate: %d-02-20\nyear: %d\n---\n\n%s\n' % (year, year + 1, year, text))
        write(os.path.join(h, 'data', 'reports', 'y%d.yaml' % year), report_yaml(year, rng))
    for i in range(n):
        year = first + (i % years)
        date = '%d-%02d-%02d' % (year, 1 + (i // 28) % 11, 1 + i % 28)
        slug = 'news-%05d' % i
        for lang in ('zh', 'en'):
            title = ('测试区新闻第%d号' % i) if lang == 'zh' else ('Test District news no. %d' % i)
            text = article(random.Random(i * 2 + (lang == 'en')), lang, title, date, i)
            write(os.path.join(g, str(year), 'news', '%s.%s.md' % (slug, lang)), text)
            write(os.path.join(h, 'content', 'news', '%s.%s.md' % (slug, lang)), text)
    write(os.path.join(h, 'hugo.toml'), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(h, 'layouts', name), text)


HUGO_CONFIG = '''baseURL = "https://news.test.example/"
title = "Test District News"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = true
disableKinds = ["robotsTXT", "404"]
[pagination]
  pagerSize = 20
[taxonomies]
  tag = "tags"
[languages.zh]
  languageName = "中文"
  weight = 1
[languages.en]
  languageName = "English"
  weight = 2
'''

HUGO_LAYOUTS = {
    '_default/baseof.html': '''<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body><header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
''',
    '_default/single.html': '''{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time>
{{ with .Params.byline }}{{ range .reporter }} {{ . }}{{ end }}{{ end }}</p>{{ .Content }}</article>{{ end }}
''',
    '_default/list.html': '''{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>
{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">prev</a>{{ end }} {{ .PageNumber }}/{{ .TotalPages }} {{ if .HasNext }}<a href="{{ .Next.URL }}">next</a>{{ end }}{{ end }}{{ end }}
''',
    'reports/single.html': '''{{ define "main" }}<h1>{{ .Title }}</h1>{{ $r := index .Site.Data.reports (printf "y%v" .Params.year) }}
<table>{{ range $r.figures }}<tr><th>{{ .label.zh }} / {{ .label.en }}</th><td>{{ .value }}</td><td>{{ .growth }}</td></tr>{{ end }}</table>
{{ .Content }}{{ end }}
''',
}

def add(k, out):
    """One new article, number k, in the current year (2026), in both tools' content."""
    g = os.path.join(out, 'gazette', 'content')
    h = os.path.join(out, 'hugo')
    date = '2026-12-%02d' % (1 + k % 28)
    slug = 'published-%05d' % k
    for lang in ('zh', 'en'):
        title = ('测试区今日发布第%d号' % k) if lang == 'zh' else ('Test District publishes no. %d today' % k)
        text = article(random.Random(10 ** 7 + k * 2 + (lang == 'en')), lang, title, date, k)
        write(os.path.join(g, '2026', 'news', '%s.%s.md' % (slug, lang)), text)
        write(os.path.join(h, 'content', 'news', '%s.%s.md' % (slug, lang)), text)


if __name__ == '__main__':
    if sys.argv[1] == '--add':
        add(int(sys.argv[2]), sys.argv[3])
    else:
        main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
