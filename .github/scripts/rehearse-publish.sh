#!/usr/bin/env bash
# Runs what .github/workflows/publish.yml runs, in the same order, so the publish path is exercised without GitHub.
# Usage: .github/scripts/rehearse-publish.sh [BASE_URL]   (default: https://example.github.io/garden)
set -euo pipefail
cd "$(dirname "$0")/../.."
base_url=${1:-https://example.github.io/garden}

echo "== npm ci (site-template)"
(cd site-template && npm ci --no-audit --no-fund --loglevel=error)
echo "== sitegen check --strict"
dotnet run --project src/SiteGen.Cli -c Release -- check --strict
echo "== sitegen build"
dotnet run --project src/SiteGen.Cli -c Release -- build --base-url "$base_url/"

echo "== what upload-pages-artifact would take (_site)"
test -f _site/index.html || { echo "no _site/index.html" >&2; exit 1; }
test -f _site/404.html || { echo "no _site/404.html" >&2; exit 1; }
if [ -n "$(find _site -type l)" ]; then echo "symlinks in _site: Pages would dereference them" >&2; exit 1; fi
size=$(du -sb _site | cut -f1)
[ "$size" -lt 1000000000 ] || { echo "_site is over GitHub Pages' 1 GB limit" >&2; exit 1; }
echo "artifact ok: $(find _site -type f | wc -l) files, $size bytes"
