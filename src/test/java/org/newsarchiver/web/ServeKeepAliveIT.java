package org.newsarchiver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM, as a user runs it, answers requests on a kept-alive connection at
 * once: the JDK server writes headers and body separately, and without TCP_NODELAY each body would
 * wait for the client's delayed ACK (40 ms on Linux) on every request after the first.
 */
class ServeKeepAliveIT {
  static final int REQUESTS = 300;
  static final Pattern SERVING = Pattern.compile("serving .* at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)");

  @TempDir Path root;

  @Test
  void answersRequestsOnOneConnectionWithoutWaitingForDelayedAcks() throws Exception {
    FixtureArchive.write(root);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.newsarchiver.cli.Main", "serve", "--port", "0",
        "--archive", FixtureArchive.archive(root).toString(), "--sites", FixtureArchive.sites(root).toString())
        .redirectErrorStream(true).start();
    try {
      String base = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
          Matcher m = SERVING.matcher(line);
          if (m.matches()) return m.group(1);
        }
        throw new AssertionError("serve ended without serving, exit " + p.waitFor());
      });
      OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
      Request request = new Request.Builder().url(base + "api/sites").build();
      String first;
      try (Response r = client.newCall(request).execute()) { // also warms the server up
        assertThat(r.code()).isEqualTo(200);
        first = r.body().string();
      }
      long start = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        try (Response r = client.newCall(request).execute()) {
          assertThat(r.code()).isEqualTo(200);
          assertThat(r.body().string()).isEqualTo(first);
        }
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(client.connectionPool().connectionCount()).as("one kept-alive connection").isEqualTo(1);
      // Waiting 40 ms for each ACK, 300 requests could not take under 12 s; answered at once they
      // take 1 to 4 s; 9 s leaves room for a busy machine.
      assertThat(millis).as("%d requests on one connection, in ms", REQUESTS).isLessThan(9_000);
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }
  }
}
