"""Merges the Glyphs 3 package of 朱雀仿宋 (Zhuque Fangsong, github.com/TrionesType/zhuque, src/
ZhuqueFangsong.glyphspackage) into one .glyphs file that Debian's fontmake 2.4 / glyphsLib 6.0 can
build (they refuse a package), leaving out what they trip over and the font does not need: layer
backgrounds and background images (glyphsLib 6.0 cannot read a Glyphs 3 background image's
transform, and builds a background twice for some glyphs), and an escaped quote at the end of one
stylistic set's label (written out unescaped, it breaks the feature file).

Usage: python3 zhuque-glyphs.py PACKAGE_DIR OUT.glyphs   (see build-fonts.sh)
"""
import os
import re
import sys


def strip_blocks(s, key):
    """s without every `key {…};` block that starts a line (braces matched)."""
    out, i = [], 0
    while True:
        j = s.find(key, i)
        if j < 0:
            out.append(s[i:])
            return ''.join(out)
        if j > 0 and s[j - 1] != '\n':
            out.append(s[i:j + 1])
            i = j + 1
            continue
        out.append(s[i:j])
        k, depth = j + len(key), 1
        while depth:
            depth += {'{': 1, '}': -1}.get(s[k], 0)
            k += 1
        while s[k] in ';\n':
            k += 1
        i = k


pkg, target = sys.argv[1], sys.argv[2]
info = open(os.path.join(pkg, 'fontinfo.plist'), encoding='utf-8').read().rstrip()
order = [l.strip().rstrip(',').strip('"') for l in open(os.path.join(pkg, 'order.plist'), encoding='utf-8').read().strip()[1:-1].split('\n') if l.strip()]
glyphs = {}
for f in os.listdir(os.path.join(pkg, 'glyphs')):
    text = open(os.path.join(pkg, 'glyphs', f), encoding='utf-8').read().strip()
    glyphs[re.search(r'^glyphname = "?(.*?)"?;$', text, re.M).group(1)] = text
names = [n for n in order if n in glyphs] + sorted(set(glyphs) - set(order))
merged = info[:-1] + 'glyphs = (\n' + ',\n'.join(glyphs[n] for n in names) + '\n);\n}\n'
merged = strip_blocks(merged, 'backgroundImage = {')
merged = strip_blocks(merged, 'background = {')
merged = re.sub(r'^value = "(.*)\\"";$', r'value = "\1";', merged, flags=re.M)
open(target, 'w', encoding='utf-8').write(merged)
print(f'{target}: {len(names)} glyphs')
