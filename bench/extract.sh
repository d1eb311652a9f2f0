#!/usr/bin/env bash
# Extraction benchmark: our extractor (generic, and with the site config where one exists),
# readability4j, boilerpipe and the parse-only floor (Jsoup.parse + body().text()), same JVM, same
# run. Prints pages/s, the ratios vs readability4j and vs parse-only, and bytes allocated per page.
#
#   bench/extract.sh                 # corpus at ../shared/corpus/pages, short warm-up
#   CORPUS=DIR bench/extract.sh      # another corpus pages/ folder (expected.jsonl beside it)
#   JMH_OPTS='-wi 5 -i 10 -f 2' bench/extract.sh   # longer, steadier run
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/pages}
if [[ ! -d $corpus ]]; then
  echo "bench/extract.sh: $corpus: corpus pages folder not found; set CORPUS=DIR" >&2
  exit 2
fi
if [[ ! -f target/benchmarks.jar || -n ${REBUILD:-} ]]; then
  mvn -B -q -Pbench -DskipTests package
fi
mkdir -p target/bench
out=target/bench/extract.csv
# shellcheck disable=SC2086
java -jar target/benchmarks.jar 'ExtractBench' -p corpus="$corpus" \
  -prof gc ${JMH_OPTS:--wi 2 -i 3 -f 1 -w 1s -r 1s} -rf csv -rff "$out" >target/bench/extract.log 2>&1
grep -h '^bench failures' target/bench/extract.log | sort -u || true
counts=$(sed -n 's/^bench pages: set=\([a-z]*\) n=\([0-9]*\)$/\1=\2/p' target/bench/extract.log | sort -u | tr '\n' ' ')

awk -F, -v counts="$counts" '
  BEGIN { m = split(counts, cs, " "); for (i = 1; i <= m; i++) { split(cs[i], kv, "="); count[kv[1]] = kv[2] } }
  NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    name = $col["Benchmark"]; sub(/^.*ExtractBench\./, "", name); set = $col["Param: set"]
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); alloc[set, name] = $col["Score"] / count[set] }
    else if (name !~ /:/) { score[set, name] = $col["Score"] * count[set]; err[set, name] = $col["Score Error (99.9%)"] * count[set]; if (!(set in seen)) { seen[set] = 1; sets[++ns] = set } }
  }
  END {
    split("ours_generic ours_site readability4j boilerpipe parse_only", names, " ")
    for (s = 1; s <= ns; s++) {
      set = sets[s]
      printf "\nset=%s (%d pages)\n%-14s %10s %8s %11s %11s %12s\n", set, count[set], "extractor", "pages/s", "+-", "vs r4j", "vs parse", "alloc/page"
      for (n = 1; n <= 5; n++) {
        k = names[n]
        if (!((set, k) in score)) continue
        printf "%-14s %10.1f %8.1f %10.2fx %10.2fx %9.1f MB\n", k, score[set, k], err[set, k],
          score[set, k] / score[set, "readability4j"], score[set, k] / score[set, "parse_only"],
          alloc[set, k] / 1e6
      }
    }
  }' "$out"
echo
echo "raw: $out, log: target/bench/extract.log"
