#!/usr/bin/env bash
# Whole-process comparison of `sitegen build` and Hugo on the same generated gardens (issue: Faster than Hugo).
# Usage: tests/SiteGen.Benchmarks/compare-hugo.sh [SIZES...]   (default: 1000 10000; RUNS=5 by environment)
# Needs ../shared/tools (gen_vault.py and hugo-bench-site) beside the repository. Installs hugo and GNU time from
# Debian when missing. SiteGen runs with --no-cache, so both sides build cold. Builds run interleaved (A B A B ...) after one warm-up each; reports medians, ratio and peak RSS.
# OUT=DIR writes both tools' sites under DIR instead (for example OUT=/dev/shm, to take the disk out of the comparison).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SITEGEN_SHARED_TOOLS:-$repo/../shared/tools}
# shellcheck source=bench-lib.sh
. "$repo/tests/SiteGen.Benchmarks/bench-lib.sh"
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish_sitegen "$repo" "$work/sitegen"
sitegen="$work/sitegen/sitegen.dll"

# Prints "seconds peak_kb" for one run of the command.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || { echo "command failed: $*" >&2; exit 1; }
  cat "$work/time.txt"
}

echo "| notes | SiteGen median (s) | Hugo median (s) | ratio SiteGen/Hugo | SiteGen peak RSS (MB) | Hugo peak RSS (MB) |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  sg="$work/sg-$n"; hg="$work/hugo-$n"
  mkdir -p "$sg"
  bench_garden "$n" "$sg"
  cp -r "$tools/hugo-bench-site" "$hg"
  python3 "$tools/gen_vault.py" --notes "$n" --seed bench --out "$hg/content" --flavor hugo >/dev/null

  # Cold builds on both sides, each into a folder of its own that is only removed after the last run of this size:
  # creating thousands of files just after deleting as many made ext4's inode allocator skip the freed inodes
  # (recently_deleted), which cost both tools seconds of kernel time, more with every run.
  out=${OUT:-$work}
  # sync: the disk writes of the previous run land before the timing, not in it.
  run=0
  run_sitegen() { run=$((run + 1)); sync; measure dotnet "$sitegen" build "$sg" --output "$out/out-sg-$n-$run" --quiet --no-cache; }
  run_hugo() { run=$((run + 1)); sync; measure hugo --quiet -s "$hg" --destination "$out/out-hugo-$n-$run"; }
  run_sitegen >/dev/null; run_hugo >/dev/null
  : > "$work/a"; : > "$work/b"
  for _ in $(seq "$runs"); do
    run_sitegen >> "$work/a"
    run_hugo >> "$work/b"
  done
  a=$(cut -d' ' -f1 "$work/a" | median); b=$(cut -d' ' -f1 "$work/b" | median)
  ra=$(cut -d' ' -f2 "$work/a" | sort -n | tail -1); rb=$(cut -d' ' -f2 "$work/b" | sort -n | tail -1)
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a/b}')
  echo "| $n | $a | $b | $ratio | $((ra / 1024)) | $((rb / 1024)) |"
  rm -rf "$out/out-sg-$n-"* "$out/out-hugo-$n-"*
done
