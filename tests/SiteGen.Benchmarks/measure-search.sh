#!/usr/bin/env bash
# Search index size and speed on generated gardens (issue: Search). Usage: measure-search.sh [SIZES...] (default 1000 10000)
# Reports the in-process index build time (from --timings), raw/gzip/brotli sizes of search/index.json, and the
# load-plus-first-query time in headless Chromium (median of 5 cold page loads).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SITEGEN_SHARED_TOOLS:-$repo/../shared/tools}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
command -v brotli >/dev/null || { apt-get update -qq && apt-get install -y -qq brotli >/dev/null; }
dotnet build -c Release "$repo/src/SiteGen.Cli" -v q -nologo >/dev/null
sitegen="$repo/src/SiteGen.Cli/bin/Release/net10.0/sitegen.dll"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "| notes | index build (s) | index.json raw (MB) | gzip -9 (MB) | brotli -q 11 (MB) | documents.json (KB) | open + first query in Chromium (ms, median of 5) |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  g="$work/g$n"; mkdir -p "$g"
  python3 "$tools/gen_vault.py" --notes "$n" --seed search --out "$g/content" >/dev/null
  printf 'title: Search bench\nbaseUrl: http://127.0.0.1/\n' > "$g/sitegen.yml"
  build=$(dotnet "$sitegen" build "$g" --quiet --timings 2>&1 | awk '/timing search index/ {printf "%.2f", $4/1000}')
  idx="$g/_site/search/index.json"
  raw=$(stat -c %s "$idx"); gz=$(gzip -9 -c "$idx" | wc -c); br=$(brotli -q 11 -c "$idx" | wc -c)
  docs=$(stat -c %s "$g/_site/search/documents.json")
  word=$(python3 -c "import json;d=json.load(open('$g/_site/search/documents.json'));print(d[len(d)//2]['title'].split()[-1])")
  query=$(node "$repo/tests/browser/search-timing.mjs" "$g/_site" "$repo/site-template/node_modules" "$word" 5 | python3 -c "import json,sys;print(json.load(sys.stdin)['medianMs'])")
  awk -v n="$n" -v b="$build" -v r="$raw" -v z="$gz" -v t="$br" -v d="$docs" -v q="$query" 'BEGIN {printf "| %d | %s | %.2f | %.2f | %.2f | %d | %d |\n", n, b, r/1e6, z/1e6, t/1e6, d/1000, q}'
done
