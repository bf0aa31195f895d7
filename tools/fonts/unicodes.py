"""Prints the code points the bundled CJK subsets keep (one U+XXXX per line), see build-fonts.sh."""
import os
import sys

root = sys.argv[1]
keep = set()
# All of GB2312: rows 0xA1-0xF7, cells 0xA1-0xFE.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            keep.update(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
keep = {ord(c) for c in keep}
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2460, 0x24FF),
          (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0x3200, 0x32FF), (0xFF00, 0xFFEF)]
for a, b in ranges:
    keep.update(range(a, b + 1))
# Every character the bundled content and interface strings use.
for base in ('content', 'templates'):
    for dirpath, _, files in os.walk(os.path.join(root, base)):
        for f in files:
            if f.endswith(('.yaml', '.md', '.ftlh')):
                with open(os.path.join(dirpath, f), encoding='utf-8') as fh:
                    keep.update(ord(c) for c in fh.read() if ord(c) >= 0x20)
# Never radicals or compatibility ideographs: they would steal the ideographs' /ToUnicode entries.
keep = {c for c in keep if not (0x2E80 <= c <= 0x2FDF or 0xF900 <= c <= 0xFAFF)}
for c in sorted(keep):
    print('U+%04X' % c)
