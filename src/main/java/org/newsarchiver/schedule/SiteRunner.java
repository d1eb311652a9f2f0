package org.newsarchiver.schedule;

import java.util.function.BooleanSupplier;

/** Runs one pass over one site for a scheduled job; {@code stop} turns true when the job should end early. */
@FunctionalInterface
public interface SiteRunner {
  void run(String site, BooleanSupplier stop) throws Exception;
}
