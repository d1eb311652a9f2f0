package org.newsarchiver.fetch;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.RequestSettings;

/** The User-Agent we send: the tool, its version and the operator's contact URL, so admins can reach us. */
public final class UserAgent {
  public static final String VERSION = version();

  private UserAgent() {}

  public static String of(RequestSettings settings) {
    if (settings.userAgent() != null) return settings.userAgent();
    return of(settings.contactUrl());
  }

  public static String of(@Nullable URI contact) {
    String base = "news-archiver/" + VERSION;
    return contact == null ? base : base + " (+" + contact + ")";
  }

  private static String version() {
    String v = UserAgent.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
