#!/usr/bin/env bash
# Baseline (a) of the benchmarks: the same promotion with plain Git and sed, as a person would script
# it. Usage: raw-git.sh <repo-url> <group> <work-dir>
# Clones the branch (with a checkout), copies each application's image.tag from the DEV overlay to
# the TST overlay of every service of the group (the n-th tag line of DEV into the n-th of TST), commits
# once and pushes.
set -euo pipefail
url=$1 group=$2 work=$3
git clone -q --branch main "$url" "$work/clone"
cd "$work/clone"
for service in workloads/"$group"/*/; do
  dev="$service/overlays/dev/values.yaml" tst="$service/overlays/tst/values.yaml"
  [[ -f $dev && -f $tst ]] || continue
  awk 'NR == FNR { if ($1 == "tag:") { sub(/^[^:]*tag:[ \t]*/, ""); tags[++n] = $0 } next }
       $1 == "tag:" && ++m <= n { sub(/tag:.*/, "tag: " tags[m]) } { print }' "$dev" "$tst" > "$tst.new"
  mv "$tst.new" "$tst"
done
git -c user.name=bench -c user.email=bench@example.com commit -q -am "Promote $group DEV -> TST"
git push -q origin main
