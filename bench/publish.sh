#!/usr/bin/env bash
# Publishing one article into a big site: after a build of N articles (each in zh and en, the
# current year: 10,000 → ~24,000 pages), one new article is added in both languages and the site
# built again — by `gazette build` (which takes unchanged pages from the last build), by
# `gazette build --full` (everything made again) and by Hugo (which rebuilds the whole site),
# side by side in one run, RUNS times (default 5; each run adds another article). Whole process,
# wall seconds and peak RSS; medians. Not part of the tests or CI.
#
#   bench/publish.sh [N]     (needs what bench/run.sh needs: python3-jieba, wamerican, time; hugo optional)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000}
runs=${RUNS:-5}
corpus="$root/bench/work/n${n}y1"
[ -f "$corpus/.done" ] || { rm -rf "$corpus"; python3 "$root/bench/generate.py" "$n" "$corpus" 1; touch "$corpus/.done"; }
# A copy to publish into (the corpus stays as generated).
work="$root/bench/work/publish-n${n}"
rm -rf "$work"
mkdir -p "$work"
cp -r "$corpus/gazette" "$corpus/hugo" "$work/"
"$root/gazette" --version >/dev/null
have() { command -v "$1" >/dev/null 2>&1; }
out="$work/gazette-out"
"$root/gazette" build --content "$work/gazette/content" --out "$out" >/dev/null 2>&1
have hugo && hugo --quiet --source "$work/hugo" --destination "$work/hugo-out" >/dev/null 2>&1

# wall seconds and peak MB of one run of a command: prints "SECONDS MB"
timed() {
  local stats
  stats=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$stats" "$@" >"$stats.out" 2>&1 || { cat "$stats.out" >&2; echo "bench: failed: $*" >&2; return 1; }
  awk '{printf "%s %d\n", $1, $2 / 1024}' "$stats" | tail -n 1
  rm -f "$stats" "$stats.out"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

inc=() incm=0 full=() fullm=0 hugo=() hugom=0 taken=""
for ((r = 1; r <= runs; r++)); do
  python3 "$root/bench/generate.py" --add "$r" "$work"
  read -r s m < <(timed "$root/gazette" build --content "$work/gazette/content" --out "$out")
  inc+=("$s"); [ "$m" -gt "$incm" ] && incm=$m
  # What the incremental build did, step by step (one more article, so that it has something to do).
  if [ "$r" = 1 ]; then
    python3 "$root/bench/generate.py" --add 1000 "$work"
    taken=$("$root/gazette" build --verbose --lang en --content "$work/gazette/content" --out "$out" 2>&1 | awk '/^  [a-z]+: [0-9]+ ms$/ {printf "%s %.2f, ", $1, $2 / 1000} /^gazette: built/ {sub(/^gazette: /, ""); b = $0} END {print b}')
  fi
  read -r s m < <(timed "$root/gazette" build --full --content "$work/gazette/content" --out "$out")
  full+=("$s"); [ "$m" -gt "$fullm" ] && fullm=$m
  if have hugo; then
    read -r s m < <(timed hugo --quiet --source "$work/hugo" --destination "$work/hugo-out")
    hugo+=("$s"); [ "$m" -gt "$hugom" ] && hugom=$m
  fi
done
pages=$(find "$out" -name '*.html' | wc -l)
gi=$(printf '%s\n' "${inc[@]}" | median)
gf=$(printf '%s\n' "${full[@]}" | median)
echo "Publish one article into $n articles × 2 languages ($pages HTML pages); median of $runs, whole process"
printf '| gazette build s | MB | gazette build --full s | MB | Hugo s | MB | build/Hugo | build/--full |\n|---|---|---|---|---|---|---|---|\n'
if have hugo; then
  gh=$(printf '%s\n' "${hugo[@]}" | median)
  printf '| %s | %s | %s | %s | %s | %s | %.2f | %.2f |\n' "$gi" "$incm" "$gf" "$fullm" "$gh" "$hugom" "$(awk -v a="$gi" -v b="$gh" 'BEGIN {print a / b}')" "$(awk -v a="$gi" -v b="$gf" 'BEGIN {print a / b}')"
else
  printf '| %s | %s | %s | %s | – | – | – | %.2f |\n' "$gi" "$incm" "$gf" "$fullm" "$(awk -v a="$gi" -v b="$gf" 'BEGIN {print a / b}')"
fi
echo "each run: gazette build ${inc[*]} s; --full ${full[*]} s; hugo ${hugo[*]:-–} s"
echo "one incremental build, step by step (s): $taken"
