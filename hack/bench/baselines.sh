#!/usr/bin/env bash
# CLI cold promotion of one group side by side with the two baselines, on the same generated
# repository (hack/bench.sh generate), runs alternated, a fresh copy of the repository for each run.
# Usage: hack/bench/baselines.sh <jar> <seed-bare-repo> <group> [runs=5]
# Prints one line per run (tool, seconds, peak RSS in KB) and the medians and ratios. "cli" is a plain
# `java -jar`; "launcher" is bin/promotion-operator (C1 only, serial GC, the class-data archive its first
# run makes, in a cache of this script's own, made by one untimed run first).
set -euo pipefail
jar=$(realpath "$1") seed=$(realpath "$2") group=$3 runs=${4:-5}
here="$(cd "$(dirname "$0")" && pwd)"
yq="$(bash "$here/yq.sh")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() { # measure <name> <command...>: wall seconds and max RSS of the command
  local name=$1; shift
  rm -rf "$out/run" && mkdir -p "$out/run" && cp -r "$seed" "$out/run/repo.git"
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/err" || { cat "$out/err" >&2; exit 1; }
  read -r seconds rss < "$out/time"
  echo "$name $seconds $rss" | tee -a "$out/results"
}
launcher="$here/../../bin/promotion-operator"
export PROMOTION_OPERATOR_JAR="$jar" PROMOTION_OPERATOR_CACHE="$out/cache"
rm -rf "$out/run" && mkdir -p "$out/run" && cp -r "$seed" "$out/run/repo.git"
"$launcher" promote --repo "file://$out/run/repo.git" --group "$group" --from DEV --to TST --dry-run=false \
  --output json >/dev/null
for ((i = 1; i <= runs; i++)); do
  measure cli java -jar "$jar" promote --repo "file://$out/run/repo.git" --group "$group" --from DEV --to TST \
    --dry-run=false --output json
  measure launcher "$launcher" promote --repo "file://$out/run/repo.git" --group "$group" --from DEV --to TST \
    --dry-run=false --output json
  measure raw-git bash "$here/raw-git.sh" "file://$out/run/repo.git" "$group" "$out/run"
  measure yq-pipeline bash "$here/yq-pipeline.sh" "$yq" "file://$out/run/repo.git" "$group" "$out/run"
done
median() { grep "^$1 " "$out/results" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rss() { grep "^$1 " "$out/results" | awk '{print $3}' | sort -n | tail -1; }
cli=$(median cli) fast=$(median launcher) raw=$(median raw-git) yqp=$(median yq-pipeline)
echo "median seconds: cli $cli, launcher $fast, raw-git $raw, yq-pipeline $yqp; peak RSS KB: cli $(rss cli), launcher $(rss launcher)"
awk -v c="$cli" -v f="$fast" -v r="$raw" -v y="$yqp" 'BEGIN { printf "ratios: cli/raw-git %.2f, cli/yq-pipeline %.2f, launcher/raw-git %.2f, launcher/yq-pipeline %.2f\n", c / r, c / y, f / r, f / y }'
