#!/usr/bin/env bash
# Side by side, in one run: a whole-process rebuild of the factsheet site against Hugo
# rendering the same eleven chapters of the seed (hugo-site/, one page per chapter and
# a home page, no search, no bundles). Both rebuild into an output folder that already
# holds their previous build, as `make build` does day to day.
#
#   scripts/bench-hugo/bench.sh            # from the project root (make bench runs it)
#   RUNS=30 scripts/bench-hugo/bench.sh
#   FRESH=1 scripts/bench-hugo/bench.sh    # also time first builds into an empty folder
#
# Needs: go, hugo and hyperfine (Debian: apt-get install -y hugo hyperfine).
# Prints hyperfine's table and one line "ratio factsheet/hugo: X.XX" (goal: below 1.00).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-20}
for t in go hugo hyperfine python3; do
  command -v "$t" >/dev/null || { echo "bench-vs-hugo: $t is missing (apt-get install -y hugo hyperfine)" >&2; exit 1; }
done
[ -d cmd/factsheet ] || { echo "bench-vs-hugo: run it from the project root" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/factsheet" ./cmd/factsheet
fs="$tmp/factsheet build -content content -out $tmp/fs-out"
cp -r "$here/hugo-site" "$tmp/hugo-site"   # Hugo writes a lock file and resources/ beside its source
hg="hugo --quiet -s $tmp/hugo-site -d $tmp/hugo-out --cacheDir $tmp/hugo-cache"
$fs >/dev/null 2>&1
$hg >/dev/null 2>&1

hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/rebuild.json" -n factsheet "$fs" -n hugo "$hg"
if [ "${FRESH:-0}" = 1 ]; then
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/fresh.json" \
    --prepare "rm -rf $tmp/fs-out" -n "factsheet (empty folder)" "$fs" \
    --prepare "rm -rf $tmp/hugo-out" -n "hugo (empty folder)" "$hg"
fi
python3 - "$tmp" <<'PY'
import json, os, sys
for name in ("rebuild", "fresh"):
    p = os.path.join(sys.argv[1], name + ".json")
    if os.path.exists(p):
        r = json.load(open(p))["results"]
        fs, hg = r[0]["median"] * 1000, r[1]["median"] * 1000
        print("%s: factsheet %.1f ms, hugo %.1f ms, ratio factsheet/hugo: %.2f (goal: below 1.00)" % (name, fs, hg, fs / hg))
PY
