#!/usr/bin/env bash
# Baseline (b) of the benchmarks: the specification's pipeline flow with Go yq, one yq call per read
# and per service write. Usage: yq-pipeline.sh <yq> <repo-url> <group> <work-dir>
set -euo pipefail
yq=$1 url=$2 group=$3 work=$4
git clone -q --branch main "$url" "$work/clone"
cd "$work/clone"
state=workloads/promote-state.yaml
for service in workloads/"$group"/*/; do
  dev="$service/overlays/dev/values.yaml" tst="$service/overlays/tst/values.yaml"
  [[ -f $dev && -f $tst ]] || continue
  for app in $("$yq" '.applications[].name' "$dev"); do
    tag=$("$yq" ".applications[] | select(.name == \"$app\") | .image.tag" "$dev")
    pre=$("$yq" ".applications[] | select(.name == \"$app\") | .image.tag" "$tst")
    "$yq" -i "(.applications[] | select(.name == \"$app\") | .image.tag) = \"$tag\"" "$tst"
    "$yq" -i ".environments.TST.\"$group\".pre_state.\"$(basename "$service")\".\"$app\" = \"$pre\"" "$state"
  done
done
git -c user.name=bench -c user.email=bench@example.com commit -q -am "Promote $group DEV -> TST"
git push -q origin main
