#!/usr/bin/env bash
# action.sh — the logic of the tightship GitHub Action (action.yml at the repository root).
# Runs `tightship lint` twice over INPUT_PATH with the user's flags: once to write the SARIF file
# (uploaded to code scanning by the next step of the action), once in the `github` format, whose
# workflow commands become annotations on the pull request. Exits with the code of the second run
# (0 clean, 1 findings at or above INPUT_FAIL_ON, 2 usage or input error).
#
# Inputs (environment; the action passes its inputs this way):
#   INPUT_PATH        what to audit (default .)
#   INPUT_ARGS        extra flags for tightship lint: separated by spaces, or one per line when a
#                     value holds a space (no shell quoting is interpreted)
#   INPUT_FAIL_ON     error | warning | info | none (default error)
#   INPUT_SARIF_FILE  where to write the SARIF report (default tightship.sarif)
#   INPUT_VERSION     the tightship version npx runs (default: the one of this action's package.json)
#   TIGHTSHIP_CLI     a tightship executable to run instead of npx (for local runs and tests)
# Outputs (appended to $GITHUB_OUTPUT when set): sarif-file, exit-code.
# A line per audited target with its level goes to $GITHUB_STEP_SUMMARY when set.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

die() { echo "::error title=tightship action::$*"; echo "tightship action: $*" >&2; exit 2; }

path=${INPUT_PATH:-.}
fail_on=${INPUT_FAIL_ON:-error}
sarif=${INPUT_SARIF_FILE:-tightship.sarif}
case "$fail_on" in error|warning|info|none) ;; *) die "fail-on must be error, warning, info or none, not '$fail_on'" ;; esac
[ -e "$path" ] || die "path '$path' does not exist (relative to $(pwd))"

user_args=()
if [[ "${INPUT_ARGS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do [ -n "$line" ] && user_args+=("$line"); done <<<"$INPUT_ARGS"
elif [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a user_args <<<"$INPUT_ARGS"
fi
for a in "${user_args[@]}"; do
  case "$a" in
    --format|--format=*|-f|--output|--output=*|-o|--fail-on|--fail-on=*)
      die "args: '$a' is set by the action (use the inputs fail-on and sarif-file)" ;;
  esac
done

if [ -n "${TIGHTSHIP_CLI:-}" ]; then
  cli=("$TIGHTSHIP_CLI")
else
  version=${INPUT_VERSION:-}
  if [ -z "$version" ]; then
    version=$(node -p 'require(process.argv[1]).version' "$HERE/../package.json" 2>/dev/null) || die "cannot read the version from $HERE/../package.json; set the input version"
  fi
  cli=(npx --yes "tightship@$version")
fi

mkdir -p "$(dirname "$sarif")" || die "cannot create the folder of $sarif"
"${cli[@]}" lint "$path" "${user_args[@]}" --format sarif --output "$sarif" --fail-on none
code=$?
# 1 is findings or a policy (--require-level, --policy) not met: the report is written all the same
if [ "$code" -gt 1 ] || ! [ -s "$sarif" ]; then die "tightship lint exited $code while writing $sarif"; fi

annotations=$(mktemp)
trap 'rm -f "$annotations"' EXIT
"${cli[@]}" lint "$path" "${user_args[@]}" --format github --fail-on "$fail_on" >"$annotations"
code=$?
cat "$annotations"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  { echo "### tightship"; echo; grep -v "^::" "$annotations" | sed "s/^/- /"; echo; } >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "exit-code=$code"; } >>"$GITHUB_OUTPUT"
fi
exit "$code"
