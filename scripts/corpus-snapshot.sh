#!/usr/bin/env bash
# corpus-snapshot.sh OUTDIR — the JSON report of every corpus Dockerfile and compose file, for
# checking that a refactor leaves the output byte-identical (diff two OUTDIRs).
# Corpus folder: TIGHTSHIP_CORPUS (default ../shared/corpus/real-world beside the repository).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "$1" && cd "$1" && pwd)
CORPUS=${TIGHTSHIP_CORPUS:-$ROOT/../shared/corpus/real-world}
[ -f "$CORPUS/dockerfiles.txt" ] || { echo "corpus-snapshot: no corpus at $CORPUS (set TIGHTSHIP_CORPUS)" >&2; exit 2; }
CLI="$ROOT/dist/bin/cli.js"
[ -f "$CLI" ] || { echo "corpus-snapshot: build first (npm run build)" >&2; exit 2; }
cd "$CORPUS"
# shellcheck disable=SC2046 # one argument per listed file
node "$CLI" lint --format json --fail-on none $(cat dockerfiles.txt) > "$OUT/dockerfiles.json"
# shellcheck disable=SC2046
node "$CLI" lint --format json --fail-on none $(cat compose-files.txt) > "$OUT/compose.json"
echo "corpus-snapshot: wrote $OUT/dockerfiles.json and $OUT/compose.json"
