#!/usr/bin/env bash
# Builds the local Kubernetes control plane (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, etcd, kwok) from published Go modules into a cache folder outside
# the repo, keyed by versions. Only missing binaries are built. Prints the bin folder last.
#
# Versions live in the wrapper modules under test/cluster/modules/*/go.mod; see
# docs/development.md "Testing against a real cluster". FERRY_K8S_VERSION (e.g. 1.37.2) picks
# another Kubernetes release the Go module proxy serves: its wrapper modules (and the etcd it
# names) are generated into the cache by versions.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
modules="$here/modules"
# shellcheck source=../tools/go-modules.sh
. "$here/../tools/go-modules.sh"
cache_root=${FERRY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ferry}

export CGO_ENABLED=0 GOFLAGS=-mod=readonly

log() { printf '[cluster:build] %s\n' "$*" >&2; }

k8s_dir=$modules/kubernetes
etcd_dir=$modules/etcd
kwok_dir=$modules/kwok
k8s_version=$(pinned "$k8s_dir" k8s.io/kubernetes)
if [ -n "${FERRY_K8S_VERSION:-}" ] && [ "v${FERRY_K8S_VERSION#v}" != "$k8s_version" ]; then
  if ! [[ $FERRY_K8S_VERSION =~ ^v?1\.[0-9]+\.[0-9]+(-(alpha|beta|rc)\.[0-9]+)?$ ]]; then
    log "FERRY_K8S_VERSION: '$FERRY_K8S_VERSION' is not a Kubernetes release such as 1.37.2"
    exit 2
  fi
  # shellcheck source=versions.sh
  . "$here/versions.sh"
  k8s_version=v${FERRY_K8S_VERSION#v}
  k8s_dir=$(kubernetes_module "$k8s_version")
  etcd_dir=$(etcd_module "$(etcd_version_for "$k8s_dir")")
fi
etcd_version=$(pinned "$etcd_dir" go.etcd.io/etcd/server/v3)
kwok_version=$(pinned "$kwok_dir" sigs.k8s.io/kwok)
bin="$cache_root/cluster/k8s-${k8s_version}_etcd-${etcd_version}_kwok-${kwok_version}/bin"
mkdir -p "$bin"

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
  local -x GOTOOLCHAIN
  GOTOOLCHAIN=$(go_toolchain_for "$dir/go.mod")
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

build_missing "$k8s_dir" "$k8s_ldflags" \
  kube-apiserver=k8s.io/kubernetes/cmd/kube-apiserver \
  kube-controller-manager=k8s.io/kubernetes/cmd/kube-controller-manager \
  kube-scheduler=k8s.io/kubernetes/cmd/kube-scheduler \
  kubectl=k8s.io/kubernetes/cmd/kubectl
build_missing "$etcd_dir" "-s -w" etcd=go.etcd.io/etcd/server/v3
build_missing "$kwok_dir" "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$kwok_version" \
  kwok=sigs.k8s.io/kwok/cmd/kwok

echo "$bin"
