#!/usr/bin/env bash
# Crawl benchmark on loopback: a generated site of N article pages (~30-60 KB each) plus listing
# pages of 100 links (org.newsarchiver.bench.SiteServer), crawled
#   (a) by news-archiver (`crawl --site bench --allow-private`, delay 0s), end to end,
#   (b) by GNU Wget mirroring the same site (`wget -r -l inf -np`),
#   (c) by news-archiver again with nothing new,
# printing wall time, pages/s, requests served and peak RSS (GNU time) for each.
#
#   bench/crawl.sh 1000
#   KEEP=1 bench/crawl.sh 1000    # keep the temporary folder (config, archive, mirror, logs)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/crawl.sh N (number of article pages)}
[[ -x /usr/bin/time ]] || { echo "bench/crawl.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v wget >/dev/null || { echo "bench/crawl.sh: needs wget (apt-get install wget)" >&2; exit 2; }
command -v bc >/dev/null || { echo "bench/crawl.sh: needs bc (apt-get install bc)" >&2; exit 2; }
if [[ ! -f target/benchmarks.jar || ! -f target/news-archiver.jar || -n ${REBUILD:-} ]]; then
  mvn -B -q -Pbench -DskipTests package
fi

tmp=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  if [[ -n ${KEEP:-} ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

java -cp target/benchmarks.jar org.newsarchiver.bench.SiteServer "$n" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening //p' "$tmp/server.out")
[[ -n $url ]] || { echo "bench/crawl.sh: server did not start:" >&2; cat "$tmp/server.out" >&2; exit 1; }
listings=$(( (n + 99) / 100 ))

mkdir -p "$tmp/sites"
cat >"$tmp/sites/bench.yaml" <<YAML
name: bench
base_url: $url
article_pattern: '/news/\d{4}/\d{2}/\d{2}/story-\d+\.html$'
next_page: ['a[rel=next]@href']
max_pages: $(( listings + 1 > 10000 ? 10000 : listings + 1 ))
max_articles: $n
request:
  delay: 0s
YAML

requests() { curl -s "${url}_bench/requests" 2>/dev/null || wget -q -O - "${url}_bench/requests"; }
reset() { requests >/dev/null; wget -q -O /dev/null "${url}_bench/reset"; }

# run NAME CMD...: wall seconds (ms precision), peak RSS (MiB) and requests served into $NAME_*
run() {
  local name=$1; shift
  reset
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.log" 2>&1 || {
    echo "bench/crawl.sh: $name failed (exit $?):" >&2; tail -5 "$tmp/$name.log" >&2; }
  t1=$(date +%s%N)
  printf -v "${name}_wall" '%.2f' "$(echo "($t1 - $t0) / 1000000000" | bc -l)"
  printf -v "${name}_rss" '%d' "$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/$name.time") / 1024 ))"
  printf -v "${name}_req" '%d' "$(requests)"
}

crawl=(java -jar target/news-archiver.jar crawl --site bench --allow-private --sites "$tmp/sites" --archive "$tmp/archive")
run ours "${crawl[@]}"
run wget wget -r -l inf -np -q -P "$tmp/mirror" "$url"
run again "${crawl[@]}"

archived=$(( $(wc -l <"$tmp/archive/bench/articles.csv") - 1 ))
mirrored=$(find "$tmp/mirror" -name 'story-*.html' | wc -l)
pps() { echo "scale=1; $1 / $2" | bc -l; }
echo "site: $n articles + $listings listing pages at $url (java -cp target/benchmarks.jar org.newsarchiver.bench.SiteServer)"
printf '%-28s %9s %10s %9s %9s %s\n' run wall_s pages/s requests rss_MiB result
printf '%-28s %9s %10s %9s %9s %s\n' "news-archiver crawl" "$ours_wall" "$(pps "$ours_req" "$ours_wall")" "$ours_req" "$ours_rss" "$archived articles archived"
printf '%-28s %9s %10s %9s %9s %s\n' "wget -r -l inf -np" "$wget_wall" "$(pps "$wget_req" "$wget_wall")" "$wget_req" "$wget_rss" "$mirrored articles mirrored"
printf '%-28s %9s %10s %9s %9s %s\n' "news-archiver, nothing new" "$again_wall" "$(pps "$again_req" "$again_wall")" "$again_req" "$again_rss" "$(tail -1 "$tmp/again.log")"
echo "wall ratio news-archiver / wget: $(echo "scale=2; $ours_wall / $wget_wall" | bc -l)"
