#!/usr/bin/env bash
# Builds the renderers the tests run — kustomize, helm, sops, age-keygen — from their published
# Go modules into ferry's cache folder, one folder per tool and version:
#   ${FERRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ferry}/tools/<tool>-<version>/bin/<tool>
# Only missing binaries are built. Prints each binary's path, one line per tool, in the order
# asked (all four when none is named).
#
# Usage: test/tools/build.sh [kustomize|helm|sops|age-keygen ...]
#
# Each tool has its own wrapper module under test/tools/modules/ (go.mod + go.sum committed), so
# version selection cannot bump one tool's dependencies for another. Versions live there.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
modules="$here/modules"
# shellcheck source=go-modules.sh
. "$here/go-modules.sh"
cache_root=${FERRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ferry}

log() { printf '[tools:build] %s\n' "$*" >&2; }

# build TOOL MODULE_DIR MODULE PACKAGE LDFLAGS...: builds PACKAGE into the cache unless there.
build() {
  local tool=$1 dir=$2 module=$3 package=$4 version
  shift 4
  version=$(pinned "$dir" "$module")
  [ -n "$version" ] || { log "$dir/go.mod does not require $module"; exit 1; }
  local bin="$cache_root/tools/$tool-$version/bin"
  if [ ! -x "$bin/$tool" ]; then
    log "building $tool $version (first build only; see docs/development.md)"
    local start=$SECONDS tmp toolchain
    toolchain=$(go_toolchain_for "$dir/go.mod")
    mkdir -p "$bin"
    tmp=$(mktemp -d "$bin/.build.XXXXXX")
    (cd "$dir" && CGO_ENABLED=0 GOTOOLCHAIN=$toolchain GOFLAGS=-mod=readonly \
      go build -trimpath -ldflags "-s -w $*" -o "$tmp/$tool" "$package")
    mv "$tmp/$tool" "$bin/$tool"
    rmdir "$tmp"
    log "built $tool $version in $((SECONDS - start))s"
  fi
  echo "$bin/$tool"
}

# helm_ldflags: helm's release Makefile stamps its version and the Kubernetes version that
# `helm template` assumes (.Capabilities.KubeVersion) from the client-go it was built with.
helm_ldflags() {
  local dir=$modules/helm client_go minor
  client_go=$(pinned "$dir" k8s.io/client-go)
  minor=${client_go#v0.}
  minor=${minor%%.*}
  local flags="-X helm.sh/helm/v3/internal/version.version=$(pinned "$dir" helm.sh/helm/v3)"
  flags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    flags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$minor"
  done
  echo "$flags"
}

build_tool() {
  case $1 in
    kustomize) # `kustomize version` reads its module's version from the binary's build info.
      build kustomize "$modules/kustomize" sigs.k8s.io/kustomize/kustomize/v5 \
        sigs.k8s.io/kustomize/kustomize/v5
      ;;
    helm)
      # shellcheck disable=SC2046 # helm_ldflags prints space-separated flags on purpose.
      build helm "$modules/helm" helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm $(helm_ldflags)
      ;;
    sops) # sops prints its own version (a constant in its source).
      build sops "$modules/sops" github.com/getsops/sops/v3 github.com/getsops/sops/v3/cmd/sops
      ;;
    age-keygen)
      build age-keygen "$modules/age" filippo.io/age filippo.io/age/cmd/age-keygen \
        "-X main.Version=$(pinned "$modules/age" filippo.io/age)"
      ;;
    *)
      log "unknown tool '$1' (kustomize, helm, sops, age-keygen)"
      exit 2
      ;;
  esac
}

[ $# -gt 0 ] || set -- kustomize helm sops age-keygen
for tool in "$@"; do build_tool "$tool"; done
