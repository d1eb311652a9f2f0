#!/usr/bin/env bash
# Search index of `serve` at scale (org.newsarchiver.bench.SearchBench): writes a site archive of N
# rows (default 100,000) with a text file each into a temporary folder, then starts the web view on
# it and prints the time to the first answer, the time until the index is complete, the latency of
# searches during the build, the peak heap and the index size; then the same for a restart of the
# unchanged archive and for a re-walk after the CSV was touched; all in a JVM capped at -Xmx256m.
# Baseline in the same run: parsing the CSV and reading every text file. 1,000,000 rows take about
# 4 GiB of disk (4 KiB blocks) in the temporary folder.
#
#   bench/search.sh [N]
#   KEEP=1 bench/search.sh      # keep the temporary folder
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [[ ! -f target/benchmarks.jar || -n ${REBUILD:-} ]]; then
  mvn -B -q -Pbench -DskipTests package
fi
tmp=$(mktemp -d)
cleanup() { if [[ -n ${KEEP:-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
java -Xmx${XMX:-256m} -cp target/benchmarks.jar org.newsarchiver.bench.SearchBench "$n" "$tmp"
