#!/usr/bin/env bash
# Starts a real, throw-away Kubernetes control plane (etcd + kube-apiserver) on 127.0.0.1 only.
#
# Usage: hack/controlplane/start.sh <state-dir>
#
# Everything lives in <state-dir> (created if missing; files of an earlier run there are stopped
# and replaced, other files are left alone). On success it prints the kubeconfig path on stdout
# and leaves in <state-dir>:
#   kubeconfig         admin kubeconfig (client certificate CN=admin, O=system:masters; embedded)
#   controlplane.env   KEY=VALUE lines (no quotes; shell `source`-able and Java-Properties-readable):
#                        KUBECONFIG, APISERVER_URL, APISERVER_PORT, ETCD_URL, ETCD_PORT,
#                        ETCD_PEER_PORT, CA_FILE, ADMIN_CERT_FILE, ADMIN_KEY_FILE,
#                        ADMIN_TOKEN_FILE, SERVICE_ACCOUNT_ISSUER, BIN_DIR, KUBECTL
#   admin.token        bearer token of user "admin" in group system:masters (static token file)
#   pki/               ca.crt/.key, apiserver.crt/.key, admin.crt/.key, sa.key/sa.pub, tokens.csv
#   etcd.pid, kube-apiserver.pid, etcd.log, kube-apiserver.log, etcd-data/
#
# Ports are free ports picked at random unless APISERVER_PORT / ETCD_PORT / ETCD_PEER_PORT are set
# in the environment. Authorization is RBAC; ServiceAccount tokens (TokenRequest, i.e.
# `kubectl create token`) work. There is no kube-controller-manager: no default ServiceAccount per
# namespace, no garbage collection of owner references, no namespace finalization.
# Stop with hack/controlplane/stop.sh <state-dir>.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "controlplane/start: $*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 <state-dir>"
mkdir -p "$1"
state="$(cd "$1" && pwd)"
[[ "$state" != *[[:space:]]* ]] || die "the state directory must not contain whitespace: $state"

bin="${CONTROLPLANE_BIN_DIR:-}"
if [[ -z "$bin" ]]; then
  bin="$(bash "$here/install.sh")"
fi
for b in etcd kube-apiserver kubectl; do
  [[ -x "$bin/$b" ]] || die "$bin/$b is missing; run hack/controlplane/install.sh"
done
command -v openssl >/dev/null || die "openssl is missing; run hack/controlplane/install.sh"
command -v curl >/dev/null || die "curl is missing; run hack/controlplane/install.sh"

# A control plane left running in this state dir by an earlier start is stopped first.
bash "$here/stop.sh" "$state"
rm -rf "$state/etcd-data" "$state/pki"
rm -f "$state/kubeconfig" "$state/controlplane.env" "$state/admin.token" "$state/etcd.log" "$state/kube-apiserver.log"

# --- Certificates and credentials ------------------------------------------------------------------
pki="$state/pki"
mkdir -p "$pki"
chmod 700 "$pki"
(
  cd "$pki"
  umask 077
  ossl() { openssl "$@" >/dev/null 2>&1 || { openssl "$@" >&2; exit 1; }; }
  ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key
  ossl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/CN=promotion-operator-e2e-ca" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.crt

  sign() { # sign <name> <subject> <extensions>
    ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key"
    ossl req -new -key "$1.key" -subj "$2" -out "$1.csr"
    printf '%s\n' "$3" >"$1.ext"
    ossl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 3650 \
      -extfile "$1.ext" -out "$1.crt"
    rm -f "$1.csr" "$1.ext"
  }
  sign apiserver "/CN=kube-apiserver" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.0.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  sign admin "/O=system:masters/CN=admin" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"

  # Service-account token signing key pair.
  ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key
  ossl pkey -in sa.key -pubout -out sa.pub

  # Static bearer token for the admin user.
  token="$(openssl rand -hex 24)"
  printf '%s,admin,admin,system:masters\n' "$token" >tokens.csv
  printf '%s\n' "$token" >"$state/admin.token"
  rm -f ca.srl
)
chmod 600 "$state/admin.token"

# --- Ports -----------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
declare -A taken=()
pick_port() { # pick_port <variable>: sets it to a free port unless it is already set
  local p
  [[ -n "${!1:-}" ]] && return 0
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 30000))
    [[ -z "${taken[$p]:-}" ]] || continue
    port_in_use "$p" && continue
    taken[$p]=1
    printf -v "$1" '%s' "$p"
    return 0
  done
  die "found no free port"
}

pid_alive() { kill -0 "$1" 2>/dev/null; }
wait_for() { # wait_for <seconds> <pid> <description> <command...>
  local deadline=$((SECONDS + $1)) pid="$2" what="$3"
  shift 3
  until "$@" >/dev/null 2>&1; do
    pid_alive "$pid" || return 2
    ((SECONDS < deadline)) || { log "timed out waiting for $what"; return 1; }
    sleep 0.5
  done
}

start_etcd() {
  "$bin/etcd" \
    --name=controlplane \
    --data-dir="$state/etcd-data" \
    --listen-client-urls="http://127.0.0.1:${ETCD_PORT}" \
    --advertise-client-urls="http://127.0.0.1:${ETCD_PORT}" \
    --listen-peer-urls="http://127.0.0.1:${ETCD_PEER_PORT}" \
    --initial-advertise-peer-urls="http://127.0.0.1:${ETCD_PEER_PORT}" \
    --initial-cluster="controlplane=http://127.0.0.1:${ETCD_PEER_PORT}" \
    --initial-cluster-state=new \
    --unsafe-no-fsync \
    --log-level=warn \
    </dev/null >>"$state/etcd.log" 2>&1 &
  echo $! >"$state/etcd.pid"
}

service_account_issuer="https://kubernetes.default.svc.cluster.local"
# --endpoint-reconciler-type=none: with --advertise-address=127.0.0.1 the default reconciler logs
# "Endpoints "kubernetes" is invalid: ... may not be in the loopback range" every 10 s; nothing
# runs in-cluster here, so the kubernetes Service needs no endpoints.
start_apiserver() {
  "$bin/kube-apiserver" \
    --etcd-servers="http://127.0.0.1:${ETCD_PORT}" \
    --bind-address=127.0.0.1 \
    --advertise-address=127.0.0.1 \
    --secure-port="${APISERVER_PORT}" \
    --cert-dir="$pki" \
    --tls-cert-file="$pki/apiserver.crt" \
    --tls-private-key-file="$pki/apiserver.key" \
    --client-ca-file="$pki/ca.crt" \
    --token-auth-file="$pki/tokens.csv" \
    --authorization-mode=RBAC \
    --anonymous-auth=false \
    --service-cluster-ip-range=10.0.0.0/24 \
    --service-account-issuer="$service_account_issuer" \
    --service-account-key-file="$pki/sa.pub" \
    --service-account-signing-key-file="$pki/sa.key" \
    --endpoint-reconciler-type=none \
    --profiling=false \
    --v=0 \
    </dev/null >>"$state/kube-apiserver.log" 2>&1 &
  echo $! >"$state/kube-apiserver.pid"
}

curl_admin() {
  curl -fsS --max-time 5 --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" "$@"
}
apiserver_ready() { [[ "$(curl_admin "https://127.0.0.1:${APISERVER_PORT}/readyz")" == "ok" ]]; }
etcd_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:${ETCD_PORT}/health" | grep -q '"health":"true"'; }

fixed_ports=false
[[ -n "${APISERVER_PORT:-}${ETCD_PORT:-}${ETCD_PEER_PORT:-}" ]] && fixed_ports=true
started=false
for attempt in 1 2 3; do
  pick_port ETCD_PORT
  pick_port ETCD_PEER_PORT
  pick_port APISERVER_PORT

  rm -rf "$state/etcd-data"
  start_etcd
  rc=0; wait_for 60 "$(cat "$state/etcd.pid")" "etcd" etcd_healthy || rc=$?
  if [[ $rc -eq 0 ]]; then
    start_apiserver
    rc=0; wait_for 180 "$(cat "$state/kube-apiserver.pid")" "kube-apiserver /readyz" apiserver_ready || rc=$?
    [[ $rc -eq 0 ]] && { started=true; break; }
  fi
  log "attempt $attempt failed; last log lines:"
  tail -n 15 "$state/etcd.log" "$state/kube-apiserver.log" >&2 2>/dev/null || true
  bash "$here/stop.sh" "$state"
  [[ "$fixed_ports" == true ]] && break
  unset ETCD_PORT ETCD_PEER_PORT APISERVER_PORT # pick new ports (one may have been taken meanwhile)
done
[[ "$started" == true ]] || die "the control plane did not start; see $state/etcd.log and $state/kube-apiserver.log"

# --- Client configuration --------------------------------------------------------------------------
b64() { base64 -w0 <"$1"; }
umask 077
cat >"$state/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: promotion-operator-e2e
  cluster:
    server: https://127.0.0.1:${APISERVER_PORT}
    certificate-authority-data: $(b64 "$pki/ca.crt")
users:
- name: admin
  user:
    client-certificate-data: $(b64 "$pki/admin.crt")
    client-key-data: $(b64 "$pki/admin.key")
contexts:
- name: promotion-operator-e2e
  context:
    cluster: promotion-operator-e2e
    user: admin
    namespace: default
current-context: promotion-operator-e2e
EOF
cat >"$state/controlplane.env" <<EOF
KUBECONFIG=$state/kubeconfig
APISERVER_URL=https://127.0.0.1:${APISERVER_PORT}
APISERVER_PORT=${APISERVER_PORT}
ETCD_URL=http://127.0.0.1:${ETCD_PORT}
ETCD_PORT=${ETCD_PORT}
ETCD_PEER_PORT=${ETCD_PEER_PORT}
CA_FILE=$pki/ca.crt
ADMIN_CERT_FILE=$pki/admin.crt
ADMIN_KEY_FILE=$pki/admin.key
ADMIN_TOKEN_FILE=$state/admin.token
SERVICE_ACCOUNT_ISSUER=${service_account_issuer}
BIN_DIR=$bin
KUBECTL=$bin/kubectl
EOF

# The admin kubeconfig must really work before we say so.
"$bin/kubectl" --kubeconfig "$state/kubeconfig" get --raw=/readyz >/dev/null ||
  die "kube-apiserver is ready but the admin kubeconfig does not work"
log "kube-apiserver ready at https://127.0.0.1:${APISERVER_PORT} (state in $state)"
echo "$state/kubeconfig"
