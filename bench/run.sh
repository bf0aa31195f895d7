#!/usr/bin/env bash
# Gazette's benchmark: full builds of a synthetic bilingual corpus against Hugo, and the sample's
# bulletin against WeasyPrint and headless Chromium. Not part of the tests or CI.
#
#   bench/run.sh [N[xYEARS] ...]   default: 1000x1 1000x10 10000x1 10000x10; RUNS=5 runs after one warm-up (median)
#
# N articles (each in zh and en) over YEARS year folders ending in 2026 (default 1: a press office's
# current year; 10: an archive of ten years of N/10). Both tools build paginated listings, tag pages,
# feeds and sitemaps of the same articles; Gazette also builds its search index, and is
# timed a second time without it (--no-search), side by side in the same run.
#
# Needs python3, a realistic vocabulary (apt-get install python3-jieba wamerican) and GNU time
# (/usr/bin/time, Debian package `time`) for peak memory; optional peers
# from Debian: apt-get install hugo weasyprint chromium — a missing peer is skipped with a message.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/bench/work"
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000x1 1000x10 10000x1 10000x10)
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }
"$root/gazette" --version >/dev/null   # builds the jar (and, on first run, its class-data archive)

# median wall seconds and max peak RSS (MB) of RUNS runs after one warm-up: prints "SECONDS MB"
measure() {
  "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; return 1; }
  local times=() mem=0 i out stats
  stats=$(mktemp)
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>&1
    out=$(tail -n 1 "$stats")
    times+=("${out% *}")
    [ "${out#* }" -gt "$mem" ] && mem=${out#* }
  done
  rm -f "$stats"
  printf '%s %d\n' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" $((mem / 1024))
}

have() { command -v "$1" >/dev/null 2>&1; }

echo "Site builds (whole process, median of $runs after a warm-up; peak RSS)"
printf '| %-11s | %-6s | %-9s | %-9s | %-12s | %-10s | %-7s | %-9s | %-14s | %-11s | %-11s |\n' "N × years" pages "Gazette s" "Hugo s" "Gazette/Hugo" "Gazette MB" "Hugo MB" "search s" "no search s" "no search/Hugo" "largest KB"
printf '|-------------|--------|-----------|-----------|--------------|------------|---------|-----------|-------------|----------------|-------------|\n'
for spec in "${sizes[@]}"; do
  n=${spec%x*}; y=1
  [ "$spec" != "$n" ] && y=${spec#*x}
  dir="$work/n${n}y${y}"
  [ -f "$dir/.done" ] || { rm -rf "$dir"; python3 "$root/bench/generate.py" "$n" "$dir" "$y"; touch "$dir/.done"; }
  read -r gs gm < <(measure "$root/gazette" build --full --content "$dir/gazette/content" --out "$dir/gazette-out")
  read -r ns _ < <(measure "$root/gazette" build --full --no-search --content "$dir/gazette/content" --out "$dir/gazette-out-nosearch")
  pages=$(find "$dir/gazette-out" -name '*.html' | wc -l)
  # The search indexing step alone, and the largest page written.
  search=$("$root/gazette" build --full --verbose --content "$dir/gazette/content" --out "$dir/gazette-out" 2>&1 | awk '/^  search:/ {printf "%.2f", $2 / 1000}')
  largest=$(find "$dir/gazette-out" -name '*.html' -printf '%s\n' | sort -n | tail -n 1 | awk '{printf "%d", $1 / 1024}')
  if have hugo; then
    read -r hs hm < <(measure hugo --quiet --source "$dir/hugo" --destination "$dir/hugo-out")
    ratio=$(awk -v a="$gs" -v b="$hs" 'BEGIN {printf "%.2f", a / b}')
    nratio=$(awk -v a="$ns" -v b="$hs" 'BEGIN {printf "%.2f", a / b}')
  else
    hs="(no hugo)"; hm="-"; ratio="-"; nratio="-"
  fi
  printf '| %-11s | %-6s | %-9s | %-9s | %-12s | %-10s | %-7s | %-9s | %-11s | %-14s | %-11s |\n' "$n × $y" "$pages" "$gs" "$hs" "$ratio" "$gm" "$hm" "${search:--}" "$ns" "$nratio" "$largest"
done
have hugo || echo "Hugo is not installed: apt-get install hugo"

echo
echo "Bulletin PDF: the sample's 2017 bulletin, same XHTML (whole process, cold, median of $runs)"
pdf="$work/pdf"
mkdir -p "$pdf"
printf '| %-22s | %-8s | %-9s |\n' renderer seconds "size KB"
printf '|------------------------|----------|-----------|\n'
for lang in zh en; do
  # GAZETTE_CACHE=off: every run paints the bulletin (not taken from the bulletin cache after the warm-up).
  read -r s _ < <(measure env GAZETTE_CACHE=off "$root/gazette" bulletin --content "$root/content" --templates "$root/templates" --year 2017 --lang "$lang" \
    --out "$pdf/gazette-$lang.pdf" --xhtml "$pdf/bulletin-$lang.html")
  printf '| %-22s | %-8s | %-9s |\n' "Gazette ($lang)" "$s" $(( $(stat -c %s "$pdf/gazette-$lang.pdf") / 1024 ))
  if have weasyprint; then
    read -r s _ < <(measure weasyprint -q "$pdf/bulletin-$lang.html" "$pdf/weasyprint-$lang.pdf")
    printf '| %-22s | %-8s | %-9s |\n' "WeasyPrint ($lang)" "$s" $(( $(stat -c %s "$pdf/weasyprint-$lang.pdf") / 1024 ))
  fi
  if [ -x /usr/bin/chromium ]; then
    read -r s _ < <(measure /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$pdf/chromium-profile" \
      --no-pdf-header-footer --print-to-pdf="$pdf/chromium-$lang.pdf" "file://$pdf/bulletin-$lang.html")
    printf '| %-22s | %-8s | %-9s |\n' "Chromium ($lang)" "$s" $(( $(stat -c %s "$pdf/chromium-$lang.pdf") / 1024 ))
  fi
done
have weasyprint || echo "WeasyPrint is not installed: apt-get install weasyprint"
[ -x /usr/bin/chromium ] || echo "Chromium is not installed: apt-get install chromium"
