# Shared by compare-hugo.sh and compare-builds.sh (sourced, not run), so both time the same build of the same garden.

# The CLI in $1 (a source tree) published into $2 for this machine, with ReadyToRun code, framework-dependent: what
# the timings run (the dotnet tool package is portable and JIT-compiled).
publish_sitegen() {
  dotnet publish -c Release --use-current-runtime --self-contained false "$1/src/SiteGen.Cli" -o "$2" -v q -nologo >/dev/null
}

# The benchmark garden of $1 notes in folder $2: gen_vault.py's obsidian flavour, seed "bench", explicit publishing.
bench_garden() {
  python3 "$tools/gen_vault.py" --notes "$1" --seed bench --out "$2/content" >/dev/null
  printf 'title: Benchmark garden\nbaseUrl: https://garden.example.org/\ncontent: content\npublish:\n  mode: explicit\n' > "$2/sitegen.yml"
}

# The median of the numbers on standard input, to two decimals.
median() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'; }
