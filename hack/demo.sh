#!/usr/bin/env bash
# Runs a promotion on the example GitOps repository in hack/example, with no cluster:
# builds the jar when missing, serves the example as a bare Git repository under target/demo,
# previews DEV -> TST of the tbd-test group, promotes it, and shows the commit it pushed.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/promotion-operator.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q package -DskipTests
fi

demo=target/demo
rm -rf "$demo"
mkdir -p "$demo"
git init -q --bare --initial-branch=main "$demo/gitops.git"
git init -q --initial-branch=main "$demo/seed"
cp -R hack/example/. "$demo/seed/"
git -C "$demo/seed" add .
git -C "$demo/seed" -c user.name=demo -c user.email=demo@example.com commit -q -m "Example GitOps repository"
git -C "$demo/seed" push -q "$(pwd)/$demo/gitops.git" main

promote() {
  java -jar "$jar" promote --repo "$demo/gitops.git" --group tbd-test --from DEV --to TST \
    --version-service frontend --requested-by "${USER:-demo}" "$@"
}

echo "== Preview (the default): nothing is written"
promote
echo
echo "== Promote"
promote --dry-run=false
echo
echo "== The commit it pushed"
git --git-dir="$demo/gitops.git" log -1 --stat --format='%H%n%n%B' main
