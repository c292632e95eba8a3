#!/usr/bin/env bash
# Builds the local Kubernetes control plane (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, etcd, kwok) from published Go modules into a cache folder outside
# the repo, keyed by versions. Only missing binaries are built. Prints the bin folder last.
#
# Versions live in the wrapper modules under test/cluster/modules/*/go.mod; see
# README "Testing against a real cluster".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
modules="$here/modules"

export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly

# module_version DIR MODULE: the version a wrapper module pins.
module_version() { (cd "$1" && go list -m -f '{{.Version}}' "$2"); }
k8s_version=$(module_version "$modules/kubernetes" k8s.io/kubernetes)
etcd_version=$(module_version "$modules/etcd" go.etcd.io/etcd/server/v3)
kwok_version=$(module_version "$modules/kwok" sigs.k8s.io/kwok)

cache_root=${FERRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ferry}
bin="$cache_root/cluster/k8s-${k8s_version}_etcd-${etcd_version}_kwok-${kwok_version}/bin"
mkdir -p "$bin"

log() { printf '[cluster:build] %s\n' "$*" >&2; }

# build_missing MODULE_DIR LDFLAGS NAME=PACKAGE...: one `go build` for every missing binary
# of one wrapper module, so packages they share compile once.
build_missing() {
  local dir=$1 ldflags=$2
  shift 2
  local missing=() pkgs=() spec
  for spec in "$@"; do
    if [ ! -x "$bin/${spec%%=*}" ]; then
      missing+=("${spec%%=*}")
      pkgs+=("${spec#*=}")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "building ${missing[*]} (first build takes several minutes)"
  local start=$SECONDS tmp i
  tmp=$(mktemp -d "$bin/.build.XXXXXX")
  if [ ${#pkgs[@]} -eq 1 ]; then
    (cd "$dir" && go build -trimpath -ldflags "$ldflags" -o "$tmp/${missing[0]}" "${pkgs[0]}")
  else
    # go build -o DIR/ names each binary after the last element of its package path.
    (cd "$dir" && go build -trimpath -ldflags "$ldflags" -o "$tmp/" "${pkgs[@]}")
  fi
  for i in "${!missing[@]}"; do
    [ -e "$tmp/${missing[$i]}" ] || mv "$tmp/$(basename "${pkgs[$i]}")" "$tmp/${missing[$i]}"
    mv "$tmp/${missing[$i]}" "$bin/${missing[$i]}"
  done
  rmdir "$tmp"
  log "built ${missing[*]} in $((SECONDS - start))s"
}

minor=${k8s_version#v1.}
minor=${minor%%.*}
build_date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%dT%H:%M:%SZ)
k8s_ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  k8s_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  k8s_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done

build_missing "$modules/kubernetes" "$k8s_ldflags" \
  kube-apiserver=k8s.io/kubernetes/cmd/kube-apiserver \
  kube-controller-manager=k8s.io/kubernetes/cmd/kube-controller-manager \
  kube-scheduler=k8s.io/kubernetes/cmd/kube-scheduler \
  kubectl=k8s.io/kubernetes/cmd/kubectl
build_missing "$modules/etcd" "-s -w" etcd=go.etcd.io/etcd/server/v3
build_missing "$modules/kwok" "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$kwok_version" \
  kwok=sigs.k8s.io/kwok/cmd/kwok

echo "$bin"
