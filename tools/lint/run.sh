#!/usr/bin/env bash
# Lints the contract with the third-party linters release managers run, and fails on any error
# or warning: Spectral's spectral:oas ruleset (/.spectral.yaml) on api-spec/openapi.yaml, and
# `asyncapi validate` on api-spec/asyncapi.yaml. The tools are pinned by package-lock.json and
# installed here (node_modules, ignored by git) with `npm ci`; never globally.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$here/node_modules/.bin"

# No phoning home: the AsyncAPI CLI reads its analytics switch from this file (the format that
# `asyncapi config analytics --disable` writes); npm skips its update check and install scripts.
export ASYNCAPI_METRICS_CONFIG_PATH="$here/asyncapi-analytics.json"
export SUPPRESS_NO_CONFIG_WARNING=true SUPPRESS_STRICTNESS_CHECK=true
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

if ! command -v npm >/dev/null 2>&1; then
  echo "contract lint needs Node.js and npm (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install: it wipes node_modules each time.
stamp="$here/node_modules/.towerline-lock.sha256"
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$bin/spectral" ] || [ ! -x "$bin/asyncapi" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  echo "contract lint: installing the pinned linters (npm ci --prefix tools/lint)"
  # Engine warnings are expected: @asyncapi/cli 6 declares Node >= 24, and `validate` is verified
  # on the machine's Node 20 (api-spec/README.md).
  npm ci --prefix "$here" --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi

cd "$root"
status=0
echo "contract lint: spectral $("$bin/spectral" --version) (spectral:oas) on api-spec/openapi.yaml"
"$bin/spectral" lint --ruleset "$root/.spectral.yaml" --fail-severity=warn api-spec/openapi.yaml || status=1
echo "contract lint: $("$bin/asyncapi" --version) validate on api-spec/asyncapi.yaml"
"$bin/asyncapi" validate --fail-severity=warn api-spec/asyncapi.yaml || status=1

if [ "$status" -ne 0 ]; then
  echo "contract lint: FAILED (errors or warnings above)" >&2
else
  echo "contract lint: 0 errors, 0 warnings"
fi
exit "$status"
