package org.newsarchiver.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a redirect or discovered link may not reach. */
class AddressGuardTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
    "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:192.168.1.1", "::ffff:127.0.0.1", "ff02::1"
  })
  void blocksLocalAndPrivateAddresses(String ip) throws Exception {
    assertThat(AddressGuard.isBlocked(InetAddress.getByName(ip))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "172.15.255.255", "100.128.0.1", "11.0.0.1",
    "2606:4700::1111", "::ffff:8.8.8.8"})
  void allowsPublicAddresses(String ip) throws Exception {
    assertThat(AddressGuard.isBlocked(InetAddress.getByName(ip))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1, 10.0.0.1", "::1, 0:0:0:0:0:0:0:1", "2130706433, 127.0.0.1", "127.1, 127.0.0.1"})
  void readsIpLiteralsWithoutLookup(String host, String address) {
    assertThat(AddressGuard.literal(host).getHostAddress()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.org", "localhost", "news.example", "a1.example"})
  void treatsHostNamesAsNoLiteral(String host) {
    assertThat(AddressGuard.literal(host)).isNull();
  }
}
