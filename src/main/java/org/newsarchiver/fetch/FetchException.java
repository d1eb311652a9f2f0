package org.newsarchiver.fetch;

import java.io.IOException;
import java.net.URI;

/** A fetch that gave no usable response; carries the URL, the cause and a short detail. */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient URI url;
  private final FetchFailure failure;
  private final int status;

  public FetchException(URI url, FetchFailure failure, String detail) {
    this(url, failure, detail, 0, null);
  }

  public FetchException(URI url, FetchFailure failure, String detail, int status, Throwable cause) {
    super(detail, cause);
    this.url = url;
    this.failure = failure;
    this.status = status;
  }

  public URI url() {
    return url;
  }

  public FetchFailure failure() {
    return failure;
  }

  /** The HTTP status for http-4xx / http-5xx, else 0. */
  public int status() {
    return status;
  }
}
