#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (https://github.com/rhysd/actionlint):
# .github/workflows/*.yml, and each examples/**/workflows/ folder as what it is meant to become,
# the .github/workflows/ of a repository of its own: there a local reusable workflow
# (`uses: ./.github/workflows/x.yml`) resolves to its sibling, and the call's inputs and secrets
# are checked against it. Builds the pinned version from the Go module proxy into ferry's cache
# the first time (needs Go), then reuses it.
# Usage: test/tools/actionlint.sh [extra actionlint flags]; exits non-zero on any finding.
set -euo pipefail

version=v1.7.12
cache="${FERRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ferry}"
tools="$cache/tools"
bin="$tools/actionlint"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# `actionlint -version` prints the version on its first line (e.g. "v1.7.12" or "1.7.12").
installed="$([ -x "$bin" ] && "$bin" -version 2>/dev/null | head -n 1 || true)"
if [ "${installed#v}" != "${version#v}" ]; then
  command -v go > /dev/null || { echo "actionlint.sh: go is not on PATH" >&2; exit 2; }
  echo "actionlint.sh: building actionlint $version into $tools (first run only)" >&2
  mkdir -p "$tools"
  GOBIN="$tools" CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod \
    go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
  echo "actionlint.sh: built $("$bin" -version | head -n 1)" >&2
fi

cd "$root"
own=()
while IFS= read -r -d '' file; do own+=("$file"); done < <(
  find .github/workflows -maxdepth 1 -name '*.yml' -print0 2> /dev/null
)
folders=()
while IFS= read -r -d '' folder; do folders+=("$folder"); done < <(
  find examples -type d -name workflows -print0 2> /dev/null
)
count="${#own[@]}"
for folder in "${folders[@]}"; do
  count=$((count + $(find "$folder" -maxdepth 1 -name '*.yml' | wc -l)))
done
if [ "$count" -eq 0 ]; then
  echo "actionlint.sh: no workflow files found" >&2
  exit 1
fi
echo "actionlint.sh: checking $count workflow file(s)" >&2

# shellcheck and pyflakes integrations are off: findings must not depend on what else is installed.
status=0
if [ "${#own[@]}" -gt 0 ]; then
  "$bin" -shellcheck= -pyflakes= "$@" "${own[@]}" || status=1
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for folder in "${folders[@]}"; do
  # A repository of its own (actionlint knows a project by .git and .github/workflows).
  project="$scratch/$(printf '%s' "$folder" | tr '/' '_')"
  mkdir -p "$project/.git" "$project/.github/workflows"
  cp "$folder"/*.yml "$project/.github/workflows/"
  # Findings name the example's own path.
  (cd "$project" && "$bin" -shellcheck= -pyflakes= "$@" .github/workflows/*.yml) 2>&1 |
    sed "s#^\.github/workflows/#$folder/#" || status=1
done
exit "$status"
