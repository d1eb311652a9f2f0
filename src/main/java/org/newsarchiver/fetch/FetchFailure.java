package org.newsarchiver.fetch;

/** Why a fetch failed, as the one word that error lines and the CSV of failures carry. */
public enum FetchFailure {
  TIMEOUT("timeout"),
  REFUSED("refused"),
  DNS("dns"),
  RESET("reset"),
  TOO_LARGE("too-large"),
  TOO_MANY_REDIRECTS("too-many-redirects"),
  HTTP_4XX("http-4xx"),
  HTTP_5XX("http-5xx"),
  NOT_HTML("not-html"),
  BAD_URL("bad-url"),
  BLOCKED_ADDRESS("blocked-address"),
  OFF_SITE("off-site"),
  IO("io");

  private final String label;

  FetchFailure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
