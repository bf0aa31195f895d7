#!/usr/bin/env bash
# A province's archive: one full build of N articles (in zh and en) over YEARS years, whole
# process, for its peak memory (GNU time's maximum resident set) and time per step.
#   bench/archive.sh [N] [YEARS] [HEAP ...]     (defaults: 100000 10 "1300m default")
# Each HEAP is a Java heap ceiling (-Xmx) to build under, or "default" for Java's own (a quarter of
# the machine: the serial collector grows the heap toward it, so the peak then says what Java was
# allowed rather than what the build needs). The corpus is generated once into bench/work/nNyY
# (100,000 × 10: 1.2 GB, 240,000 pages, ~5 minutes a build on two cores); it needs python3 and a
# realistic vocabulary (apt-get install python3-jieba wamerican) and GNU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
years=${2:-10}
shift $(( $# < 2 ? $# : 2 ))
heaps=${*:-1300m default}
corpus="$root/bench/work/n${n}y${years}"
[ -d "$corpus/gazette/content" ] || python3 "$root/bench/generate.py" "$n" "$corpus" "$years"
"$root/gazette" --version >/dev/null
out="$corpus/gazette-out"
printf '| articles × years | heap ceiling | pages | peak MB | seconds | steps (s) |\n|---|---|---|---|---|---|\n'
for heap in $heaps; do
  rm -rf "$out"
  opts=""
  [ "$heap" = default ] || opts="-Xmx$heap"
  log=$(mktemp)
  GAZETTE_JAVA_OPTS="$opts" /usr/bin/time -v "$root/gazette" build --full --verbose --lang en \
    --content "$corpus/gazette/content" --out "$out" >"$log" 2>&1 || { tail -n 5 "$log" >&2; echo "build under $heap failed" >&2; }
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$log")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.0f", s}' "$log")
  pages=$(grep -o '[0-9,]* pages' "$log" | head -n 1 | tr -d ', pages' || true)
  steps=$(awk '/^  [a-z]+: [0-9]+ ms$/ {printf "%s %.1f, ", $1, $2 / 1000}' "$log" | sed 's/, $//')
  printf '| %s × %s | %s | %s | %s | %s | %s |\n' "$n" "$years" "$heap" "${pages:-–}" "$peak" "$secs" "$steps"
  rm -f "$log"
done
