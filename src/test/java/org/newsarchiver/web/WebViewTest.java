package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsarchiver.web.FixtureArchive.BRIDGE;
import static org.newsarchiver.web.FixtureArchive.HOSTILE;
import static org.newsarchiver.web.FixtureArchive.MARKET;
import static org.newsarchiver.web.FixtureArchive.OTHER_ID;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveExporter;

/** Every page and API route of {@code serve}, over real HTTP, against an archive written by the archive code. */
class WebViewTest {
  @TempDir static Path root;
  static WebServer server;
  static final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void start() throws IOException {
    FixtureArchive.write(root);
    server = WebServer.start(FixtureArchive.options(root));
    WebViewTestClient.awaitIndexed(server);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  record Got(int status, String type, String body, okhttp3.Headers headers) {}

  static Got get(String pathAndQuery) throws IOException {
    return call(new Request.Builder().url(server.address().resolve(pathAndQuery).toString()).build());
  }

  static Got call(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return new Got(r.code(), r.header("Content-Type"), r.body().string(), r.headers());
    }
  }

  /** Sends the request line as given, byte for byte, so no client normalizes {@code ../} first; returns the status. */
  static int rawStatus(String target) throws IOException {
    try (Socket s = new Socket(server.address().getHost(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(head.substring(9, 12));
    }
  }

  static List<String> all(String regex, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static final String BRIDGE_HIT = "{\"site\":\"loopback-times\",\"id\":\"" + BRIDGE + "\",\"title\":\"Council approves the new bridge\","
      + "\"url\":\"http://news.example/news/2024/10/28/bridge\",\"published\":\"2024-10-28\",\"fetched_at\":\"2024-11-02T09:30:00Z\","
      + "\"read_count\":726,\"words\":22,\"href\":\"/api/articles/loopback-times/" + BRIDGE + "\"}";
  static final String HOSTILE_HIT = "{\"site\":\"loopback-times\",\"id\":\"" + HOSTILE + "\",\"title\":\"\\u003cscript>alert('x')\\u003c/script> Ferry & \\\"harbour\\\" timetable\","
      + "\"url\":\"http://news.example/news/2024/10/30/ferry\",\"published\":\"2024-10-30\",\"fetched_at\":\"2024-11-03T08:00:00Z\","
      + "\"read_count\":null,\"words\":8,\"href\":\"/api/articles/loopback-times/" + HOSTILE + "\"}";
  static final String MARKET_HIT = "{\"site\":\"loopback-times\",\"id\":\"" + MARKET + "\",\"title\":\"Market reopens after repairs\","
      + "\"url\":\"http://news.example/news/2024/11/01/market\",\"published\":\"2024-11-01\",\"fetched_at\":\"2024-11-03T10:00:00Z\","
      + "\"read_count\":88,\"words\":7,\"href\":\"/api/articles/loopback-times/" + MARKET + "\"}";
  static final String OTHER_HIT = "{\"site\":\"other-post\",\"id\":\"" + OTHER_ID + "\",\"title\":\"Harbour dredging starts\","
      + "\"url\":\"http://other.example/p/harbour\",\"published\":\"2024-09-15\",\"fetched_at\":\"2024-09-16T07:00:00Z\","
      + "\"read_count\":12,\"words\":8,\"href\":\"/api/articles/other-post/" + OTHER_ID + "\"}";

  static String page(int total, String... hits) {
    return "{\"total\":" + total + ",\"page\":1,\"page_size\":20,\"indexing\":null,\"articles\":[" + String.join(",", hits) + "]}\n";
  }

  @Test
  void apiSitesGivesEachSitesHealthFromItsFiles() throws IOException {
    Got got = get("/api/sites");
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.type()).isEqualTo("application/json; charset=utf-8");
    assertThat(got.body()).isEqualTo("{\"sites\":["
        + "{\"name\":\"loopback-times\",\"configured\":true,\"articles\":3,\"new_24h\":2,"
        + "\"last_run\":{\"started_at\":\"2024-11-03T09:59:00Z\",\"finished_at\":\"2024-11-03T10:00:05Z\",\"new\":1,"
        + "\"already_archived\":12,\"failed\":1,\"drift\":null},\"schedule\":\"0 0/30 * * * ?\","
        + "\"next_run\":\"2024-11-03T12:30:00Z\",\"failing_urls\":2,"
        + "\"last_error\":{\"url\":\"http://news.example/news/2024/11/02/storm\",\"cause\":\"http-5xx\","
        + "\"detail\":\"HTTP 503 Service Unavailable\",\"attempts\":1,\"at\":\"2024-11-03T10:00:01Z\"},"
        + "\"robots\":{\"url\":\"http://news.example/robots.txt\",\"status\":200,\"captured_at\":\"2024-11-02T09:29:58Z\"},"
        + "\"robots_denied\":1},"
        + "{\"name\":\"other-post\",\"configured\":false,\"articles\":1,\"new_24h\":0,\"last_run\":null,\"schedule\":null,"
        + "\"next_run\":null,\"failing_urls\":0,\"last_error\":null,\"robots\":null,\"robots_denied\":0}]}\n");
  }

  @Test
  void sitesPageShowsTheSameHealthAsHtml() throws IOException {
    Got got = get("/sites");
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.type()).isEqualTo("text/html; charset=utf-8");
    assertThat(got.body()).contains("<tr data-site=\"loopback-times\"><td><a href=\"/articles?site=loopback-times\">loopback-times</a></td>"
        + "<td class=\"num articles\">3</td><td class=\"num new\">2</td>"
        + "<td class=\"last-run\">2024-11-03T10:00:05Z<br><span class=\"note\">1 new, 12 already archived, 1 failed</span></td>"
        + "<td class=\"next-run\">2024-11-03T12:30:00Z<br><span class=\"note\">0 0/30 * * * ?</span></td>"
        + "<td class=\"last-error\">2<br><span class=\"warn\">http-5xx http://news.example/news/2024/11/02/storm: HTTP 503 Service Unavailable</span></td>"
        + "<td class=\"robots\">HTTP 200 at 2024-11-02T09:29:58Z<br><span class=\"warn\">1 URL(s) disallowed</span></td></tr>");
    assertThat(got.body()).contains("<tr data-site=\"other-post\"><td><a href=\"/articles?site=other-post\">other-post</a> "
        + "<span class=\"note\">(no config)</span></td><td class=\"num articles\">1</td><td class=\"num new\">0</td>"
        + "<td class=\"last-run\">never</td><td class=\"next-run\">not scheduled</td><td class=\"last-error\">0</td>"
        + "<td class=\"robots\">not captured</td></tr>");
    assertThat(get("/").body()).isEqualTo(got.body());
  }

  @Test
  void apiArticlesListsNewestFirstAcrossSites() throws IOException {
    assertThat(get("/api/articles").body()).isEqualTo(page(4, MARKET_HIT, HOSTILE_HIT, BRIDGE_HIT, OTHER_HIT));
  }

  @Test
  void searchFindsArticlesByAWordOfTheirBodyOnly() throws IOException {
    assertThat(get("/api/articles?q=cantilever").body()).isEqualTo(page(1, BRIDGE_HIT));
    // "zeppelin-shaped" is split into words; case and accents do not matter
    assertThat(get("/api/articles?q=ZEPPÉLIN").body()).isEqualTo(page(1, MARKET_HIT));
    assertThat(get("/api/articles?q=harbour").body()).isEqualTo(page(2, HOSTILE_HIT, OTHER_HIT));
    assertThat(get("/api/articles?q=harbour+dredging").body()).isEqualTo(page(1, OTHER_HIT));
    assertThat(get("/api/articles?q=nowhere").body()).isEqualTo(page(0));
  }

  @Test
  void articlesFilterBySiteAndPublicationDays() throws IOException {
    assertThat(get("/api/articles?site=loopback-times&from=2024-10-29&to=2024-10-31").body()).isEqualTo(page(1, HOSTILE_HIT));
    assertThat(get("/api/articles?site=other-post").body()).isEqualTo(page(1, OTHER_HIT));
    assertThat(get("/api/articles?q=harbour&site=loopback-times").body()).isEqualTo(page(1, HOSTILE_HIT));
    assertThat(get("/api/articles?from=2024-11-01").body()).isEqualTo(page(1, MARKET_HIT));
  }

  @Test
  void articlesPageListsHitsWithEscapedTitlesAndDownloadLinksForTheFilter() throws IOException {
    Got got = get("/articles?q=harbour&site=loopback-times");
    assertThat(got.status()).isEqualTo(200);
    assertThat(all("<tr><td><a href=\"([^\"]+)\">", got.body())).containsExactly("/articles/loopback-times/" + HOSTILE);
    assertThat(got.body()).contains("<p id=\"count\">1 article</p>")
        .contains("<a href=\"/articles/loopback-times/" + HOSTILE + "\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ferry &amp; "
            + "&quot;harbour&quot; timetable</a>")
        .contains("<a href=\"/download?format=csv&amp;site=loopback-times&amp;q=harbour\">csv</a>")
        .contains("<option value=\"loopback-times\" selected>loopback-times</option>")
        .contains("value=\"harbour\"")
        .doesNotContain("<script>alert");
  }

  @Test
  void articlesArePagedTwentyAtATime() throws IOException {
    Got first = get("/articles");
    assertThat(first.body()).contains("<p class=\"pages\">page 1</p>");
    assertThat(get("/api/articles?page=2").body()).isEqualTo("{\"total\":4,\"page\":2,\"page_size\":20,\"indexing\":null,\"articles\":[]}\n");
    assertThat(get("/api/articles?page=0").status()).isEqualTo(400);
    assertThat(get("/api/articles?page=501").status()).isEqualTo(400);
    assertThat(get("/api/articles?page=x").status()).isEqualTo(400);
  }

  @Test
  void articlePageShowsMetadataTextLinksChartAndVersionDiff() throws IOException {
    Got got = get("/articles/loopback-times/" + BRIDGE);
    assertThat(got.status()).isEqualTo(200);
    String body = got.body();
    assertThat(body).contains("<h1 id=\"title\">Council approves the new bridge</h1>")
        .contains("<a id=\"original\" rel=\"noreferrer\" href=\"http://news.example/news/2024/10/28/bridge\">Original page</a>")
        .contains("<a id=\"warc\" href=\"/articles/loopback-times/" + BRIDGE + "/warc\">Raw WARC record</a>")
        .contains("<dt>Published</dt><dd>2024-10-28</dd>")
        .contains("<dt>Read count</dt><dd>726</dd>")
        .contains("<section id=\"text\"><h2>Text</h2><p>The city council voted on Monday to build a new bridge over the river.</p>"
            + "<p>The cantilever design was chosen over two others.</p></section>")
        .contains("<h3 id=\"v2\">Version 2, 2024-11-03T09:30:00Z <span class=\"note\">+1 / −0 words</span></h3>"
            + "<p class=\"diff\"><span>Council approves the new bridge The city council voted on Monday to build a new</span> "
            + "<ins>steel</ins> <span>bridge over the river. The cantilever design was chosen over two others.</span> </p>");
    // one circle per observation that has a count (the one that showed none is listed, not drawn)
    assertThat(all("<circle class=\"point\"[^>]* data-read-count=\"(\\d+)\"", body)).containsExactly("1020", "1380", "1500");
    assertThat(all("<circle class=\"point\"[^>]* data-observed-at=\"([^\"]+)\"", body))
        .containsExactly("2024-11-02T15:30:00Z", "2024-11-03T09:30:00Z", "2024-11-03T11:30:00Z");
    assertThat(all("<circle class=\"point\" r=\"4\" cx=\"([\\d.]+,?)\"", body)).containsExactly("64.0", "560.8", "616.0");
    assertThat(body).contains("<tr><td>2024-11-02T21:30:00Z</td><td class=\"num\">not shown</td></tr>");
  }

  @Test
  void hostileTitleIsEscapedEverywhereItIsShown() throws IOException {
    String body = get("/articles/loopback-times/" + HOSTILE).body();
    String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ferry &amp; &quot;harbour&quot; timetable";
    assertThat(body).contains("<title>" + escaped + " · news-archiver</title>")
        .contains("<h1 id=\"title\">" + escaped + "</h1>")
        .doesNotContain("<script>alert");
    assertThat(all("(<script[^>]*>)", body)).containsExactly("<script src=\"/static/app.js\" defer>");
    assertThat(body).contains("no read counts observed").doesNotContain("id=\"versions\"");
  }

  @Test
  void apiArticleGivesTheRowTextReadCountsAndVersions() throws IOException {
    String obs = "[{\"observed_at\":\"2024-11-02T15:30:00Z\",\"read_count\":1020},{\"observed_at\":\"2024-11-02T21:30:00Z\",\"read_count\":null},"
        + "{\"observed_at\":\"2024-11-03T09:30:00Z\",\"read_count\":1380},{\"observed_at\":\"2024-11-03T11:30:00Z\",\"read_count\":1500}]";
    String versions = "[{\"version\":1,\"observed_at\":\"2024-11-02T09:30:00Z\",\"sha256\":\"411a99049a876e79f09cb8377201c3cafc0ffbb9f60f38a65041a64414359adc\","
        + "\"words_added\":0,\"words_removed\":0,\"changes\":[]},{\"version\":2,\"observed_at\":\"2024-11-03T09:30:00Z\","
        + "\"sha256\":\"c5f83181f895d6648c38725a56dc94995b0ab638fbde28e4c4fc391c46c2da68\",\"words_added\":1,\"words_removed\":0,"
        + "\"changes\":[[\"same\",\"Council approves the new bridge The city council voted on Monday to build a new\"],[\"added\",\"steel\"],"
        + "[\"same\",\"bridge over the river. The cantilever design was chosen over two others.\"]]}]";
    String prefix = "/api/articles/loopback-times/" + BRIDGE;
    assertThat(get(prefix).body()).isEqualTo("{\"id\":\"" + BRIDGE + "\",\"site\":\"loopback-times\","
        + "\"url\":\"http://news.example/news/2024/10/28/bridge\",\"title\":\"Council approves the new bridge\",\"published\":\"2024-10-28\","
        + "\"date_source\":\"selector\",\"read_count\":726,\"author\":null,\"language\":\"en\",\"source\":null,"
        + "\"fetched_at\":\"2024-11-02T09:30:00Z\",\"text_file\":\"2024/10/" + BRIDGE + ".txt\",\"words\":22,"
        + "\"sha256\":\"411a99049a876e79f09cb8377201c3cafc0ffbb9f60f38a65041a64414359adc\",\"alt_urls\":[],"
        + "\"text\":\"Council approves the new bridge\\n\\nThe city council voted on Monday to build a new bridge over the river.\\n\\n"
        + "The cantilever design was chosen over two others.\\n\",\"read_counts\":" + obs + ",\"versions\":" + versions
        + ",\"warc\":\"/articles/loopback-times/" + BRIDGE + "/warc\"}\n");
    assertThat(get(prefix + "/read-counts").body())
        .isEqualTo("{\"site\":\"loopback-times\",\"id\":\"" + BRIDGE + "\",\"observations\":" + obs + "}\n");
    assertThat(get(prefix + "/versions").body())
        .isEqualTo("{\"site\":\"loopback-times\",\"id\":\"" + BRIDGE + "\",\"versions\":" + versions + "}\n");
  }

  @Test
  void warcLinkServesTheCapturedResponseRecordAsWritten() throws IOException {
    Got got = get("/articles/loopback-times/" + BRIDGE + "/warc");
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.type()).isEqualTo("application/warc");
    String html = "<html><head><title>Council approves the new bridge</title></head><body><p>bridge</p></body></html>";
    assertThat(got.body()).startsWith("WARC/1.").contains("WARC-Type: response\r\n")
        .contains("WARC-Target-URI: http://news.example/news/2024/10/28/bridge\r\n")
        .endsWith("\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 98\r\n\r\n" + html + "\r\n\r\n");
    assertThat(get("/articles/loopback-times/" + HOSTILE + "/warc").status()).isEqualTo(404);
  }

  @Test
  void downloadsStreamTheExportFormatsForTheCurrentFilter() throws IOException {
    StringWriter expected = new StringWriter();
    new ArchiveExporter(FixtureArchive.archive(root)).write(List.of("loopback-times"), ArchiveExporter.Format.JSONL,
        new ArchiveExporter.DateRange(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31")), false, expected, p -> {});
    Got jsonl = get("/download?format=jsonl&site=loopback-times&from=2024-10-01&to=2024-10-31");
    assertThat(jsonl.type()).isEqualTo("application/x-ndjson; charset=utf-8");
    assertThat(jsonl.headers().get("Content-Disposition")).isEqualTo("attachment; filename=\"articles-loopback-times.jsonl\"");
    assertThat(jsonl.body()).isEqualTo(expected.toString());
    assertThat(jsonl.body().lines().map(l -> l.substring(0, l.indexOf(",\"site\"")))).containsExactly(
        "{\"id\":\"" + BRIDGE + "\"", "{\"id\":\"" + HOSTILE + "\"");

    Got csv = get("/download?format=csv&q=zeppelin");
    assertThat(csv.type()).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.body()).isEqualTo("id,site,url,title,published,date_source,read_count,author,language,source,fetched_at,text_file,"
        + "words,sha256,alt_urls,text\n" + MARKET + ",loopback-times,http://news.example/news/2024/11/01/market,Market reopens after repairs,"
        + "2024-11-01,selector,88,,en,,2024-11-03T10:00:00Z,2024/11/" + MARKET + ".txt,7,"
        + "6f7a9c3ded7a8518ff3725034d555bc07c79dfaad9c300323e45a2523f9bcee7,,\"Market reopens after repairs\n\n"
        + "Stalls sell zeppelin-shaped bread and local cheese.\n\"\n");

    try (Response r = http.newCall(new Request.Builder().url(server.address().resolve("/download?format=txt&q=harbour").toString()).build()).execute()) {
      assertThat(r.header("Content-Type")).isEqualTo("application/zip");
      List<String> entries = new ArrayList<>();
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body().bytes()))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          entries.add(e.getName() + "=" + new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      assertThat(entries).containsExactly(
          "loopback-times/" + HOSTILE + ".txt=" + FixtureArchive.HOSTILE_TITLE + "\n\nThe harbour ferry runs every hour from Monday.\n",
          "other-post/" + OTHER_ID + ".txt=Harbour dredging starts\n\nDredging of the harbour channel started on Sunday.\n");
    }
    assertThat(get("/download?format=xml").status()).isEqualTo(400);
  }

  @Test
  void unknownSitesAndIdsAre404() throws IOException {
    assertThat(get("/articles/loopback-times/nothing-000000000000").status()).isEqualTo(404);
    assertThat(get("/articles/no-such-site/" + BRIDGE).status()).isEqualTo(404);
    assertThat(get("/articles/other-post/" + BRIDGE).status()).isEqualTo(404);
    assertThat(get("/articles/loopback-times/NOT_AN_ID").status()).isEqualTo(404);
    Got api = get("/api/articles/loopback-times/nothing-000000000000");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.body()).isEqualTo("{\"status\":404,\"error\":\"no article nothing-000000000000 in site loopback-times\"}\n");
    assertThat(get("/api/articles/loopback-times/nothing-000000000000/read-counts").status()).isEqualTo(404);
    assertThat(get("/no/such/page").status()).isEqualTo(404);
    assertThat(get("/api/articles?site=no-such-site").status()).isEqualTo(400);
  }

  @Test
  void traversalAttemptsNeverReachAFile() throws IOException {
    for (String target : List.of(
        "/articles/../../etc/passwd",
        "/articles/loopback-times/../../../etc/passwd",
        "/articles/loopback-times/..%2F..%2Farticles.csv",
        "/articles/..%2F..%2Fetc/passwd",
        "/articles/%2e%2e/%2e%2e",
        "/api/articles/loopback-times/..%2Farticles.csv",
        "/api/articles/..%252F..%252Fetc/passwd/read-counts",
        "/static/..%2F..%2F..%2Fpom.xml",
        "/static/../../pom.xml",
        "/articles/loopback-times/2024%2F10%2F" + BRIDGE + ".txt",
        "/articles/loopback-times/" + BRIDGE + "%00/warc")) {
      assertThat(rawStatus(target)).as(target).isEqualTo(404);
    }
    assertThat(rawStatus("/articles?site=..%2F..%2Fetc")).isEqualTo(400);
    assertThat(rawStatus("/download?site=../loopback-times")).isEqualTo(400);
    assertThat(rawStatus("/articles/%zz")).isEqualTo(400);
  }

  @Test
  void overLongQueriesAre400() throws IOException {
    Got q = get("/api/articles?q=" + "a".repeat(201));
    assertThat(q.status()).isEqualTo(400);
    assertThat(q.body()).isEqualTo("{\"status\":400,\"error\":\"q: longer than 200 characters\"}\n");
    assertThat(get("/api/articles?q=" + "a".repeat(200)).status()).isEqualTo(200);
    Got page = get("/articles?site=&x=" + "b".repeat(1100));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("<p id=\"error\">query longer than 1024 characters</p>");
    assertThat(get("/articles/" + "c".repeat(2100)).status()).isEqualTo(400);
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws IOException {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      Got got = call(new Request.Builder().url(server.address().resolve("/api/sites").toString())
          .method(method, RequestBody.create("x", MediaType.get("text/plain"))).build());
      assertThat(got.status()).as(method).isEqualTo(405);
      assertThat(got.headers().get("Allow")).isEqualTo("GET, HEAD");
    }
    Got head = call(new Request.Builder().url(server.address().resolve("/sites").toString()).head().build());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().get("Content-Length")).isEqualTo(Integer.toString(get("/sites").body().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws IOException {
    for (String path : List.of("/sites", "/api/articles", "/articles/loopback-times/" + BRIDGE, "/nowhere", "/static/app.js")) {
      okhttp3.Headers h = get(path).headers();
      assertThat(h.get("Content-Security-Policy")).as(path).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self';"
          + " img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
      assertThat(h.get("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(h.get("X-Frame-Options")).isEqualTo("DENY");
      assertThat(h.get("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  @Test
  void scriptAndStylesheetAreServedAsFiles() throws IOException {
    Got js = get("/static/app.js");
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.type()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(js.body()).isEqualTo(new String(WebServer.resource("app.js"), StandardCharsets.UTF_8));
    assertThat(get("/static/style.css").type()).isEqualTo("text/css; charset=utf-8");
    assertThat(get("/static/other.js").status()).isEqualTo(404);
  }

  @Test
  void aHostNameOtherThanLoopbackIsRefused() throws IOException {
    HttpUrl url = HttpUrl.get(server.address().resolve("/api/sites").toString());
    Got got = call(new Request.Builder().url(url).header("Host", "attacker.example").build());
    assertThat(got.status()).isEqualTo(400);
    assertThat(call(new Request.Builder().url(url).header("Host", "localhost:" + server.port()).build()).status()).isEqualTo(200);
  }
}
