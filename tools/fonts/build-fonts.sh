#!/usr/bin/env bash
# Rebuilds the fonts bundled in src/main/resources/org/gazette/fonts/ (run by a developer, not by
# the build or CI: the results are committed). Needs npm, Debian's font packages and fonttools:
#   apt-get install fonts-droid-fallback fonts-liberation2 fonts-arphic-gkai00mp python3-fonttools fontmake git
#
# Why subsets: the full Noto CJK TrueType files are 10–15 MB per weight. We keep every character of
# GB2312 (all 6,763 hanzi and its symbols), Latin, punctuation and every character the bundled
# content and interface strings use. Characters outside fall back to Droid Sans Fallback, which has
# all 20,902 unified ideographs of Unicode 3.0 and 6,582 of Extension A.
#
# Why subsetting also fixes copy/search: Noto maps a unified ideograph and its Kangxi/radical
# look-alike (一 and ⼀) to one glyph, and PDFBox writes the lowest code point into /ToUnicode,
# so text would extract as radicals. The subset keeps no radical (U+2E80–U+2FDF) and no
# compatibility ideograph (U+F900–U+FAFF), and unshare.py leaves every glyph one character (and
# drops the format-14 cmap), so each glyph maps back to the character that was written.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/src/main/resources/org/gazette/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
mkdir serif sans
tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif --strip-components=1
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans --strip-components=1

python3 "$here/unicodes.py" "$root" > unicodes.txt
mkdir -p "$out"
subset() {
  pyftsubset "$1" --unicodes-file=unicodes.txt --layout-features='*' --no-hinting \
    --name-IDs='*' --name-languages='*' --drop-tables+=DSIG --output-file="$2.tmp.ttf"
  python3 "$here/unshare.py" "$2.tmp.ttf" "$out/$2"
}
subset serif/400Regular/NotoSerifSC_400Regular.ttf NotoSerifSC-Regular.ttf
subset serif/700Bold/NotoSerifSC_700Bold.ttf NotoSerifSC-Bold.ttf
subset sans/700Bold/NotoSansSC_700Bold.ttf NotoSansSC-Bold.ttf
cp serif/LICENSE_FONT "$out/LICENSE-NotoSC-OFL.txt"

# 仿宋 for GB/T 9704's body text: 朱雀仿宋 (Zhuque Fangsong, SIL OFL 1.1), built from its sources with
# Debian's fontmake (about four minutes), then the same subset (all of GB 2312: 5 MB).
git clone --quiet https://github.com/TrionesType/zhuque.git zhuque
git -C zhuque checkout --quiet 227319a1
python3 "$here/zhuque-glyphs.py" zhuque/src/ZhuqueFangsong.glyphspackage ZhuqueFangsong.glyphs
fontmake -g ZhuqueFangsong.glyphs -o ttf --output-dir zhuque-out
subset zhuque-out/ZhuqueFangsong-Regular.ttf ZhuqueFangsong-Regular.ttf
cp zhuque/LICENSE.txt "$out/LICENSE-ZhuqueFangsong-OFL.txt"

# 楷体 for GB/T 9704's second-level headings: AR PL KaitiM GB (Debian fonts-arphic-gkai00mp, Arphic
# Public License: redistribution allowed), the same subset (it has all of GB 2312: 4.5 MB).
subset /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf ARPLKaitiMGB.ttf
zcat /usr/share/doc/fonts-arphic-gkai00mp/license/english/ARPHICPL.TXT.gz > "$out/LICENSE-ARPL.txt"

# Droid Sans Fallback: the fallback for rare characters, complete (Apache License 2.0).
python3 "$here/unshare.py" /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$out/DroidSansFallbackFull.ttf"
cp /usr/share/doc/fonts-droid-fallback/copyright "$out/LICENSE-DroidSansFallback.txt"

# Latin: Liberation Serif and Sans (metric-compatible with Times New Roman and Arial).
for f in LiberationSerif-Regular LiberationSerif-Bold LiberationSans-Bold; do
  python3 "$here/unshare.py" "/usr/share/fonts/truetype/liberation2/$f.ttf" "$out/$f.ttf" --drop-gsub
done
cp /usr/share/doc/fonts-liberation2/copyright "$out/LICENSE-Liberation.txt"
ls -l "$out"

# Which characters the bundled faces can draw, as a bit set (bit n = code point n, java.util.BitSet
# byte order): Gazette reads it to warn about characters that would print as '#', without parsing fonts.
python3 - "$out" <<'PY'
import sys, glob
from fontTools.ttLib import TTFont
covered = set()
for f in glob.glob(sys.argv[1] + '/*.ttf'):
    covered |= set(TTFont(f, lazy=True).getBestCmap().keys())
top = max(covered)
bits = bytearray(top // 8 + 1)
for c in covered:
    bits[c // 8] |= 1 << (c % 8)
open(sys.argv[1] + '/coverage.bits', 'wb').write(bytes(bits))
print('coverage.bits:', len(covered), 'characters')
PY
