#!/usr/bin/env bash
# Installs a real Kubernetes control plane for end-to-end tests: kube-apiserver and kubectl built
# from k8s.io/kubernetes, and etcd built from go.etcd.io/etcd/server/v3, all from Go modules at the
# versions pinned in versions.env and the go.mod/go.sum files beside this script.
#
# Usage: hack/controlplane/install.sh
#   Prints the directory holding kube-apiserver, etcd and kubectl on stdout (progress goes to
#   stderr), e.g.  BIN="$(hack/controlplane/install.sh)"
#
# The binaries are cached outside the work tree, keyed by version:
#   ${PROMOTION_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/promotion-operator}/controlplane/<key>/bin
# A second run finds them and returns at once. The cache entry also records a hash of the build
# recipe (go.mod, go.sum, flags), so a changed recipe rebuilds even at the same version.
# Go's module and build caches (GOMODCACHE, GOCACHE) are the user's defaults and persist too.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

log() { echo "controlplane/install: $*" >&2; }
die() { log "error: $*"; exit 1; }

# --- Debian packages the control plane scripts need (only when missing) --------------------------
apt_updated=false
need_pkg() { # need_pkg <command> <debian-package>
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "'$1' is missing and apt-get is not available; install package $2"
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  if [[ "$apt_updated" != true ]]; then
    log "apt-get update"
    $sudo apt-get update -qq >&2
    apt_updated=true
  fi
  log "apt-get install $2"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >&2
}
need_pkg openssl openssl
need_pkg curl curl
need_pkg flock util-linux

# --- Go toolchain ----------------------------------------------------------------------------------
command -v go >/dev/null 2>&1 || die "go is not installed (need Go >= the go directive of apiserver/go.mod)"
export GOTOOLCHAIN=local          # never fetch another toolchain
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0              # static binaries, as upstream builds them
required_go="$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$here/apiserver/go.mod")"
have_go="$(go env GOVERSION)"; have_go="${have_go#go}"
if [[ "$(printf '%s\n%s\n' "$required_go" "$have_go" | sort -V | head -n1)" != "$required_go" ]]; then
  die "Go $have_go is older than the $required_go that k8s.io/kubernetes ${KUBERNETES_VERSION} needs"
fi

# The go.mod files must match versions.env (update-gomod.sh regenerates them).
grep -Eq "^\s*k8s.io/kubernetes ${KUBERNETES_VERSION}( //.*)?\$" "$here/apiserver/go.mod" ||
  die "apiserver/go.mod does not require k8s.io/kubernetes ${KUBERNETES_VERSION}; run hack/controlplane/update-gomod.sh"
grep -Eq "^\s*go.etcd.io/etcd/server/v3 ${ETCD_VERSION}( //.*)?\$" "$here/etcd/go.mod" ||
  die "etcd/go.mod does not require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}; run hack/controlplane/update-gomod.sh"

# --- Cache layout ----------------------------------------------------------------------------------
k8s_minor="${KUBERNETES_VERSION#v1.}"; k8s_minor="${k8s_minor%%.*}"
version_ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_ldflags+=" -X ${pkg}.gitVersion=${KUBERNETES_VERSION}"
  version_ldflags+=" -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${k8s_minor}"
  version_ldflags+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.gitCommit="
done
build_flags=(-trimpath "-ldflags=-s -w${version_ldflags}")

cache_root="${PROMOTION_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/promotion-operator}/controlplane"
key="kubernetes-${KUBERNETES_VERSION}_etcd-${ETCD_VERSION}"
dir="$cache_root/$key"
bin="$dir/bin"
recipe_hash="$(
  {
    cat "$here/versions.env" "$here/apiserver/go.mod" "$here/apiserver/go.sum" "$here/etcd/go.mod" "$here/etcd/go.sum"
    printf '%s\n' "${build_flags[@]}" "$(go env GOVERSION)"
  } | sha256sum | cut -d' ' -f1
)"

is_installed() {
  [[ -x "$bin/kube-apiserver" && -x "$bin/etcd" && -x "$bin/kubectl" ]] &&
    [[ "$(cat "$dir/recipe.sha256" 2>/dev/null)" == "$recipe_hash" ]]
}

if is_installed; then
  echo "$bin"
  exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
flock 9   # another install.sh may be building the same thing
if is_installed; then
  echo "$bin"
  exit 0
fi

log "building the control plane (${KUBERNETES_VERSION}, etcd ${ETCD_VERSION}) into $bin; the first build takes minutes"
start_time=$SECONDS
rm -rf "$dir"
mkdir -p "$dir/src/apiserver" "$dir/src/etcd" "$dir/bin.tmp"
# Build from copies so that -mod=mod never rewrites the work tree.
cp "$here/apiserver/go.mod" "$here/apiserver/go.sum" "$dir/src/apiserver/"
cp "$here/etcd/go.mod" "$here/etcd/go.sum" "$dir/src/etcd/"

log "downloading modules"
(cd "$dir/src/apiserver" && go mod download k8s.io/kubernetes >&2)
log "go build kube-apiserver"
(cd "$dir/src/apiserver" && go build "${build_flags[@]}" -o "$dir/bin.tmp/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver)
log "go build kubectl"
(cd "$dir/src/apiserver" && go build "${build_flags[@]}" -o "$dir/bin.tmp/kubectl" k8s.io/kubernetes/cmd/kubectl)
log "go build etcd"
(cd "$dir/src/etcd" && go build -trimpath "-ldflags=-s -w" -o "$dir/bin.tmp/etcd" go.etcd.io/etcd/server/v3)

"$dir/bin.tmp/kube-apiserver" --version >&2
"$dir/bin.tmp/etcd" --version >&2
"$dir/bin.tmp/kubectl" version --client >&2

rm -rf "$bin"
mv "$dir/bin.tmp" "$bin"
echo "$recipe_hash" >"$dir/recipe.sha256"
log "built in $((SECONDS - start_time))s"
echo "$bin"
