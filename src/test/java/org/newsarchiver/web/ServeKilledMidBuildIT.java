package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM, killed (SIGKILL, no shutdown hook) while it builds the search index
 * of a large site: the index it leaves is the last batch it committed, and the next {@code serve}
 * opens it, continues from there and ends with one document per row.
 */
class ServeKilledMidBuildIT {
  static final int ROWS = 20_000;
  static final Pattern SERVING = Pattern.compile("serving .* at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)");
  static final Pattern INDEXED = Pattern.compile("\"indexing\":\\{\"indexed\":(\\d+),\"total\":20000}");

  @TempDir Path root;

  @Test
  void aServeKilledMidBuildLeavesItsLastCommitAndTheNextServeContinuesToOneDocumentPerRow() throws Exception {
    LargeSiteArchive.write(root, ROWS);
    Path archive = LargeSiteArchive.archive(root);
    Path log = root.resolve("serve.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.newsarchiver.cli.Main", "serve",
        "--port", "0", "--archive", archive.toString(), "--sites", root.resolve("sites").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AtomicLong seen = new AtomicLong();
    try {
      AtomicReference<String> base = new AtomicReference<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
        Matcher m = SERVING.matcher(Files.readString(log));
        if (m.find()) base.set(m.group(1));
        return base.get() != null || !p.isAlive();
      });
      assertThat(base.get()).as(Files.readString(log)).isNotNull();
      OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
      Request search = new Request.Builder().url(base.get() + "api/articles?q=aardvark").build();
      // the first batch (10,000 rows, or 5 s) is committed and searchable; the build goes on
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
        try (Response r = http.newCall(search).execute()) {
          Matcher m = INDEXED.matcher(r.body().string());
          if (m.find()) seen.set(Long.parseLong(m.group(1)));
          return seen.get() > 0;
        }
      });
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    long committed = LargeSiteArchive.liveDocuments(archive);
    assertThat(committed).as("killed mid-build, after a commit").isBetween(seen.get(), ROWS - 1L);
    assertThat(LargeSiteArchive.liveKeys(archive)).isEqualTo(committed);

    WebServer.Options options = new WebServer.Options(archive, root.resolve("sites"), InetAddress.getLoopbackAddress(), 0, 2,
        Clock.systemUTC(), (schedule, now) -> null);
    try (WebServer server = WebServer.start(options)) {
      WebViewTestClient.awaitIndexed(server);
      assertThat(server.index().written()).as("only the rows the killed serve had not committed").isEqualTo(ROWS - committed);
      assertThat(WebViewTestClient.get(server, "/api/articles?q=aardvark")).startsWith(
          "{\"total\":1,\"page\":1,\"page_size\":20,\"indexing\":null,\"articles\":[{\"site\":\"big-daily\",");
    }
    assertThat(LargeSiteArchive.liveDocuments(archive)).isEqualTo(ROWS);
    assertThat(LargeSiteArchive.liveKeys(archive)).isEqualTo(ROWS);
  }
}
