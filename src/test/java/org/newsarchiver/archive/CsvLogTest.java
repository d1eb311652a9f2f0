package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {
  @TempDir Path dir;

  @Test
  void readsEveryWholeRowAndLeavesOutARowTornByACrash() throws IOException {
    CsvLog log = new CsvLog(dir.resolve("read_counts.csv"), RevisitLog.READ_COUNT_COLUMNS);
    log.append(List.of("a-1", "https://example.org/a", "2024-10-28T10:00:00Z", 726));
    log.append(List.of("b-2", "https://example.org/b, \"quoted\"", "2024-10-28T11:00:00Z", ""));
    Files.writeString(dir.resolve("read_counts.csv"), "c-3,https://example.org/c,2024-10-2",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    assertThat(log.rows()).containsExactly(
        List.of("a-1", "https://example.org/a", "2024-10-28T10:00:00Z", "726"),
        List.of("b-2", "https://example.org/b, \"quoted\"", "2024-10-28T11:00:00Z", ""));
  }

  @Test
  void streamsALogLongerThanItsReadWindowWhoseTornTailIsLongerThanTheWindow() throws IOException {
    CsvLog log = new CsvLog(dir.resolve("read_counts.csv"), RevisitLog.READ_COUNT_COLUMNS);
    Instant t = Instant.parse("2024-10-28T10:00:00Z");
    for (int i = 0; i < 500; i++) log.append(List.of("id-" + i, "https://example.org/" + i, t.plusSeconds(i).toString(), i));
    Files.writeString(dir.resolve("read_counts.csv"), "x".repeat(20_000), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    List<List<String>> seen = new ArrayList<>();
    log.forEach(seen::add);

    assertThat(seen).hasSize(500);
    assertThat(seen.get(499)).containsExactly("id-499", "https://example.org/499", t.plusSeconds(499).toString(), "499");
  }

  @Test
  void aMissingOrHeaderOnlyLogHasNoRows() throws IOException {
    CsvLog log = new CsvLog(dir.resolve("versions.csv"), RevisitLog.VERSION_COLUMNS);
    assertThat(log.rows()).isEmpty();
    Files.writeString(dir.resolve("versions.csv"), "id,version,observed_at,sha256,words_added,words_removed\n");
    assertThat(log.rows()).isEmpty();
  }
}
