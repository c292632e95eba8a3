# Sourced by the Go build scripts under test/ (tools, cluster): reading wrapper modules and
# picking the Go toolchain to build one with.
#
# The installed Go is used whenever it is new enough for the module's `go` line
# (GOTOOLCHAIN=local, so a build never switches toolchains behind one's back). A module that needs
# a newer Go (helm v3.21 on Go < 1.26, Kubernetes 1.38 on Go < 1.27) gets one pinned toolchain,
# which the go command downloads from the Go module proxy like any module (about 76 MB, once).
# FERRY_GO_TOOLCHAIN overrides that pin.
ferry_fallback_toolchain=${FERRY_GO_TOOLCHAIN:-go1.27.3}

# go_toolchain_for GOMOD: prints the GOTOOLCHAIN value to build the module GOMOD with.
go_toolchain_for() {
  local need have
  need=$(awk '$1 == "go" { print $2; exit }' "$1")
  have=$(GOTOOLCHAIN=local go env GOVERSION)
  have=${have#go}
  if [ -z "$need" ] || version_at_least "$have" "$need"; then
    echo local
  elif version_at_least "${ferry_fallback_toolchain#go}" "$need"; then
    echo "$ferry_fallback_toolchain"
  else
    echo "go_toolchain_for: $1 needs Go $need; set FERRY_GO_TOOLCHAIN to a newer go1.x.y" >&2
    return 1
  fi
}

# version_at_least A B: true when version A >= B (dotted numbers).
version_at_least() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }

# pinned MODULE_DIR MODULE: the version a wrapper module requires, read from its go.mod (so a
# cached binary is found without Go, and a module needing a newer Go can still be read).
pinned() {
  awk -v mod="$2" '{ sub(/\/\/.*/, "") } $1 == "replace" || $2 == "=>" { next }
    $1 == "require" && $2 == mod { print $3; exit }
    $1 == mod && $2 ~ /^v[0-9]/ { print $2; exit }' "$1/go.mod"
}
