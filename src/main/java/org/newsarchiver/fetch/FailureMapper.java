package org.newsarchiver.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.newsarchiver.config.RequestSettings;

/** Maps the IOExceptions of OkHttp and the JDK to a {@link FetchFailure} with a short human detail. Stateless. */
final class FailureMapper {
  private FailureMapper() {}

  /**
   * @param url the URL the caller asked for, which the exception carries
   * @param host the host of the hop that failed (after redirects, not always the URL's)
   * @param connected whether a connection had been made (a timeout before it is a connect timeout)
   */
  static FetchException map(URI url, String host, IOException e, RequestSettings s, boolean connected) {
    if (e instanceof FetchException fe) return fe;
    AddressGuard.BlockedAddressException blocked = find(e, AddressGuard.BlockedAddressException.class);
    if (blocked != null) return new FetchException(url, FetchFailure.BLOCKED_ADDRESS, blocked.getMessage(), 0, e);
    if (e instanceof UnknownHostException) {
      return new FetchException(url, FetchFailure.DNS, "unknown host " + host, 0, e);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return connected && !m.contains("connect")
          ? new FetchException(url, FetchFailure.TIMEOUT, "no data for " + Durations.human(s.readTimeout()) + " (read timeout)", 0, e)
          : new FetchException(url, FetchFailure.TIMEOUT, "no connection within " + Durations.human(s.connectTimeout()) + " (connect timeout)", 0, e);
    }
    if (e instanceof NoRouteToHostException) {
      return new FetchException(url, FetchFailure.REFUSED, "no route to host", 0, e);
    }
    if (e instanceof ConnectException) {
      return new FetchException(url, FetchFailure.REFUSED, "connection refused", 0, e);
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) {
      return new FetchException(url, FetchFailure.RESET, "connection reset by the server", 0, e);
    }
    if (e instanceof EOFException || m.startsWith("unexpected end of stream") || m.contains("\\n not found")) {
      return new FetchException(url, FetchFailure.RESET, "connection closed before the response was complete", 0, e);
    }
    return new FetchException(url, FetchFailure.IO, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, e);
  }

  private static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
      for (Throwable s : c.getSuppressed()) if (type.isInstance(s)) return type.cast(s);
    }
    return null;
  }
}
