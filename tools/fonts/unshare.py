"""Makes every glyph of a font map back from exactly one character.

PDFBox writes, for each glyph, the lowest code point that maps to it into the PDF's /ToUnicode
table. When a font maps several characters to one glyph (一 and the radical ⼀, – and ‒, ～ and 〜),
text written with the others would extract, copy and search as the lowest one. So each glyph
keeps one character (the preferred one, else the lowest that is not a look-alike); the others
are removed from the cmap and are drawn by the next font in the CSS font stack instead.

usage: unshare.py IN.ttf OUT.ttf [--drop-gsub]  (or IN.ttc#N OUT.ttf for one face of a collection)

--drop-gsub removes the glyph substitution table: PDFBox applies Latin GSUB rules (ligatures) with
regular expressions built per text run, which made English bulletins several times slower to
render, and a ligature glyph (ﬁ) would copy out as one character. Gazette does no shaping.
"""
import sys
from collections import defaultdict
from fontTools.ttLib import TTCollection, TTFont

PREFERRED = {0x0020, 0x002D, 0x00B7, 0x3000, 0x2013, 0xFF5E, 0xFF40}


def look_alike(c):
    return 0x2E80 <= c <= 0x2FDF or 0xF900 <= c <= 0xFAFF


def main(src, dst, drop_gsub=False):
    if '#' in src:
        path, index = src.split('#')
        font = TTCollection(path, recalcTimestamp=False).fonts[int(index)]
    else:
        font = TTFont(src, recalcTimestamp=False)
    by_glyph = defaultdict(set)
    for code, glyph in font.getBestCmap().items():
        by_glyph[glyph].add(code)
    drop = set()
    for codes in by_glyph.values():
        if len(codes) < 2:
            continue
        keep = sorted(codes & PREFERRED) or sorted(c for c in codes if not look_alike(c)) or sorted(codes)
        drop |= codes - {keep[0]}
    for table in font['cmap'].tables:
        if table.format != 14:
            for c in drop:
                table.cmap.pop(c, None)
    font['cmap'].tables = [t for t in font['cmap'].tables if t.format != 14]
    if drop_gsub and 'GSUB' in font:
        del font['GSUB']
    font.save(dst)
    print('%s: %d characters no longer share a glyph: %s' % (dst.split('/')[-1], len(drop),
          ' '.join('U+%04X' % c for c in sorted(drop)[:12]) + (' …' if len(drop) > 12 else '')))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], '--drop-gsub' in sys.argv[3:])
