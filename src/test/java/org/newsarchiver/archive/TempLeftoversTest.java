package org.newsarchiver.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of writes a kill interrupted are removed when the site is next opened. */
class TempLeftoversTest {
  @TempDir Path root;

  @Test
  void openingASiteRemovesTemporaryFilesLeftByAKilledRun() throws Exception {
    Path month = Files.createDirectories(root.resolve("news/2024/10"));
    Path leftText = Files.writeString(month.resolve(".story-0123456789ab.txt.5f3a" + AtomicFiles.TEMP_SUFFIX), "half");
    Path leftCsv = Files.writeString(root.resolve("news/.articles.csv.77" + AtomicFiles.TEMP_SUFFIX), "id,");
    Path keep = Files.writeString(month.resolve("notes.part.txt"), "not ours");
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(archive.size()).isZero();
    }
    assertThat(leftText).doesNotExist();
    assertThat(leftCsv).doesNotExist();
    assertThat(keep).exists();
  }

  @Test
  void aSiteOpenAfterAKillIsSearchedForLeftoversButOneClosedCleanlyIsNot() throws Exception {
    Path cleanClose = root.resolve("news/state/" + SiteArchive.CLEAN_CLOSE);
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(cleanClose).doesNotExist(); // were this run killed now, the next open would search
    }
    assertThat(cleanClose).exists();

    // Only a killed run leaves temporary files; after a clean close the open skips the walk over
    // every text file (seconds for a large site), so a file planted by hand stays for verify to report.
    Path planted = Files.writeString(Files.createDirectories(root.resolve("news/2024/10"))
        .resolve(".story-0123456789ab.txt.5f3a" + AtomicFiles.TEMP_SUFFIX), "half");
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(cleanClose).doesNotExist();
    }
    assertThat(planted).exists();

    Files.delete(cleanClose); // as a kill would leave it
    try (SiteArchive archive = SiteArchive.open(root, "news")) {
      assertThat(planted).doesNotExist();
    }
  }
}
