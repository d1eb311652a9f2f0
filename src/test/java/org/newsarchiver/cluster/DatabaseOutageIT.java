package org.newsarchiver.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.Main;

/**
 * One cluster node, its own JVM, reaches PostgreSQL through a {@link DatabaseProxy} the test cuts:
 * the node outlives an outage saying so in one error line, runs again once the database is back,
 * archives nothing twice and stops cleanly; and a node started while the database is away exits
 * at once with one error line and exit code 3, whether the server refuses or never answers.
 */
class DatabaseOutageIT {
  static final String SITE = "daily";
  static final String CRON = "0/5 * * * * ?";
  /** A log line of the node: logback's time stamp, level, logger, message. */
  static final Pattern LOG_LINE =
      Pattern.compile("(?:\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{3})? (TRACE|DEBUG|INFO|WARN|ERROR) +\\S+ - (.*)");
  static final String REFUSED = " refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.";
  static final String START_FIX = "; check that PostgreSQL is running and the URL, user and password (--db-url, --db-user, NEWS_ARCHIVER_DB_PASSWORD)\n";

  @TempDir Path root;
  WireMockServer server;
  TestDatabase db;
  DatabaseProxy proxy;
  Process node;

  @BeforeEach
  void setUp() throws IOException {
    db = TestDatabase.fresh();
    proxy = new DatabaseProxy(db.server());
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(any(urlMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(404)));
    for (int i = 1; i <= 3; i++) article(i);
    listing(2);
    Path sites = Files.createDirectories(root.resolve("sites"));
    Files.writeString(sites.resolve(SITE + ".yaml"), "name: " + SITE + "\nbase_url: " + server.baseUrl() + "/\n"
        + "start_pages: [/news/]\narticle_pattern: '/news/\\d+$'\n"
        + "selectors:\n  title: [h1]\n  date: [.date]\n  body: [.body]\n"
        + "dates:\n  formats: ['d MMMM yyyy']\n  locale: en\n"
        + "request:\n  delay: 0s\n  retries: 0\n"
        + "schedule: '" + CRON + "'\n");
    // Check in every second and claim triggers at most a second ahead, as ClusterIT does.
    Files.writeString(root.resolve("quartz.properties"),
        "org.quartz.jobStore.clusterCheckinInterval=1000\norg.quartz.scheduler.idleWaitTime=1000\n");
  }

  @AfterEach
  void tearDown(TestInfo test) throws Exception {
    if (node != null) node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    // Kept for a failed run's diagnosis (the temporary directory goes).
    if (Files.exists(root.resolve("node.log"))) {
      Path logs = Files.createDirectories(Path.of("target", "cluster-it-logs"));
      Files.copy(root.resolve("node.log"), logs.resolve("DatabaseOutageIT-" + test.getTestMethod().orElseThrow().getName() + ".log"), StandardCopyOption.REPLACE_EXISTING);
    }
    if (proxy != null) proxy.close();
    if (server != null) server.stop();
    if (db != null) db.drop();
  }

  @Test
  void aNodeOutlivesADatabaseOutageSayingSoOnceAndRunsAgainWhenItIsBack() throws Exception {
    Path archive = root.resolve("archive");
    node = start();
    await().atMost(Duration.ofSeconds(60)).until(() -> runs(archive).size() >= 1);

    Instant cutAt = Instant.now();
    proxy.refuse();
    String url = db.urlVia(proxy.port());
    String outage = outageLine();
    await().atMost(Duration.ofSeconds(20)).until(() -> messages("WARN").contains(outage));
    // An article published while the database is away is archived once it is back.
    listing(3);
    await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(node::isAlive);
    proxy.restore();
    Instant restoredAt = Instant.now();

    await().atMost(Duration.ofSeconds(45)).until(() -> runs(archive).stream().anyMatch(r -> r[0].isAfter(restoredAt))
        && Files.readString(archive.resolve(SITE).resolve("articles.csv")).contains(server.baseUrl() + "/news/3"));
    await().atMost(Duration.ofSeconds(15)).until(() -> messages("INFO").stream()
        .anyMatch(m -> m.matches("database " + Pattern.quote(url) + ": answers again after \\d+ s; runs resume")));
    assertThat(runs(archive)).as("no run starts while the database is away")
        .noneMatch(r -> r[0].isAfter(cutAt.plusSeconds(2)) && r[0].isBefore(restoredAt));

    node.destroy();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(node.exitValue()).isEqualTo(143);
    List<String> lines = log().lines().toList();
    assertThat(lines).as("every line is a log line: no stack trace").allMatch(l -> LOG_LINE.matcher(l).matches());
    assertThat(messages("WARN", "ERROR")).as("the outage is one line, the only warning").containsExactly(outage);
    assertThat(messages("INFO")).last().isEqualTo("stopped");

    assertThat(new ArticlesCsv(archive.resolve(SITE).resolve("articles.csv")).readAll()).extracting(ArchiveRow::url)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 3).mapToObj(i -> server.baseUrl() + "/news/" + i).toList());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"verify", "--sites", root.resolve("sites").toString(), "--archive", archive.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(out + "\n" + err).isZero();
  }

  @Test
  void aNodeStoppedWhileTheDatabaseIsAwayStopsCleanlyWithOnlyTheOutageLine() throws Exception {
    node = start();
    await().atMost(Duration.ofSeconds(60)).until(() -> runs(root.resolve("archive")).size() >= 1);
    proxy.refuse();
    await().atMost(Duration.ofSeconds(20)).until(() -> messages("WARN").contains(outageLine()));

    node.destroy();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(node.exitValue()).isEqualTo(143);
    assertThat(log().lines().toList()).as("every line is a log line: no stack trace").allMatch(l -> LOG_LINE.matcher(l).matches());
    assertThat(messages("WARN", "ERROR")).containsExactly(outageLine());
    assertThat(messages("INFO")).last().isEqualTo("stopped");
  }

  @Test
  void aNodeStartedWhileTheDatabaseRefusesConnectionsExitsAtOnceWithOneErrorLine() throws Exception {
    proxy.refuse();
    node = start();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("exits").isTrue();
    assertThat(node.exitValue()).isEqualTo(3);
    assertThat(log()).isEqualTo("error database " + db.urlVia(proxy.port()) + ": Connection to 127.0.0.1:" + proxy.port() + REFUSED + START_FIX);
  }

  @Test
  void aNodeStartedWhileTheDatabaseNeverAnswersGivesUpAfterTheLoginTimeoutWithOneErrorLine() throws Exception {
    proxy.park();
    Instant started = Instant.now();
    node = start();
    // The log-in timeout is 10 s; without it the node waited a minute for the socket timeout.
    assertThat(node.waitFor(40, TimeUnit.SECONDS)).as("exits").isTrue();
    assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(node.exitValue()).isEqualTo(3);
    assertThat(log()).isEqualTo("error database " + db.urlVia(proxy.port()) + ": Connection attempt timed out." + START_FIX);
  }

  /** What the node logs, once, when it finds the database refusing connections. */
  private String outageLine() {
    return "error database " + db.urlVia(proxy.port()) + ": Connection to 127.0.0.1:" + proxy.port() + REFUSED
        + "; check that PostgreSQL is running and reachable; this node keeps running"
        + " (crawls under way go on, no new run starts) and retries until it answers";
  }

  private void article(int i) {
    server.stubFor(get("/news/" + i).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<html lang=en><head><title>Story " + i + "</title></head><body><article>"
            + "<h1>Daily story number " + i + "</h1><p class=date>" + i + " October 2024</p><div class=body>"
            + "<p>Paragraph one of daily story " + i + ", long enough to count as the body of an article.</p>"
            + "<p>Paragraph two of daily story " + i + " says something else again.</p></div></article></body></html>")));
  }

  private void listing(int articles) {
    StringBuilder html = new StringBuilder("<html><head><title>Daily</title></head><body><ul>");
    for (int i = 1; i <= articles; i++) html.append("<li><a href='/news/").append(i).append("'>Story ").append(i).append("</a></li>");
    server.stubFor(get("/news/").willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(html.append("</ul></body></html>").toString())));
  }

  private Process start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "news-archiver.jar");
    String classPath = Files.isRegularFile(jar) ? jar.toString() : System.getProperty("java.class.path");
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", classPath, "org.newsarchiver.cli.Main", "run", "--cluster", "--node-id", "node-1", "--db-url", db.urlVia(proxy.port()),
        "--db-user", db.user(), "--threads", "2", "--reload-interval", "1s", "--quartz", root.resolve("quartz.properties").toString(),
        "--allow-private", "--sites", root.resolve("sites").toString(), "--archive", root.resolve("archive").toString());
    pb.environment().put("NEWS_ARCHIVER_DB_PASSWORD", db.password());
    return pb.redirectErrorStream(true).redirectOutput(root.resolve("node.log").toFile()).start();
  }

  private String log() {
    try {
      return Files.readString(root.resolve("node.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The messages of the node's log lines at these levels, in order. */
  private List<String> messages(String... levels) {
    List<String> wanted = List.of(levels);
    return log().lines().map(LOG_LINE::matcher).filter(Matcher::matches).filter(m -> wanted.contains(m.group(1)))
        .map(m -> m.group(2)).toList();
  }

  /** Start and finish of each complete run, from the site's {@code state/runs.csv}. */
  private static List<Instant[]> runs(Path archive) {
    Path csv = archive.resolve(SITE).resolve("state").resolve("runs.csv");
    if (!Files.exists(csv)) return List.of();
    try {
      return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank())
          .map(l -> l.split(",", -1)).map(c -> new Instant[] {Instant.parse(c[0]), Instant.parse(c[1])}).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
