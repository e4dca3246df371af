#!/usr/bin/env bash
# Rebuild latency of `sitegen serve` on generated gardens (issue #6, tending the garden).
# Usage: tests/SiteGen.Benchmarks/measure-serve.sh [SIZES...]   (default: 1000 10000; EDITS=20, SEED=1 by environment)
# For each size: generates an obsidian-flavour vault with gen_vault.py, starts the Release build of `sitegen serve` on it,
# waits for the first build, then makes EDITS one-note edits (a sentence appended to a random public note, each after the
# previous one has settled) and measures, from the file write, the arrival of the live-reload SSE event and the moment
# the note's page served over HTTP holds the new sentence; it also collects serve's own "Rebuilt in N ms". The helper
# measure-serve.mjs does the measuring (Node.js only). Raw samples are kept with KEEP=DIR.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SITEGEN_SHARED_TOOLS:-$repo/../shared/tools}
edits=${EDITS:-20}
seed=${SEED:-1}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
dotnet build -c Release "$repo/src/SiteGen.Cli" -v q -nologo >/dev/null
sitegen="$repo/src/SiteGen.Cli/bin/Release/net10.0/sitegen.dll"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start, $edits edits per garden, commit $(git -C "$repo" rev-parse --short HEAD)"
echo
echo "| notes (public) | first build (ms) | write → SSE reload: median / p90 / max (ms) | write → page shows edit: median / p90 / max (ms) | serve's 'Rebuilt in': median / p90 / max (ms) |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  g="$work/g$n"; mkdir -p "$g"
  python3 "$tools/gen_vault.py" --notes "$n" --seed serve --out "$g/content" >/dev/null
  printf 'title: Serve benchmark\ncontent: content\n' > "$g/sitegen.yml"
  node "$repo/tests/SiteGen.Benchmarks/measure-serve.mjs" "$sitegen" "$g" "$edits" "$seed" > "$work/r$n.json"
  [ -z "${KEEP:-}" ] || { mkdir -p "$KEEP"; cp "$work/r$n.json" "$KEEP/serve-$n.json"; }
  python3 - "$work/r$n.json" "$n" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
cell = lambda s: "n/a" if s is None else f"{s['median']:.0f} / {s['p90']:.0f} / {s['max']:.0f}"
print(f"| {int(sys.argv[2]):,} ({r['publicNotes']:,}) | {r['firstBuildMs']} | {cell(r['sse'])} | {cell(r['http'])} | {cell(r['serveRebuild'])} |")
PY
done
