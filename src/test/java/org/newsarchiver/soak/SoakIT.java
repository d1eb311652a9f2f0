package org.newsarchiver.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak of issue 6 in the build: {@link SoakMain} crawls 50,000 pages from a loopback server in
 * a JVM of its own capped at 256 MiB, and the heap after a GC and the open file descriptors it
 * prints every 10,000 articles must stay flat.
 */
class SoakIT {
  private static final int PAGES = 50_000;
  private static final int REPORT = 10_000;
  private static final Pattern SAMPLE = Pattern.compile(
      "archived\\s+(\\d+) articles\\s+[\\d.]+ s\\s+heap used\\s+([\\d.]+) MiB\\s+open fds (\\d+)");

  record Sample(int articles, double heapMiB, int fds) {}

  @Test
  void fiftyThousandPagesKeepHeapAndFileDescriptorsFlat() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        SoakMain.class.getName(), Integer.toString(PAGES), Integer.toString(REPORT))
        .redirectErrorStream(true).start();
    String out;
    try {
      out = assertTimeoutPreemptively(Duration.ofMinutes(12),
          () -> new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    System.out.println(out); // the figures, for the CI log
    assertThat(p.exitValue()).as(out).isZero();

    List<Sample> samples = new ArrayList<>();
    Matcher m = SAMPLE.matcher(out);
    while (m.find()) samples.add(new Sample(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
        Integer.parseInt(m.group(3))));
    assertThat(samples).extracting(Sample::articles).containsExactly(10_000, 20_000, 30_000, 40_000, 50_000);
    assertThat(out).contains("soak: ").contains(" 50000 new").contains(" 0 failed");

    // Flat: the lookup index's page cache (16 MiB) fills in the first tens of thousands of rows; an
    // index held in the heap, as before, grew by about 6 MiB per 10,000 rows without end.
    double first = samples.get(0).heapMiB();
    double most = samples.stream().mapToDouble(Sample::heapMiB).max().orElseThrow();
    assertThat(most - first).as("heap growth after the first 10,000 articles, MiB\n" + out).isLessThan(32);
    int fewestFds = samples.stream().mapToInt(Sample::fds).min().orElseThrow();
    int mostFds = samples.stream().mapToInt(Sample::fds).max().orElseThrow();
    assertThat(mostFds - fewestFds).as("open file descriptors\n" + out).isLessThanOrEqualTo(4);
  }
}
