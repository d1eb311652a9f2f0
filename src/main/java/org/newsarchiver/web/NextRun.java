package org.newsarchiver.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The next fire time of a site's cron {@code schedule} after a moment (null: never); given by the caller, so the scheduler library stays in its own package. */
@FunctionalInterface
public interface NextRun {
  @Nullable Instant after(String schedule, Instant now);
}
