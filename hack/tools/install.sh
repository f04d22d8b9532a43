#!/usr/bin/env bash
# Installs the tools that check the Helm chart and the monitoring rules, all built from Go modules
# at the versions pinned in versions.env, and the Kubernetes JSON schemas kubeconform validates
# against, made offline (kubeschemas/) from the OpenAPI document that the k8s.io/kubernetes module of
# the end-to-end control plane's version ships (hack/controlplane/versions.env), plus the
# ServiceMonitor and PrometheusRule CRDs of the prometheus-operator module.
#
# Usage: hack/tools/install.sh
#   Prints KEY=VALUE lines on stdout (progress goes to stderr):
#     HELM=<path>  KUBECONFORM=<path>  PROMTOOL=<path>  KUBECONFORM_SCHEMAS=<dir>
#     PROMETHEUS_OPERATOR_CRDS=<dir with monitoring.coreos.com_*.yaml, for an API server>
#   e.g.  eval "$(hack/tools/install.sh)"; "$HELM" lint deploy/helm/promotion-operator
#   Validate with: "$KUBECONFORM" -strict -schema-location "$KUBECONFORM_SCHEMAS/{{ .ResourceKind }}{{ .KindSuffix }}.json"
#
# Each tool is cached outside the work tree, keyed by version:
#   ${PROMOTION_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/promotion-operator}/tools/<name>-<version>/
# with a hash of its build recipe; a second run finds them and returns at once. Concurrent runs
# serialize on a lock file. Go's module and build caches are the user's defaults (shared with
# hack/controlplane/install.sh, whose k8s.io modules kubeconform's schemas come from).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
# shellcheck source=../controlplane/versions.env
source "$here/../controlplane/versions.env"

log() { echo "tools/install: $*" >&2; }
die() { log "error: $*"; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not installed (need Go >= 1.26 for helm v4 and prometheus)"
command -v flock >/dev/null 2>&1 || die "flock is missing (Debian package util-linux)"
export GOTOOLCHAIN=local          # never fetch another toolchain
export GOFLAGS="-buildvcs=false"
export CGO_ENABLED=0              # static binaries, as upstream releases them
build_flags=(-trimpath "-ldflags=-s -w")

cache_root="${PROMOTION_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/promotion-operator}/tools"
mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
flock 9   # another install.sh may be building the same thing

recipe() { # recipe <text...>: what a cache entry was built from
  { printf '%s\n' "$@" "${build_flags[@]}" "$(go env GOVERSION)"; } | sha256sum | cut -d' ' -f1
}

# install_go_tool <name> <module> <version> <package> [extra ldflags] [build tags]: go install
# <package>@<version>, which builds with the module's own go.mod and go.sum (checked against the
# checksum database).
install_go_tool() {
  local name="$1" module="$2" version="$3" package="$4" ldflags="${5:-}" tags="${6:-}"
  local dir="$cache_root/$name-$version" hash
  hash="$(recipe "$module" "$version" "$package" "$ldflags" "$tags")"
  if [[ -x "$dir/$name" && "$(cat "$dir/recipe.sha256" 2>/dev/null)" == "$hash" ]]; then
    echo "$dir/$name"
    return
  fi
  log "building $name ($package@$version) into $dir"
  local start=$SECONDS
  rm -rf "$dir" && mkdir -p "$dir/bin.tmp"
  GOBIN="$dir/bin.tmp" go install -trimpath "-ldflags=-s -w$ldflags" "-tags=$tags" "$package@$version" >&2
  mv "$dir/bin.tmp/$(basename "$package")" "$dir/$name" && rmdir "$dir/bin.tmp"
  echo "$hash" >"$dir/recipe.sha256"
  log "built $name in $((SECONDS - start))s"
  echo "$dir/$name"
}

module_dir() { go mod download -json "$1@$2" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }

# kubeconform schemas: the built-in kinds of Kubernetes $KUBERNETES_VERSION and the
# prometheus-operator kinds the chart renders.
install_schemas() {
  local dir="$cache_root/kubernetes-json-schema-$KUBERNETES_VERSION" hash k8s_dir po_dir crds
  hash="$(recipe "$KUBERNETES_VERSION" "$PROMETHEUS_OPERATOR_VERSION" "$(cat "$here"/kubeschemas/*)")"
  if [[ -f "$dir/deployment-apps-v1.json" && "$(cat "$dir/recipe.sha256" 2>/dev/null)" == "$hash" ]]; then
    echo "$dir"
    return
  fi
  log "making the JSON schemas of Kubernetes $KUBERNETES_VERSION into $dir"
  local start=$SECONDS
  k8s_dir="$(module_dir k8s.io/kubernetes "$KUBERNETES_VERSION")"
  po_dir="$(module_dir "$PROMETHEUS_OPERATOR_MODULE" "$PROMETHEUS_OPERATOR_VERSION")"
  crds="$po_dir/example/prometheus-operator-crd"
  [[ -f "$k8s_dir/api/openapi-spec/swagger.json" ]] || die "no api/openapi-spec/swagger.json in k8s.io/kubernetes@$KUBERNETES_VERSION"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$here/kubeschemas" && GOFLAGS="$GOFLAGS -mod=readonly" go build "${build_flags[@]}" -o "$dir/.kubeschemas" .)
  "$dir/.kubeschemas" -out "$dir" -swagger "$k8s_dir/api/openapi-spec/swagger.json" \
    "$crds/monitoring.coreos.com_servicemonitors.yaml" "$crds/monitoring.coreos.com_prometheusrules.yaml"
  rm -f "$dir/.kubeschemas"
  echo "$hash" >"$dir/recipe.sha256"
  log "made the schemas in $((SECONDS - start))s"
  echo "$dir"
}

helm="$(install_go_tool helm "$HELM_MODULE" "$HELM_VERSION" "$HELM_MODULE/cmd/helm" \
  " -X $HELM_MODULE/internal/version.version=$HELM_VERSION")"
kubeconform="$(install_go_tool kubeconform "$KUBECONFORM_MODULE" "$KUBECONFORM_VERSION" "$KUBECONFORM_MODULE/cmd/kubeconform")"
# remove_all_sd: without the service-discovery plugins (cloud SDKs), which rule checks never use and
# which would triple the build time.
promtool="$(install_go_tool promtool "$PROMETHEUS_MODULE" "$PROMETHEUS_VERSION" "$PROMETHEUS_MODULE/cmd/promtool" \
  " -X github.com/prometheus/common/version.Version=${PROMETHEUS_VERSION#v}" remove_all_sd)"
schemas="$(install_schemas)"
crds="$(module_dir "$PROMETHEUS_OPERATOR_MODULE" "$PROMETHEUS_OPERATOR_VERSION")/example/prometheus-operator-crd"
[[ -f "$crds/monitoring.coreos.com_servicemonitors.yaml" ]] || die "no ServiceMonitor CRD in $crds"

echo "HELM=$helm"
echo "KUBECONFORM=$kubeconform"
echo "PROMTOOL=$promtool"
echo "KUBECONFORM_SCHEMAS=$schemas"
echo "PROMETHEUS_OPERATOR_CRDS=$crds"
