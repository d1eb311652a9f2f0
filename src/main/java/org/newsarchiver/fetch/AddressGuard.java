package org.newsarchiver.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Says which addresses a fetch must not reach unless the user named them: loopback, link-local
 * (169.254/16, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), unspecified, multicast
 * and carrier-grade NAT (100.64/10) addresses, IPv4-mapped IPv6 forms included. Stateless and
 * thread-safe. Not a firewall: it checks what our own fetches resolve and connect to.
 */
public final class AddressGuard {
  private AddressGuard() {}

  /** Whether a fetch that the user did not name directly must refuse this address. */
  public static boolean isBlocked(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress mapped = ipv4Mapped(b);
      if (mapped != null) return isBlocked(mapped);
      if ((b[0] & 0xfe) == 0xfc) return true; // fc00::/7 unique local
    }
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0) return true; // 0/8 "this network"
      if (b0 == 100 && (b1 & 0xc0) == 64) return true; // 100.64/10 carrier-grade NAT
      if (b0 == 255) return true; // broadcast
    }
    return a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress();
  }

  /**
   * The address of a host that OkHttp treats as an IP literal and so never passes to {@link Dns}
   * ({@code 10.0.0.1}, {@code ::1}, also {@code 2130706433}), or null for a host name. No lookup.
   *
   * @param host as {@link HttpUrl#host()} gives it: IPv6 without brackets
   */
  public static @Nullable InetAddress literal(String host) {
    if (!IP_LIKE.matcher(host).matches()) return null;
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** OkHttp's own test for "can parse as an IP address". */
  private static final Pattern IP_LIKE = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

  private static @Nullable InetAddress ipv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) if (b[i] != 0) return null;
    if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) return null;
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** A {@link Dns} that resolves with the system and refuses names that lead to a blocked address. */
  static final Dns GUARDED_DNS =
      hostname -> {
        List<InetAddress> all = Dns.SYSTEM.lookup(hostname);
        for (InetAddress a : all) {
          if (isBlocked(a)) throw new BlockedAddressException(hostname, a);
        }
        return all;
      };

  /** A host name or address that the guard refused; an {@link UnknownHostException} for OkHttp's sake. */
  static final class BlockedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    BlockedAddressException(String host, InetAddress address) {
      super(describe(host, address));
    }

    static String describe(String host, InetAddress address) {
      String ip = address.getHostAddress();
      if (host.equalsIgnoreCase(ip) || host.contains(":")) return "private or local address " + host + " refused; pass --allow-private to permit it";
      String how = literal(host) != null ? " means" : " resolves to";
      return host + how + " private or local address " + ip + ", refused; pass --allow-private to permit it";
    }
  }
}
