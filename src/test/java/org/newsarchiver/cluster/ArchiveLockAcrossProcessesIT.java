package org.newsarchiver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchiver.archive.ArchiveLock;
import org.newsarchiver.archive.ArchiveLockedException;

/**
 * The per-site archive lock is the operating system's (the file server's on a shared mount), so it
 * holds between processes, names its holder, and is freed, not stolen, when the holder is killed.
 */
class ArchiveLockAcrossProcessesIT {
  @TempDir Path archive;

  @Test
  void aLockHeldByAnotherProcessIsRefusedNamingItsHolderAndFreedWhenThatProcessIsKilled() throws Exception {
    Path site = archive.resolve("news");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        site.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held " + holder.pid());
      String host = InetAddress.getLocalHost().getHostName();
      assertThatThrownBy(() -> ArchiveLock.acquire(site))
          .isInstanceOf(ArchiveLockedException.class)
          .hasMessageStartingWith(site.resolve(".lock") + ": archive is locked by pid@host " + holder.pid() + "@" + host + " since ")
          .hasMessageEndingWith("; wait for that run to end or stop it");
    } finally {
      holder.destroyForcibly();
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    try (ArchiveLock mine = ArchiveLock.acquire(site)) {
      assertThat(mine).isNotNull();
    }
  }
}
