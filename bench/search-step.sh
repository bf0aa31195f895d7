#!/usr/bin/env bash
# The search step alone, this version against another (its jar), alternating, three rounds of four
# runs each: the ratio is measured side by side in one run, on the same pages.
#   bench/search-step.sh SITE_DIR [OTHER.jar]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=$1
other=${2:-}
"$root/gazette" --version >/dev/null
opts="-Xms192m -Xmn128m -Xmx3g -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
for round in 1 2 3; do
  echo -n "this:  "; java $opts -cp "$root/target/gazette.jar" "$root/bench/SearchStep.java" "$site" 4 | tail -n 1
  [ -n "$other" ] && { echo -n "other: "; java $opts -cp "$other" "$root/bench/SearchStep.java" "$site" 4 | tail -n 1; }
done
