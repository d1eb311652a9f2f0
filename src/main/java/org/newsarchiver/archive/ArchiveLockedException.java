package org.newsarchiver.archive;

import java.io.IOException;

/** Another process is writing this site's archive; the message names the lock file and its holder. */
public final class ArchiveLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveLockedException(String message) {
    super(message);
  }
}
