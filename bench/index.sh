#!/usr/bin/env bash
# Archive index at scale (org.newsarchiver.bench.IndexBench): writes a site archive of N CSV rows
# (default 1,000,000) into a temporary folder and prints the index build time from the CSV, the
# start-up time of SiteArchive.open with the index present (median of 7), the time per lookup of
# archived and unknown URLs (averaged over 200,000 each), and the heap in use after a GC; then it
# writes the text files the rows name (F of them, default N; with F < N rows share files) and prints
# the start-up with them present and the time and peak heap of `verify`; all in a JVM capped at
# -Xmx256m; baselines in the same run: reading and parsing the CSV, a HashMap get. 1,000,000 text
# files take about 4 GiB of disk (4 KiB blocks) in the temporary folder.
#
#   bench/index.sh [N] [F]
#   KEEP=1 bench/index.sh      # keep the temporary folder
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
f=${2:-$n}
if [[ ! -f target/benchmarks.jar || -n ${REBUILD:-} ]]; then
  mvn -B -q -Pbench -DskipTests package
fi
tmp=$(mktemp -d)
cleanup() { if [[ -n ${KEEP:-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
java -Xmx256m -cp target/benchmarks.jar org.newsarchiver.bench.IndexBench "$n" "$tmp" "$f"
