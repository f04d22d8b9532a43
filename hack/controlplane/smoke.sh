#!/usr/bin/env bash
# Proves that the control plane from install.sh/start.sh is a real Kubernetes API server:
# CRD with a CEL validation rule and a printer column, RBAC, ServiceAccount tokens via TokenRequest.
#
# Usage: hack/controlplane/smoke.sh [state-dir]
#   Without a state dir a temporary one is used and removed. Always stops what it started.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "controlplane/smoke: $*" >&2; }

passed=0
failed=0
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); log "FAILED: $*"; }

t0=$SECONDS
bin="$(bash "$here/install.sh")"
log "install.sh took $((SECONDS - t0))s; binaries in $bin"

if [[ $# -ge 1 ]]; then
  state="$1"
  cleanup_state=false
else
  state="$(mktemp -d "${TMPDIR:-/tmp}/controlplane-smoke.XXXXXX")"
  cleanup_state=true
fi
cleanup() {
  local rc=$?
  bash "$here/stop.sh" "$state" || rc=1
  if [[ "$cleanup_state" == true ]]; then rm -rf "$state"; fi
  exit "$rc"
}
trap cleanup EXIT

t0=$SECONDS
kubeconfig="$(CONTROLPLANE_BIN_DIR="$bin" bash "$here/start.sh" "$state")"
log "start.sh took $((SECONDS - t0))s"
# shellcheck disable=SC1091
source "$state/controlplane.env"
k() { "$bin/kubectl" --kubeconfig "$kubeconfig" "$@"; }

k version >&2

# --- CRD with a CEL rule and a printer column ------------------------------------------------------
k apply -f - >&2 <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: smokepromotions.smoke.promotion-operator.test
spec:
  group: smoke.promotion-operator.test
  scope: Namespaced
  names:
    kind: SmokePromotion
    plural: smokepromotions
    singular: smokepromotion
  versions:
  - name: v1alpha1
    served: true
    storage: true
    subresources:
      status: {}
    additionalPrinterColumns:
    - name: Target
      type: string
      jsonPath: .spec.to
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [from, to]
            properties:
              from: {type: string}
              to: {type: string}
            x-kubernetes-validations:
            - rule: "self.from != self.to"
              message: "spec.from and spec.to must name different environments"
EOF
if k wait --for=condition=Established --timeout=60s crd/smokepromotions.smoke.promotion-operator.test >&2; then
  pass "CRD established"
else
  fail "CRD not established"
fi

k create namespace smoke-a >&2
k create namespace smoke-b >&2

if out="$(k apply -n smoke-a -f - 2>&1 <<'EOF'
apiVersion: smoke.promotion-operator.test/v1alpha1
kind: SmokePromotion
metadata:
  name: invalid
spec:
  from: staging
  to: staging
EOF
)"; then
  fail "an object violating the CEL rule was accepted: $out"
elif grep -q "spec.from and spec.to must name different environments" <<<"$out"; then
  pass "CEL rule rejected the invalid object: $out"
else
  fail "the invalid object was rejected, but not with the CEL message: $out"
fi

if k apply -n smoke-a -f - >&2 <<'EOF'
apiVersion: smoke.promotion-operator.test/v1alpha1
kind: SmokePromotion
metadata:
  name: valid
spec:
  from: staging
  to: production
EOF
then
  pass "valid object accepted"
else
  fail "valid object rejected"
fi

out="$(k get smokepromotions -n smoke-a 2>&1 || true)"
log "kubectl get smokepromotions:"$'\n'"$out"
if grep -Eq '^NAME[[:space:]]+TARGET[[:space:]]*$' <<<"$out" && grep -Eq '^valid[[:space:]]+production[[:space:]]*$' <<<"$out"; then
  pass "printer column TARGET shown"
else
  fail "printer column TARGET not shown"
fi

# --- ServiceAccount + Role + RoleBinding, token from TokenRequest ---------------------------------
k create secret generic smoke-secret -n smoke-b --from-literal=password=hunter2 >&2
k create serviceaccount smoke-reader -n smoke-a >&2
k create role smoke-reader -n smoke-a --verb=get,list,watch --resource=smokepromotions.smoke.promotion-operator.test >&2
k create rolebinding smoke-reader -n smoke-a --role=smoke-reader --serviceaccount=smoke-a:smoke-reader >&2

if token="$(k create token smoke-reader -n smoke-a --duration=10m)" && [[ -n "$token" ]]; then
  pass "kubectl create token returned a token"
else
  fail "kubectl create token failed"
  token="invalid"
fi

empty_kubeconfig="$state/empty-kubeconfig"
: >"$empty_kubeconfig"
sa() { "$bin/kubectl" --kubeconfig "$empty_kubeconfig" --server "$APISERVER_URL" --certificate-authority "$CA_FILE" --token "$token" "$@"; }

out="$(sa auth whoami -o jsonpath='{.status.userInfo.username}' 2>&1 || true)"
if [[ "$out" == "system:serviceaccount:smoke-a:smoke-reader" ]]; then
  pass "the token authenticates as $out"
else
  fail "the token does not authenticate as the ServiceAccount: $out"
fi

if out="$(sa get smokepromotions -n smoke-a -o name 2>&1)" && [[ "$out" == "smokepromotion.smoke.promotion-operator.test/valid" ]]; then
  pass "the ServiceAccount lists the custom resources: $out"
else
  fail "the ServiceAccount cannot list the custom resources: $out"
fi

if out="$(sa get secrets -n smoke-b 2>&1)"; then
  fail "the ServiceAccount read secrets in another namespace: $out"
elif grep -q 'Forbidden' <<<"$out" && grep -q 'cannot list resource "secrets"' <<<"$out"; then
  pass "reading secrets in another namespace is forbidden: $out"
else
  fail "reading secrets failed, but not as forbidden: $out"
fi

out="$(sa auth can-i get secrets -n smoke-b 2>/dev/null || true)"
if [[ "$out" == "no" ]]; then pass "auth can-i get secrets -n smoke-b: no"; else fail "auth can-i get secrets -n smoke-b: $out"; fi
out="$(sa auth can-i list smokepromotions.smoke.promotion-operator.test -n smoke-a 2>/dev/null || true)"
if [[ "$out" == "yes" ]]; then pass "auth can-i list smokepromotions -n smoke-a: yes"; else fail "auth can-i list smokepromotions -n smoke-a: $out"; fi

# The static admin token works as well.
out="$("$bin/kubectl" --kubeconfig "$empty_kubeconfig" --server "$APISERVER_URL" --certificate-authority "$CA_FILE" \
  --token "$(cat "$ADMIN_TOKEN_FILE")" auth whoami -o jsonpath='{.status.userInfo.username}' 2>&1 || true)"
if [[ "$out" == "admin" ]]; then pass "admin bearer token authenticates as admin"; else fail "admin bearer token: $out"; fi

# --- Stop, and prove nothing is left running -------------------------------------------------------
apiserver_pid="$(cat "$state/kube-apiserver.pid")"
etcd_pid="$(cat "$state/etcd.pid")"
t0=$SECONDS
bash "$here/stop.sh" "$state"
log "stop.sh took $((SECONDS - t0))s"
running() { # a zombie that init has not reaped yet does not count
  local st
  st="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z && "$st" != X ]]
}
if running "$apiserver_pid" || running "$etcd_pid"; then
  fail "processes still running after stop.sh"
else
  pass "stop.sh stopped kube-apiserver and etcd"
fi
if bash "$here/stop.sh" "$state"; then pass "stop.sh is idempotent"; else fail "second stop.sh failed"; fi

echo "controlplane smoke: ${passed} passed, ${failed} failed"
[[ "$failed" -eq 0 ]]
