#!/usr/bin/env python3
"""Save -> changed page served: `gazette serve` against `hugo server` on the same articles.

    bench/serve.py N[xYEARS] ...      (default: 1000x1 10000x1; N articles in zh and en = 2N article pages)

For each tool: start its preview server on the corpus of bench/generate.py, wait for it, then EDITS
times append a unique line to one article's English text and time until the page, fetched over
HTTP from the server, shows it (polling every 2 ms). Then a template edit, timed the same way. Also
the server's resident memory after the edits and its CPU use over 5 idle seconds. Medians (p50)
and p95 of the edits; both tools in the same run, on copies of the same corpus.
"""
import os, shutil, signal, socket, statistics, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, 'bench', 'work')
EDITS = int(os.environ.get('EDITS', '30'))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        return e.code, ''
    except OSError:
        return 0, ''


def wait_for(url, test, limit=600.0, step=0.002):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        status, body = fetch(url)
        if status == 200 and test(body):
            return time.perf_counter() - start
        time.sleep(step)
    raise RuntimeError('timed out waiting for ' + url)


def proc_stats(pid):
    rss = hwm = 0
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                rss = int(line.split()[1]) // 1024
            if line.startswith('VmHWM:'):
                hwm = int(line.split()[1]) // 1024
    return rss, hwm


def cpu_seconds(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def run(tool, command, cwd, article_file, page_url, template_file, template_edit):
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        start = time.perf_counter()
        wait_for(page_url, lambda b: True)
        ready = time.perf_counter() - start
        time.sleep(3)  # let the first build settle (bulletins, background work)
        times = []
        original = open(article_file, encoding='utf-8').read()
        for i in range(EDITS):
            marker = 'bench-marker-%s-%d' % (tool, i)
            with open(article_file, 'w', encoding='utf-8') as f:
                f.write(original + '\n\n' + marker + '\n')
            times.append(wait_for(page_url, lambda b, m=marker: m in b))
            time.sleep(0.25)
        with open(article_file, 'w', encoding='utf-8') as f:
            f.write(original)
        time.sleep(1)
        text = open(template_file, encoding='utf-8').read()
        marker = 'bench-template-%s' % tool
        with open(template_file, 'w', encoding='utf-8') as f:
            f.write(template_edit(text, marker))
        template = wait_for(page_url, lambda b: marker in b)
        with open(template_file, 'w', encoding='utf-8') as f:
            f.write(text)
        wait_for(page_url, lambda b: marker not in b)
        time.sleep(10)  # background work after the last save (bulletins, the JIT) ends
        rss, hwm = proc_stats(proc.pid)
        cpu0 = cpu_seconds(proc.pid)
        time.sleep(5)
        idle = (cpu_seconds(proc.pid) - cpu0) / 5 * 100
        times.sort()
        p50 = statistics.median(times) * 1000
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))] * 1000
        return dict(ready=ready, p50=p50, p95=p95, template=template * 1000, rss=rss, hwm=hwm, idle=idle)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()


def main(specs):
    print('Save -> changed page served (ms; %d edits of one article, then one template edit; RSS after, CPU while idle)' % EDITS)
    print('| N x years | pages | tool | first build s | edit p50 ms | edit p95 ms | template ms | RSS MB | peak MB | idle CPU % |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for spec in specs:
        n, _, y = spec.partition('x')
        n, y = int(n), int(y or 1)
        corpus = os.path.join(WORK, 'n%dy%d' % (n, y))
        if not os.path.exists(os.path.join(corpus, '.done')):
            shutil.rmtree(corpus, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(ROOT, 'bench', 'generate.py'), str(n), corpus, str(y)], check=True)
            open(os.path.join(corpus, '.done'), 'w').close()
        edit = os.path.join(WORK, 'serve-n%dy%d' % (n, y))
        shutil.rmtree(edit, ignore_errors=True)
        shutil.copytree(corpus, edit)
        shutil.copytree(os.path.join(ROOT, 'templates'), os.path.join(edit, 'templates'))
        slug = 'news-%05d' % (n - 1)
        year = 2026 - y + 1 + ((n - 1) % y)
        pages = 2 * n
        rows = []
        port = free_port()
        rows.append(('Gazette', run('gazette', [os.path.join(ROOT, 'gazette'), 'serve', '--port', str(port), '--content', 'gazette/content', '--templates', 'templates'],
                                    edit, os.path.join(edit, 'gazette', 'content', str(year), 'news', slug + '.en.md'),
                                    'http://127.0.0.1:%d/en/%d/news/%s.html' % (port, year, slug),
                                    os.path.join(edit, 'templates', 'article.ftlh'),
                                    lambda t, m: t.replace('<p class="back">', '<p class="back">' + m + ' ', 1))))
        if shutil.which('hugo'):
            port = free_port()
            rows.append(('Hugo', run('hugo', ['hugo', 'server', '--port', str(port), '--bind', '127.0.0.1', '--source', 'hugo',
                                              '--disableLiveReload', '--appendPort=true', '--baseURL', 'http://127.0.0.1/'],
                                     edit, os.path.join(edit, 'hugo', 'content', 'news', slug + '.en.md'),
                                     'http://127.0.0.1:%d/en/news/%s/' % (port, slug),
                                     os.path.join(edit, 'hugo', 'layouts', '_default', 'single.html'),
                                     lambda t, m: t.replace('<article>', '<article>' + m + ' ', 1))))
        for name, r in rows:
            print('| %d x %d | %d | %s | %.2f | %.0f | %.0f | %.0f | %d | %d | %.1f |' % (
                n, y, pages, name, r['ready'], r['p50'], r['p95'], r['template'], r['rss'], r['hwm'], r['idle']), flush=True)


if __name__ == '__main__':
    main(sys.argv[1:] or ['1000x1', '10000x1'])
