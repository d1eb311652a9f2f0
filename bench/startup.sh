#!/usr/bin/env bash
# Start-up: JVM start-to-exit time of `java -jar target/news-archiver.jar extract FILE` on one
# page, median of RUNS runs (hyperfine if installed, else a date loop), for
#   baseline                       java -jar ...
#   CDS                            java -XX:SharedArchiveFile=target/news-archiver.jsa -jar ...
#   C1 only                        java -XX:TieredStopAtLevel=1 -jar ...
#   CDS + C1 only                  both
# The CDS archive is made first by one run with -XX:ArchiveClassesAtExit.
#
#   bench/startup.sh [FILE] [URL]       # default: the cnn.com fixture page
#   RUNS=20 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-src/test/resources/sites/cnn.com/article-1.html}
url=${2:-http://www.cnn.com/2016/11/29/politics/donald-trump-transition-presidency/index.html}
runs=${RUNS:-10}
[[ -f $file ]] || { echo "bench/startup.sh: $file: no such page" >&2; exit 2; }
[[ -f target/news-archiver.jar && -z ${REBUILD:-} ]] || mvn -B -q -DskipTests package
jar=target/news-archiver.jar
jsa=target/news-archiver.jsa
args=(-jar "$jar" extract --url "$url" "$file")

rm -f "$jsa"
java -XX:ArchiveClassesAtExit="$jsa" "${args[@]}" >/dev/null 2>target/startup-cds.log
[[ -f $jsa ]] || { echo "bench/startup.sh: no CDS archive made:" >&2; cat target/startup-cds.log >&2; exit 1; }

variants=("baseline:" "CDS:-XX:SharedArchiveFile=$jsa" "C1 only:-XX:TieredStopAtLevel=1"
  "CDS + C1 only:-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1")

median_ms() { # CMD...: median wall time of $runs runs, in ms
  local t=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    t+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}

echo "java -jar $jar extract --url URL $file, $runs runs each"
base=
for v in "${variants[@]}"; do
  name=${v%%:*}; flags=${v#*:}
  # shellcheck disable=SC2086
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 1 -r "$runs" --export-json target/startup.json "java $flags ${args[*]}" >/dev/null 2>&1
    ms=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' target/startup.json | head -1 | awk '{ printf "%d", $1 * 1000 }')
  else
    ms=$(median_ms java $flags "${args[@]}")
  fi
  base=${base:-$ms}
  printf '%-16s %6s ms median  %5.2fx  %s\n' "$name" "$ms" "$(echo "$base / $ms" | bc -l)" "${flags:-(no flags)}"
done
