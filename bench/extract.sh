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
# REPORT_ONLY=1 reprints the last run's figures without running again
[[ -n ${REPORT_ONLY:-} ]] || \
# shellcheck disable=SC2086
java -jar target/benchmarks.jar 'ExtractBench' -p corpus="$corpus" \
  -prof gc ${JMH_OPTS:--wi 2 -i 5 -f 1 -w 1s -r 1s} -rf csv -rff "$out" >target/bench/extract.log 2>&1
grep -h '^bench failures' target/bench/extract.log | sort -u || true
# Report from the log: per benchmark and set, the mean and the best measured iteration (on a
# shared machine the best iteration is the least disturbed one), scaled from ops (one op = the
# whole set) to pages.
awk '
  /^# Benchmark: / { name = $3; sub(/^.*ExtractBench\./, "", name) }
  /^# Parameters: / { match($0, /set = [a-z]+/); set = substr($0, RSTART + 6, RLENGTH - 6) }
  /bench pages: set=/ { split($0, p, "n="); count[set] = p[2] + 0 }
  /^Iteration / {
    v = $3 + 0; sum[set, name] += v; cnt[set, name]++
    if (v > best[set, name]) best[set, name] = v
    if (!(set in seen)) { seen[set] = 1; sets[++ns] = set }
  }
  /gc\.alloc\.rate\.norm:/ && cnt[set, name] > 0 { asum[set, name] += $2; acnt[set, name]++ }
  END {
    split("ours_generic ours_site readability4j boilerpipe parse_only", names, " ")
    for (s = 1; s <= ns; s++) {
      set = sets[s]; n = count[set]
      printf "\nset=%s (%d pages; pages/s of the best iteration, mean in brackets)\n", set, n
      printf "%-14s %9s %9s %10s %10s %11s\n", "extractor", "pages/s", "(mean)", "vs r4j", "vs parse", "alloc/page"
      for (i = 1; i <= 5; i++) {
        k = names[i]
        if (!((set, k) in cnt)) continue
        printf "%-14s %9.1f %9.1f %9.2fx %9.2fx %8.1f MB\n", k, best[set, k] * n, sum[set, k] / cnt[set, k] * n,
          best[set, k] / best[set, "readability4j"], best[set, k] / best[set, "parse_only"],
          (acnt[set, k] ? asum[set, k] / acnt[set, k] / n / 1e6 : 0)
      }
    }
  }' target/bench/extract.log
echo
echo "raw: $out, log: target/bench/extract.log"
