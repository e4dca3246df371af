#!/usr/bin/env bash
# Alternated timing of two SiteGen builds on one generated garden (A B A B ...), for changes smaller than the
# machine's drift: two commits, a commit and the working tree, or one build under two runtime settings.
# Usage: tests/SiteGen.Benchmarks/compare-builds.sh [REV_A [REV_B]]
#   REV_A defaults to HEAD; without REV_B, B is the working tree, uncommitted changes included.
#   By environment: NOTES (default 10000), PAIRS (default 5), OUT (default /dev/shm: the site in memory, so the disk
#   stays out of it), and ENV_A / ENV_B, variables for one side's runs only, for example
#   ENV_B="DOTNET_gcConcurrent=1" tests/SiteGen.Benchmarks/compare-builds.sh HEAD HEAD
# Both sides are published as compare-hugo.sh publishes (ReadyToRun, for this machine) and run with --no-cache.
# Reports each side's median wall and CPU time and peak RSS, how many pairs B won, and whether the two sites are
# byte for byte the same (a speed-up must not change the site).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SITEGEN_SHARED_TOOLS:-$repo/../shared/tools}
# shellcheck source=bench-lib.sh
. "$repo/tests/SiteGen.Benchmarks/bench-lib.sh"
rev_a=${1:-HEAD}
rev_b=${2:-}
notes=${NOTES:-10000}
pairs=${PAIRS:-5}
out=${OUT:-/dev/shm}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
sites=$(mktemp -d "$out/sitegen-ab.XXXXXX")
trap 'rm -rf "$work" "$sites"' EXIT

# A revision's tree, published for this machine. The theme's npm packages are the repository's own, linked in.
publish_rev() {
  local rev=$1 dest=$2
  mkdir -p "$work/src-$dest"
  git -C "$repo" archive "$rev" | tar -x -C "$work/src-$dest"
  [ -d "$repo/site-template/node_modules" ] && ln -s "$repo/site-template/node_modules" "$work/src-$dest/site-template/node_modules"
  publish_sitegen "$work/src-$dest" "$work/$dest"
}

publish_rev "$rev_a" a
if [ -n "$rev_b" ]; then publish_rev "$rev_b" b; else publish_sitegen "$repo" "$work/b"; fi

garden="$work/garden"
mkdir -p "$garden"
bench_garden "$notes" "$garden"

# One build into a folder of its own; appends "wall cpu peak_kb" to the side's file. The warm-ups' sites are kept for
# the comparison of the two sites. On a disk the others are only removed at the end: on ext4, creating thousands of
# files just after deleting as many makes the inode allocator skip the freed inodes, and each run would be slower
# than the one before (see compare-hugo.sh). In memory they go at once, as they would fill it.
in_memory=$([ "$(stat -f -c %T "$sites")" = tmpfs ] && echo yes || echo no)
run=0
build() {
  local side=$1 vars=$2 site
  run=$((run + 1))
  site="$sites/$side-$run"
  # The disk writes of the previous run land before the timing, not in it.
  sync
  # shellcheck disable=SC2086 # the variables are words on purpose
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" env $vars dotnet "$work/$side/sitegen.dll" build "$garden" --output "$site" --quiet --no-cache >/dev/null 2>&1 \
    || { echo "build $side failed" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/time.txt" >> "$work/$side.txt"
  if [ "$in_memory" = yes ] && [ "$run" -gt 2 ]; then rm -rf "$site"; fi
}

# A warm-up each (file cache, disk), not counted.
build a "${ENV_A:-}"; build b "${ENV_B:-}"
: > "$work/a.txt"; : > "$work/b.txt"
for _ in $(seq "$pairs"); do
  build a "${ENV_A:-}"
  build b "${ENV_B:-}"
done

wins=$(paste -d' ' "$work/a.txt" "$work/b.txt" | awk '$4 < $1 {w++} END {print w+0}')
same=$(diff -rq "$sites/a-1" "$sites/b-2" >/dev/null && echo yes || echo no)
echo "A: $rev_a ${ENV_A:-}"
echo "B: ${rev_b:-working tree} ${ENV_B:-}"
echo "$notes notes, $pairs pairs, sites under $out"
echo "| side | median wall (s) | median CPU, user + system (s) | peak RSS (MB) | runs (wall s) |"
echo "|---|---|---|---|---|"
for side in a b; do
  f="$work/$side.txt"
  echo "| ${side^^} | $(cut -d' ' -f1 "$f" | median) | $(cut -d' ' -f2 "$f" | median) | $(($(cut -d' ' -f3 "$f" | sort -n | tail -1) / 1024)) | $(cut -d' ' -f1 "$f" | paste -sd' ') |"
done
echo "B faster in $wins of $pairs pairs; the two sites are byte for byte the same: $same"
