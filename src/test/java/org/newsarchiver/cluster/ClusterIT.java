package org.newsarchiver.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveRow;
import org.newsarchiver.archive.ArticlesCsv;
import org.newsarchiver.cli.Main;

/**
 * Three nodes, each its own JVM, share six sites through one PostgreSQL: every due run executes
 * exactly once, a node killed with SIGKILL mid-crawl has its run finished by another node, site
 * configs added and removed on the shared directory change the cluster's jobs, another node takes
 * over reconciling when the reconciler stops, and the archive they leave passes {@code verify}
 * with every article once.
 */
class ClusterIT {
  static final List<String> FAST = List.of("alpha", "bravo", "charlie", "delta", "echo");
  static final String SLOW = "slow";
  static final int FAST_ARTICLES = 3;
  static final int SLOW_ARTICLES = 6;
  static final int SLOW_DELAY_MS = 1500;
  /** Fast sites fire at :05, :15, ...; the slow one at :00 and :30, so a kill at its start misses theirs. */
  static final String FAST_CRON = "5/10 * * * * ?";
  static final int FAST_PERIOD = 10;
  static final String SLOW_CRON = "0/30 * * * * ?";
  static final int SLOW_PERIOD = 30;

  @TempDir Path root;
  WireMockServer server;
  TestDatabase db;
  final Map<String, Process> nodes = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    db = TestDatabase.fresh();
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(any(urlMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(404)));
    for (String site : FAST) serve(site, FAST_ARTICLES, 0);
    serve(SLOW, SLOW_ARTICLES, SLOW_DELAY_MS);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : nodes.values()) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    // Kept for a failed run's diagnosis (the temporary directory goes).
    Path logs = Files.createDirectories(Path.of("target", "cluster-it-logs"));
    for (String node : nodes.keySet())
      if (Files.exists(root.resolve(node + ".log")))
        Files.copy(root.resolve(node + ".log"), logs.resolve(node + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (server != null) server.stop();
    if (db != null) db.drop();
  }

  private void serve(String site, int articles, int delayMs) {
    StringBuilder listing = new StringBuilder("<html><head><title>" + site + "</title></head><body><ul>");
    for (int i = 1; i <= articles; i++) {
      listing.append("<li><a href='/").append(site).append("/news/").append(i).append("'>Story ").append(i).append("</a></li>");
      server.stubFor(get("/" + site + "/news/" + i).willReturn(aResponse().withFixedDelay(delayMs)
          .withHeader("Content-Type", "text/html; charset=utf-8")
          .withBody("<html lang=en><head><title>" + site + " story " + i + "</title></head><body><article>"
              + "<h1>" + site + " story number " + i + "</h1><p class=date>" + i + " October 2024</p><div class=body>"
              + "<p>Paragraph one of " + site + " story " + i + ", long enough to count as the body of an article.</p>"
              + "<p>Paragraph two of " + site + " story " + i + " says something else again.</p></div></article></body></html>")));
    }
    server.stubFor(get("/" + site + "/news/").willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(listing.append("</ul></body></html>").toString())));
  }

  private void writeConfig(Path sites, String site, String cron) throws IOException {
    Files.writeString(sites.resolve(site + ".yaml"), "name: " + site + "\nbase_url: " + server.baseUrl() + "/\n"
        + "start_pages: [/" + site + "/news/]\narticle_pattern: '/" + site + "/news/\\d+$'\n"
        + "selectors:\n  title: [h1]\n  date: [.date]\n  body: [.body]\n"
        + "dates:\n  formats: ['d MMMM yyyy']\n  locale: en\n"
        + "request:\n  delay: 0s\n  retries: 0\n"
        + "schedule: '" + cron + "'\n");
  }

  @Test
  void threeNodesRunEveryDueRunOnceAndRecoverTheRunOfAKilledNode() throws Exception {
    Path sites = Files.createDirectories(root.resolve("sites"));
    Path archive = root.resolve("archive");
    for (String site : FAST.subList(0, FAST.size() - 1)) writeConfig(sites, site, FAST_CRON);
    writeConfig(sites, SLOW, SLOW_CRON);
    Path quartz = root.resolve("quartz.properties");
    // Check in every second and claim triggers at most a second ahead, so the test sees recovery soon.
    Files.writeString(quartz, "org.quartz.jobStore.clusterCheckinInterval=1000\norg.quartz.scheduler.idleWaitTime=1000\n");
    for (int i = 1; i <= 3; i++) nodes.put("node-" + i, start("node-" + i, sites, archive, quartz));

    // A site added on the shared config directory becomes one job, scheduled once for the cluster.
    // The nodes create the Quartz tables themselves: until one has, the query fails.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(SQLException.class).until(() -> triggers().size() == FAST.size());
    String added = FAST.get(FAST.size() - 1);
    writeConfig(sites, added, FAST_CRON);
    await().atMost(Duration.ofSeconds(30)).until(() -> triggers().contains(added));
    assertThat(triggers()).containsExactly("alpha", "bravo", "charlie", "delta", "echo", "slow");

    // Kill the node that runs the slow site once its crawl is under way.
    String[] victim = new String[1];
    await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(100)).until(() -> {
      victim[0] = executing(SLOW);
      return victim[0] != null && !server.findAll(getRequestedFor(urlMatching("/slow/news/\\d+"))).isEmpty();
    });
    String status = statusCluster();
    assertThat(status.lines()).contains("  nodes:      3", "  sites:      6")
        .anyMatch(l -> l.matches("    slow: last fired \\S+Z, next \\S+Z, running on " + victim[0] + " since \\S+Z"));
    for (String node : nodes.keySet())
      assertThat(status.lines()).anyMatch(l -> l.matches("    " + node + ": last check-in \\S+Z, every 1000 ms, alive"));
    Instant killedAt = Instant.now();
    nodes.get(victim[0]).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    // Another node re-runs it to the end: a complete run of the slow site started after the kill.
    await().atMost(Duration.ofSeconds(60)).until(() -> runs(archive, SLOW).stream().anyMatch(r -> r.isAfter(killedAt)));
    String recoveredBy = nodes.keySet().stream().filter(n -> !n.equals(victim[0]))
        .filter(n -> log(n).contains("site slow: re-running a run interrupted by the death of its node")).findFirst().orElseThrow();
    assertThat(recoveredBy).isNotEqualTo(victim[0]);

    // Let every site run a few more slots, then stop the reconciler: one of the nodes left takes over.
    await().atMost(Duration.ofSeconds(45)).until(() -> FAST.stream().allMatch(s -> runs(archive, s).size() >= 3));
    String reconciler = reconciler(statusCluster());
    assertThat(nodes.get(reconciler).isAlive()).as(reconciler + " reconciles and is alive").isTrue();
    nodes.get(reconciler).destroy();
    assertThat(nodes.get(reconciler).waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> alive = nodes.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    assertThat(alive).hasSize(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> alive.get(0).equals(reconciler(statusCluster())));

    // Removing the configs removes the cluster's jobs, through the new reconciler.
    try (Stream<Path> files = Files.list(sites)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> triggers().isEmpty() && firedCount() == 0);
    for (Process p : nodes.values()) if (p.isAlive()) p.destroy();
    for (Process p : nodes.values()) assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    List<String> logs = nodes.keySet().stream().map(this::log).toList();
    assertThat(String.join("\n", logs)).doesNotContain("error locked").doesNotContain("re-running a run interrupted by the death of its node (on node " + victim[0]);
    for (String site : FAST) assertRunsOncePerSlot(archive, site, FAST_PERIOD, 5, 3, recoveries(logs, site));
    assertRunsOncePerSlot(archive, SLOW, SLOW_PERIOD, 0, 1, 1);

    for (String site : FAST) assertArchivedOnce(archive, site, FAST_ARTICLES);
    assertArchivedOnce(archive, SLOW, SLOW_ARTICLES);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    writeAllConfigs(sites);
    int code = Main.run(new String[] {"verify", "--sites", sites.toString(), "--archive", archive.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(out + "\n" + err).isZero();
  }

  private void writeAllConfigs(Path sites) throws IOException {
    for (String site : FAST) writeConfig(sites, site, FAST_CRON);
    writeConfig(sites, SLOW, SLOW_CRON);
  }

  /**
   * Each complete run falls in its own cron slot (no slot ran twice, on any node), the slots from the
   * first to the last have no gap (none lost), runs never overlap (never two writers), and the site's
   * listing was requested once per run plus once per run cut short by a kill and recovered.
   */
  private void assertRunsOncePerSlot(Path archive, String site, int period, int offset, int minRuns, int recovered) {
    List<Instant[]> runs = runRows(archive, site);
    assertThat(runs).as(site + " runs").hasSizeGreaterThanOrEqualTo(minRuns);
    TreeSet<Long> slots = new TreeSet<>();
    for (Instant[] r : runs) slots.add(Math.floorDiv(r[0].getEpochSecond() - offset, period));
    assertThat(slots).as(site + ": one run per slot").hasSize(runs.size());
    assertThat(slots.last() - slots.first() + 1).as(site + ": no slot without its run").isEqualTo(runs.size());
    for (int i = 1; i < runs.size(); i++)
      assertThat(runs.get(i)[0]).as(site + ": run " + i + " starts after the one before ended").isAfterOrEqualTo(runs.get(i - 1)[1]);
    int listings = server.findAll(getRequestedFor(urlEqualTo("/" + site + "/news/"))).size();
    assertThat(listings).as(site + ": listing fetches = complete runs + recovered runs").isEqualTo(runs.size() + recovered);
  }

  private static int recoveries(List<String> logs, String site) {
    String marker = "site " + site + ": re-running a run interrupted";
    return (int) logs.stream().flatMap(String::lines).filter(l -> l.contains(marker)).count();
  }

  private void assertArchivedOnce(Path archive, String site, int articles) throws IOException {
    List<ArchiveRow> rows = new ArticlesCsv(archive.resolve(site).resolve("articles.csv")).readAll();
    assertThat(rows).extracting(ArchiveRow::url).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, articles).mapToObj(i -> server.baseUrl() + "/" + site + "/news/" + i).toList());
  }

  private Process start(String node, Path sites, Path archive, Path quartz) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of("target", "news-archiver.jar");
    String classPath = Files.isRegularFile(jar) ? jar.toString() : System.getProperty("java.class.path");
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", classPath, "org.newsarchiver.cli.Main", "run", "--cluster", "--node-id", node, "--db-url", db.url(),
        "--db-user", db.user(), "--threads", "3", "--reload-interval", "1s", "--quartz", quartz.toString(),
        "--allow-private", "--sites", sites.toString(), "--archive", archive.toString());
    pb.environment().put("NEWS_ARCHIVER_DB_PASSWORD", db.password());
    return pb.redirectErrorStream(true).redirectOutput(root.resolve(node + ".log").toFile()).start();
  }

  private String log(String node) {
    try {
      return Files.readString(root.resolve(node + ".log"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String statusCluster() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"status", "--cluster", "--db-url", db.url(), "--db-user", db.user(),
        "--db-password", db.password(), "--sites", root.resolve("sites").toString(), "--archive", root.resolve("archive").toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  private static String reconciler(String status) {
    return status.lines().filter(l -> l.startsWith("  reconciler: ")).map(l -> l.substring("  reconciler: ".length()))
        .findFirst().orElseThrow();
  }

  private List<String> triggers() throws SQLException {
    return strings("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'sites' ORDER BY trigger_name");
  }

  private String executing(String site) throws SQLException {
    List<String> n = strings("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = '" + site + "' AND state = 'EXECUTING'");
    return n.isEmpty() ? null : n.get(0);
  }

  private int firedCount() throws SQLException {
    return strings("SELECT entry_id FROM qrtz_fired_triggers").size();
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (r.next()) out.add(r.getString(1));
      return out;
    }
  }

  private static List<Instant> runs(Path archive, String site) {
    return runRows(archive, site).stream().map(r -> r[0]).toList();
  }

  /** Start and finish of each complete run, from the site's {@code state/runs.csv}. */
  private static List<Instant[]> runRows(Path archive, String site) {
    Path csv = archive.resolve(site).resolve("state").resolve("runs.csv");
    if (!Files.exists(csv)) return List.of();
    try {
      return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank())
          .map(l -> l.split(",", -1)).map(c -> new Instant[] {Instant.parse(c[0]), Instant.parse(c[1])}).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
