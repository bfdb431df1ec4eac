#!/usr/bin/env bash
# `npm test`: type-checks both halves, lints (rules, import boundaries, no import cycles) and checks the formatting,
# builds the app (the browser tests drive the built renderer), then runs every vitest suite (unit, chain integration
# against the stand-in node, browser end to end). Ends with one plain "N passed, N failed" line that sums every step.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
skipped=0
step() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

step "type-check (node side)" npx tsc -p tsconfig.node.json --noEmit
step "type-check (web side)" npx tsc -p tsconfig.web.json --noEmit
step "type-check (browser tests)" npx tsc -p tsconfig.e2e.json --noEmit
step "lint (ESLint: rules, import boundaries, no import cycles)" npx eslint --max-warnings 0 .
step "format (Prettier check; npm run format fixes it)" npx prettier --check --log-level warn .
step "build" npx electron-vite build --logLevel warn

report=$(mktemp)
npx vitest run --reporter=default --reporter=json --outputFile="$report"
vitest_exit=$?
if [ -s "$report" ]; then
  read -r vp vf vs < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests ?? 0), r.numPendingTests + r.numTodoTests);
  ' "$report")
  passed=$((passed + vp)); failed=$((failed + vf)); skipped=$((skipped + vs))
  # A suite that crashed before running its tests still fails the run.
  if [ "$vitest_exit" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); fi
else
  failed=$((failed + 1))
fi
rm -f "$report"

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
