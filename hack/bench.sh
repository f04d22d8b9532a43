#!/usr/bin/env bash
# Benchmarks of promotion-operator (method and figures: docs/benchmarks.md).
#
#   hack/bench.sh [all]   [--quick] [harness options]   JMH, then the end-to-end harness (default)
#   hack/bench.sh jmh     [--quick] [JMH options]       in-process: tag editing, planner, state file
#   hack/bench.sh e2e     [--quick] [--jfr] [harness options]
#                                                       engine cold/warm over smart HTTP on loopback,
#                                                       step breakdown, CLI start-up and preview
#   hack/bench.sh operator [operator options]          the operator as a separate JVM against a real
#                                                       kube-apiserver (hack/controlplane): warm single
#                                                       group S = 10/100/500, 100 concurrent Promotions,
#                                                       RSS idle and peak
#   hack/bench.sh generate <bare-dir> [sizes] [apps] [commits] [seed]
#                                                       one synthetic repository, to try by hand
#
# Harness options: --sizes 10,100,500 --histories 100,10000 --runs N --cli-runs N --regenerate
# --no-breakdown (see HarnessOptions). Operator options: --sizes 10,100,500 --runs N --concurrent N
# --services-per-group N --xmx SIZE|none --jvm "FLAGS" --timeout SECONDS --kill-after N (see OperatorBenchmark;
# results in target/bench/operator/). Results go to target/bench/ (results.md, results.csv,
# jmh.txt, jmh.json; generated repositories are cached in target/bench/repos). --quick is a smoke
# run of every code path in about a minute; the default run takes a few minutes (more the first
# time, while the H = 10,000 repository is generated).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
case "${1:-}" in
  all|jmh|e2e|operator|generate) mode=$1; shift ;;
esac
quick=false
jfr=false
args=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true; args+=("$arg") ;;
    --jfr) jfr=true ;;
    *) args+=("$arg") ;;
  esac
done

out=target/bench
mkdir -p "$out"
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
java_opts=(-Xmx2g -Dpromotion.logLevel=warn)

run_jmh() {
  local jmh_args=()
  if $quick; then
    jmh_args=(-f 1 -wi 1 -w 500ms -i 2 -r 500ms -p groups=10 -p services=100)
    local rest=()
    for a in "$@"; do [ "$a" != --quick ] && rest+=("$a"); done
    set -- "${rest[@]+"${rest[@]}"}"
  fi
  java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main "${jmh_args[@]+"${jmh_args[@]}"}" \
    -rf json -rff "$out/jmh.json" "$@" 2>&1 | tee "$out/jmh.txt"
}

run_e2e() {
  local opts=("${java_opts[@]}")
  if $jfr; then
    opts+=("-XX:StartFlightRecording=filename=$out/e2e.jfr,settings=profile")
  fi
  java "${opts[@]}" -cp "$cp" io.gitops.promotion.bench.EndToEndBenchmark \
    --jar target/promotion-operator.jar --out "$out" "$@"
}

case "$mode" in
  jmh) run_jmh "${args[@]+"${args[@]}"}" ;;
  e2e) run_e2e "${args[@]+"${args[@]}"}" ;;
  operator)
    java "${java_opts[@]}" -cp "$cp" io.gitops.promotion.bench.OperatorBenchmark \
      --jar target/promotion-operator.jar --out "$out" "${args[@]+"${args[@]}"}"
    ;;
  generate) java "${java_opts[@]}" -cp "$cp" io.gitops.promotion.bench.GenerateRepository "${args[@]+"${args[@]}"}" ;;
  all)
    if $quick; then run_jmh --quick; else run_jmh; fi
    run_e2e "${args[@]+"${args[@]}"}"
    ;;
esac
