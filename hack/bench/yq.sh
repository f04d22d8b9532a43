#!/usr/bin/env bash
# Builds Go yq (the specification's tool) from the Go module proxy, once, into the cache; prints its path.
set -euo pipefail
version=v4.54.3
dir="${PROMOTION_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/promotion-operator}/tools/yq-$version"
if [[ ! -x $dir/yq ]]; then
  mkdir -p "$dir"
  GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$dir" go install "github.com/mikefarah/yq/v4@$version" >&2
fi
echo "$dir/yq"
