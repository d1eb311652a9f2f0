package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every low-level exception becomes one failure word and a short human detail. */
class FailureMapperTest {
  private static final URI URL = URI.create("https://news.example/a");

  static Stream<Arguments> cases() throws Exception {
    return Stream.of(
        Arguments.of(new UnknownHostException("cdn.example"), false, FetchFailure.DNS, "unknown host cdn.example"),
        Arguments.of(new ConnectException("Failed to connect to /1.2.3.4:443"), false, FetchFailure.REFUSED, "connection refused"),
        Arguments.of(new SocketTimeoutException("Connect timed out"), false, FetchFailure.TIMEOUT,
            "no connection within 500 ms (connect timeout)"),
        Arguments.of(new SocketTimeoutException("timeout"), true, FetchFailure.TIMEOUT, "no data for 300 ms (read timeout)"),
        Arguments.of(new SocketException("Connection reset"), true, FetchFailure.RESET, "connection reset by the server"),
        Arguments.of(new SocketException("Broken pipe"), true, FetchFailure.RESET, "connection reset by the server"),
        Arguments.of(new ProtocolException("unexpected end of stream"), true, FetchFailure.RESET,
            "connection closed before the response was complete"),
        Arguments.of(new IOException("unexpected end of stream on https://news.example/...", new EOFException()), true,
            FetchFailure.RESET, "connection closed before the response was complete"),
        Arguments.of(new AddressGuard.BlockedAddressException("intranet.example", InetAddress.getByName("10.1.1.1")), false,
            FetchFailure.BLOCKED_ADDRESS, "intranet.example resolves to private or local address 10.1.1.1, refused; pass --allow-private to permit it"),
        Arguments.of(new IOException("wrapped", new AddressGuard.BlockedAddressException("::1", InetAddress.getByName("::1"))),
            true, FetchFailure.BLOCKED_ADDRESS, "private or local address ::1 refused; pass --allow-private to permit it"),
        Arguments.of(new IOException("something odd"), true, FetchFailure.IO, "IOException: something odd"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void mapsExceptionToFailureAndDetail(IOException e, boolean connected, FetchFailure failure, String detail) {
    FetchException f = FailureMapper.map(URL, "cdn.example", e, TestSettings.SHORT, connected);

    assertThat(f.failure()).isEqualTo(failure);
    assertThat(f.getMessage()).isEqualTo(detail);
    assertThat(f.url()).isEqualTo(URL);
    assertThat(f.getCause()).isSameAs(e);
  }
}
