#!/usr/bin/env bash
# Runs a promotion on an example GitOps repository, with no cluster: builds the jar when missing,
# serves the example as a bare Git repository under target/demo, previews DEV -> TST (STG -> PRD for
# argocd), promotes it, and shows the commit it pushed.
#
#   hack/demo.sh               the overlays layout of hack/example (group tbd-test)
#   hack/demo.sh kustomize     hack/examples/kustomize: kustomize images[] (newTag, digest)
#   hack/demo.sh argocd        hack/examples/argocd: Argo CD Application targetRevision, a cluster per environment
#   hack/demo.sh helm          hack/examples/helm: Helm values paths (image.tag + image.digest, an image reference)
set -euo pipefail
cd "$(dirname "$0")/.."

layout="${1:-overlays}"
case "$layout" in
  overlays) seed=hack/example; group=tbd-test; from=DEV; to=TST; layout_flags=(--version-service frontend) ;;
  kustomize|argocd|helm)
    seed="hack/examples/$layout/repository"; group=shop; from=DEV; to=TST
    layout_flags=(--config "hack/examples/$layout/operator.yaml" --repository shop)
    if [ "$layout" = argocd ]; then from=STG; to=PRD; fi ;;
  argocdApplication) exec "$0" argocd ;;
  helmValues) exec "$0" helm ;;
  *) echo "usage: $0 [overlays|kustomize|argocd|helm]" >&2; exit 2 ;;
esac

jar=target/promotion-operator.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q package -DskipTests -Djib.skip
fi

demo=target/demo
rm -rf "$demo"
mkdir -p "$demo"
git init -q --bare --initial-branch=main "$demo/gitops.git"
git init -q --initial-branch=main "$demo/seed"
cp -R "$seed/." "$demo/seed/"
git -C "$demo/seed" add .
git -C "$demo/seed" -c user.name=demo -c user.email=demo@example.com commit -q -m "Example GitOps repository ($layout)"
git -C "$demo/seed" push -q "$(pwd)/$demo/gitops.git" main

promote() {
  java -jar "$jar" promote --repo "$demo/gitops.git" --group "$group" --from "$from" --to "$to" \
    "${layout_flags[@]}" --requested-by "${USER:-demo}" "$@"
}

echo "== Preview (the default): nothing is written"
promote
echo
echo "== Promote"
promote --dry-run=false
echo
echo "== The commit it pushed"
git --git-dir="$demo/gitops.git" log -1 --stat --format='%H%n%n%B' main
