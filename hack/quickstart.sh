#!/usr/bin/env bash
# The whole product in one command: a Kubernetes API server, the CRDs and RBAC, an example GitOps
# repository, the operator running as its ServiceAccount, and a Promotion previewed and approved.
#
# Usage: hack/quickstart.sh         start (again): safe to run any number of times
#        hack/quickstart.sh stop    stop the operator and the local control plane
#
# Cluster: the current kube context when it answers within a few seconds; otherwise a local
# kube-apiserver + etcd built from Go modules by hack/controlplane (the first build takes about
# 15 minutes, later starts a few seconds). Everything the quickstart makes lives in target/quickstart;
# in a cluster of yours it adds the CRDs, namespace promotion-system with the operator's
# ServiceAccount and RBAC (deploy/), and namespace promotion-quickstart for the example.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

state="$root/target/quickstart"
cp_state="$state/controlplane"
namespace="promotion-quickstart"
promotion="tbd-test-dev-to-tst"
jar="$root/target/promotion-operator.jar"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nquickstart: error: %s\n' "$*" >&2; exit 1; }

# --- the operator process -------------------------------------------------------------------------
operator_pid() { # prints the pid of the operator this script started, if it still runs
  local pid
  pid="$(cat "$state/operator.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "promotion-operator.jar operator" || return 1
  echo "$pid"
}

stop_operator() {
  local pid
  if pid="$(operator_pid)"; then
    echo "stopping the operator (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "the operator did not stop within 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$state/operator.pid"
}

if [[ "${1:-start}" == stop ]]; then
  stop_operator
  if [[ -f "$cp_state/kube-apiserver.pid" || -f "$cp_state/etcd.pid" ]]; then
    echo "stopping the local control plane"
    bash hack/controlplane/stop.sh "$cp_state"
  fi
  echo "stopped. State and logs stay in target/quickstart (remove it with: rm -rf target/quickstart)."
  exit 0
fi
[[ "${1:-start}" == start ]] || die "usage: $0 [start|stop]"
mkdir -p "$state"

# --- 1. a cluster ---------------------------------------------------------------------------------
local_kubectl_ready() {
  [[ -f "$cp_state/controlplane.env" ]] || return 1
  local k
  k="$(sed -n 's/^KUBECTL=//p' "$cp_state/controlplane.env")"
  [[ -x "$k" ]] && "$k" --kubeconfig "$cp_state/kubeconfig" --request-timeout=3s get --raw=/readyz >/dev/null 2>&1
}

if local_kubectl_ready; then
  say "Using the local control plane started by an earlier quickstart"
  mode=local
elif [[ -n "${KUBECTL:-$(command -v kubectl || true)}" ]] &&
  timeout 8 "${KUBECTL:-kubectl}" version --request-timeout=5s >/dev/null 2>&1; then
  mode=context
  kubectl_bin="${KUBECTL:-$(command -v kubectl)}"
  say "Using the current kube context: $("$kubectl_bin" config current-context)"
else
  mode=local
  say "No reachable kube context: starting a local kube-apiserver + etcd (hack/controlplane)"
  echo "The first time, this builds kube-apiserver, etcd and kubectl from Go modules: about 15 minutes on"
  echo "2 cores. They are cached in ~/.cache/promotion-operator, so later starts take seconds."
  bash hack/controlplane/start.sh "$cp_state" >/dev/null
fi
if [[ "$mode" == local ]]; then
  kubectl_bin="$(sed -n 's/^KUBECTL=//p' "$cp_state/controlplane.env")"
  export KUBECONFIG="$cp_state/kubeconfig"
fi
echo "$mode" >"$state/mode"
k() { "$kubectl_bin" "$@"; }

# --- 2. the operator jar --------------------------------------------------------------------------
if [[ ! -f "$jar" ]] || [[ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  say "Building target/promotion-operator.jar (mvn package -DskipTests)"
  mvn -B -ntp -q package -DskipTests
fi

# --- 3. CRDs, namespace, ServiceAccount and RBAC, as deploy/ has them -----------------------------
say "Installing the CRDs and the operator's ServiceAccount and RBAC (kubectl apply)"
k apply -k crds/
k wait --for condition=Established --timeout=60s crd/promotions.promotion.gitops.io crd/promotionrollbacks.promotion.gitops.io >/dev/null
k apply -f deploy/namespace.yaml -f deploy/serviceaccount.yaml -f deploy/rbac.yaml
k create namespace "$namespace" --dry-run=client -o yaml | k apply -f -

# --- 4. an example GitOps repository, fresh on every run ------------------------------------------
say "Serving the example GitOps repository (hack/example) as target/quickstart/gitops.git"
stop_operator
rm -rf "$state/gitops.git" "$state/seed" "$state/git-cache"
k -n "$namespace" delete promotions,promotionrollbacks --all --ignore-not-found >/dev/null
git init -q --bare --initial-branch=main "$state/gitops.git"
git init -q --initial-branch=main "$state/seed"
cp -R hack/example/. "$state/seed/"
git -C "$state/seed" add .
git -C "$state/seed" -c user.name=quickstart -c user.email=quickstart@example.com commit -q -m "Example GitOps repository"
git -C "$state/seed" push -q "$state/gitops.git" main
rm -rf "$state/seed"

# --- 5. the operator, as its ServiceAccount -------------------------------------------------------
say "Starting the operator locally as ServiceAccount promotion-system/promotion-operator"
server="$(k config view --minify --raw -o jsonpath='{.clusters[0].cluster.server}')"
ca_data="$(k config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}')"
ca_file="$(k config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority}')"
token="$(k -n promotion-system create token promotion-operator --duration=24h)"
sa_kubeconfig="$state/operator.kubeconfig"
rm -f "$sa_kubeconfig"
(
  umask 077
  if [[ -n "$ca_data" ]]; then
    printf '%s' "$ca_data" | base64 -d >"$state/cluster-ca.crt"
    ca_file="$state/cluster-ca.crt"
  fi
  ks() { k --kubeconfig "$sa_kubeconfig" config "$@" >/dev/null; }
  if [[ -n "$ca_file" ]]; then
    ks set-cluster quickstart --server="$server" --certificate-authority="$ca_file" --embed-certs=true
  else
    ks set-cluster quickstart --server="$server"
  fi
  ks set-credentials promotion-operator --token="$token"
  ks set-context quickstart --cluster=quickstart --user=promotion-operator --namespace=promotion-system
  ks use-context quickstart
)
echo "operator identity: $(k --kubeconfig "$sa_kubeconfig" auth whoami -o jsonpath='{.status.userInfo.username}' 2>/dev/null ||
  echo "(kubectl auth whoami is not supported here)")"

port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
cat >"$state/operator.yaml" <<EOF
# Generated by hack/quickstart.sh (see config/operator.yaml for every key).
repositories:
  - name: argocd
    url: file://$state/gitops.git
    branch: main
versionServices:
  tbd-test: frontend
git:
  cacheDir: $state/git-cache
httpPort: $port
watchNamespaces: [$namespace]
leaderElection:
  enabled: true
  leaseName: promotion-operator-quickstart
  leaseNamespace: promotion-system
EOF
# The Lease identity is HOSTNAME (JOSDK): the same on every run, so a restarted operator takes its
# Lease back at once instead of waiting for it to expire.
KUBECONFIG="$sa_kubeconfig" HOSTNAME="quickstart-$(hostname)" \
  nohup java -jar "$jar" operator --config "$state/operator.yaml" >"$state/operator.log" 2>&1 </dev/null &
echo $! >"$state/operator.pid"
for _ in $(seq 1 120); do
  operator_pid >/dev/null || { tail -n 30 "$state/operator.log" >&2; die "the operator exited; log: target/quickstart/operator.log"; }
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.5
done
echo "operator pid $(operator_pid), metrics and probes on http://127.0.0.1:$port (/metrics, /healthz, /readyz)"

# --- 6. preview, approve, promote -----------------------------------------------------------------
wait_phase() {
  if ! k -n "$namespace" wait --for=jsonpath='{.status.phase}'="$1" "promotion/$promotion" --timeout=120s >/dev/null; then
    k -n "$namespace" get promotion "$promotion" -o yaml >&2 || true
    tail -n 30 "$state/operator.log" >&2
    die "the Promotion did not reach $1"
  fi
}

say "kubectl apply -n $namespace -f deploy/examples/promotion-preview.yaml   (dryRun: true, the default)"
k -n "$namespace" apply -f deploy/examples/promotion-preview.yaml
wait_phase Previewed
say "kubectl get promotions -n $namespace"
k -n "$namespace" get promotions
say "The previewed diff: kubectl get promotion $promotion -o jsonpath='{.status.diff}'"
k -n "$namespace" get promotion "$promotion" -o jsonpath='{.status.diff}'

say "Approving: kubectl patch promotion $promotion --type merge -p '{\"spec\":{\"dryRun\":false}}'"
k -n "$namespace" patch promotion "$promotion" --type merge -p '{"spec":{"dryRun":false}}'
wait_phase Succeeded
say "kubectl get promotions -n $namespace"
k -n "$namespace" get promotions
say "The commit the operator pushed: git log -1 --stat"
git --git-dir="$state/gitops.git" log -1 --stat --format='commit %H%nAuthor: %an <%ae>%n%n%B' main

# --- 7. what next ---------------------------------------------------------------------------------
say "Done. Look further:"
if [[ "$mode" == local ]]; then
  cat <<EOF
  export KUBECONFIG=$cp_state/kubeconfig
  alias kubectl=$kubectl_bin        # the kubectl built with this API server (v1.35)
EOF
fi
cat <<EOF
  kubectl -n $namespace describe promotion $promotion       # conditions, per-service changes, events
  kubectl -n $namespace get promotion $promotion -o yaml    # full status: pre/post state, commit, diff
  kubectl -n $namespace apply -f deploy/examples/rollback.yaml && kubectl -n $namespace get promotionrollbacks
  git --git-dir=target/quickstart/gitops.git log --oneline main
  curl -s http://127.0.0.1:$port/metrics | grep promotion_
  tail -f target/quickstart/operator.log
Stop everything:  hack/quickstart.sh stop
EOF
