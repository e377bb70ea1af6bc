package com.capexalerts.core.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SSRF guard: decides whether a webhook URL may be contacted. Webhook URLs are chosen by subscribers, so without
 * this anyone could make our Lambda POST to the cloud metadata service (169.254.169.254), to services inside our VPC,
 * or to localhost.
 *
 * <p>Rules. {@link Mode#DEPLOYED}: https only; every address the host resolves to must be public (not private,
 * loopback, link-local, unspecified, CGNAT, multicast, reserved or documentation ranges, nor an IPv6 form that embeds
 * such an IPv4 address). {@link Mode#LOCAL} (local runs and tests): also allows loopback addresses, and http, but
 * http only when every address is loopback. No URL may carry user info (credentials would be sent in clear to a
 * redirect target and logged). Any port is allowed: receivers legitimately use 8443 and the like, and the address
 * rules already keep us off internal networks.
 *
 * <p>The check runs after DNS resolution, on every address returned: a hostname that resolves to both a public and a
 * private address is refused. {@link WebhookDeliverer} runs it before every request, including each redirect hop.
 *
 * <p>DNS rebinding trade-off: java.net.http.HttpClient resolves the host again when it connects, and offers no way to
 * connect to an address we pass in while keeping TLS hostname verification for the name. So a hostile DNS server
 * could answer our check with a public address and the connect with a private one. This window is small in practice:
 * with the default resolver both lookups go through the JVM's positive DNS cache (networkaddress.cache.ttl, 30 s by
 * default), so the connect, which follows the check within milliseconds, gets the answer we checked. Closing it fully
 * needs a JVM-wide resolver (java.net.spi.InetAddressResolverProvider) that applies this policy, or an egress
 * proxy/VPC without routes to private ranges; the deployed Lambda should run outside a VPC (it then has no route to
 * private addresses anyway), which makes this guard a second line of defence.
 */
public final class EndpointPolicy {

  /** Where the deliverer runs. */
  public enum Mode {
    DEPLOYED,
    LOCAL
  }

  /** Host name to addresses. The default asks the JVM's resolver (and so shares its cache with HttpClient). */
  @FunctionalInterface
  public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
      return host -> List.of(InetAddress.getAllByName(host));
    }
  }

  /** A URL that passed the policy and the addresses it was checked against. */
  public record CheckedEndpoint(URI uri, List<InetAddress> addresses) {
    public CheckedEndpoint {
      Objects.requireNonNull(uri, "uri");
      addresses = List.copyOf(addresses);
    }
  }

  private final Mode mode;
  private final HostResolver resolver;

  public EndpointPolicy(Mode mode, HostResolver resolver) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  public static EndpointPolicy deployed() {
    return new EndpointPolicy(Mode.DEPLOYED, HostResolver.system());
  }

  public static EndpointPolicy local() {
    return new EndpointPolicy(Mode.LOCAL, HostResolver.system());
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Checks {@code uri}. Throws {@link ForbiddenEndpointException} when the URL must never be contacted, and
   * {@link UnknownHostException} when its host does not resolve now (which may be temporary).
   */
  public CheckedEndpoint check(URI uri) throws ForbiddenEndpointException, UnknownHostException {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    String where = host == null ? "webhook URL" : "webhook host " + host;
    if (!scheme.equals("https") && !(scheme.equals("http") && mode == Mode.LOCAL)) {
      throw new ForbiddenEndpointException(where + ": scheme '" + scheme + "' is not allowed ("
          + (mode == Mode.LOCAL ? "https, or http to loopback" : "https only") + ")");
    }
    if (host == null || host.isEmpty()) {
      throw new ForbiddenEndpointException("webhook URL has no valid host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ForbiddenEndpointException(where + ": URLs with user info (credentials) are not allowed");
    }
    List<InetAddress> addresses = addressesOf(host);
    boolean allLoopback = true;
    for (InetAddress address : addresses) {
      Optional<String> reason = reasonForbidden(address);
      boolean loopback = reason.filter(r -> r.startsWith(LOOPBACK)).isPresent();
      allLoopback &= loopback;
      if (reason.isPresent() && !(loopback && mode == Mode.LOCAL)) {
        throw new ForbiddenEndpointException(
            where + " resolves to " + address.getHostAddress() + ", which is " + reason.get());
      }
    }
    if (scheme.equals("http") && !allLoopback) {
      throw new ForbiddenEndpointException(where + ": http is allowed only to loopback addresses; use https");
    }
    return new CheckedEndpoint(uri, addresses);
  }

  private List<InetAddress> addressesOf(String host) throws ForbiddenEndpointException, UnknownHostException {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return List.of(InetAddress.ofLiteral(bare));
    } catch (IllegalArgumentException notALiteral) {
      // Fall through: a name, or a number Java does not read as an address.
    }
    try {
      // "0x7f000001", "017700000001": C resolvers read these as 127.0.0.1, Java does not. Refuse the ambiguity.
      Inet4Address posix = Inet4Address.ofPosixLiteral(bare);
      throw new ForbiddenEndpointException("webhook host " + host + " is an ambiguous numeric address (may mean "
          + posix.getHostAddress() + "); write addresses in dotted decimal form");
    } catch (IllegalArgumentException notNumeric) {
      // A host name.
    }
    List<InetAddress> resolved = resolver.resolve(bare);
    if (resolved == null || resolved.isEmpty()) {
      throw new UnknownHostException(host + ": no addresses");
    }
    return resolved;
  }

  // ---- address classification ------------------------------------------------------------------------------------

  private static final String LOOPBACK = "loopback";

  /** A CIDR block with why it is refused. */
  private record Block(byte[] prefix, int bits, String reason) {
    static Block of(String cidr, String reason) {
      int slash = cidr.indexOf('/');
      return new Block(InetAddress.ofLiteral(cidr.substring(0, slash)).getAddress(),
          Integer.parseInt(cidr.substring(slash + 1)), reason);
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      if (!Arrays.equals(address, 0, full, prefix, 0, full)) {
        return false;
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }

  private static final List<Block> IPV4 = List.of(
      Block.of("0.0.0.0/8", "unspecified (\"this network\")"),
      Block.of("10.0.0.0/8", "private (10.0.0.0/8)"),
      Block.of("100.64.0.0/10", "carrier-grade NAT (100.64.0.0/10)"),
      Block.of("127.0.0.0/8", LOOPBACK + " (127.0.0.0/8)"),
      Block.of("169.254.0.0/16", "link-local (169.254.0.0/16, cloud metadata)"),
      Block.of("172.16.0.0/12", "private (172.16.0.0/12)"),
      Block.of("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
      Block.of("192.0.2.0/24", "documentation (192.0.2.0/24)"),
      Block.of("192.168.0.0/16", "private (192.168.0.0/16)"),
      Block.of("198.18.0.0/15", "benchmarking (198.18.0.0/15)"),
      Block.of("198.51.100.0/24", "documentation (198.51.100.0/24)"),
      Block.of("203.0.113.0/24", "documentation (203.0.113.0/24)"),
      Block.of("224.0.0.0/4", "multicast (224.0.0.0/4)"),
      Block.of("240.0.0.0/4", "reserved or broadcast (240.0.0.0/4)"));

  private static final List<Block> IPV6 = List.of(
      Block.of("::/128", "unspecified (::)"),
      Block.of("::1/128", LOOPBACK + " (::1)"),
      Block.of("::/96", "an IPv4-compatible IPv6 address (::/96, deprecated)"),
      Block.of("64:ff9b:1::/48", "local-use NAT64 (64:ff9b:1::/48)"),
      Block.of("100::/64", "discard-only (100::/64)"),
      Block.of("2001::/32", "Teredo (2001::/32)"),
      Block.of("2001:db8::/32", "documentation (2001:db8::/32)"),
      Block.of("fc00::/7", "unique local (fc00::/7)"),
      Block.of("fe80::/10", "link-local (fe80::/10)"),
      Block.of("fec0::/10", "site-local (fec0::/10, deprecated)"),
      Block.of("ff00::/8", "multicast (ff00::/8)"));

  /** IPv6 ranges that carry an IPv4 address: the embedded address decides. Offsets of the 4 IPv4 bytes. */
  private static final List<Block> EMBEDS_IPV4_AT_12 = List.of(
      Block.of("::ffff:0:0/96", "IPv4-mapped"), Block.of("64:ff9b::/96", "NAT64"));

  private static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4");

  /** Why {@code address} must not be contacted, or empty when it is a public unicast address. */
  public static Optional<String> reasonForbidden(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return firstMatch(IPV4, bytes);
    }
    if (!(address instanceof Inet6Address)) {
      return Optional.of("not an IP address");
    }
    for (Block embedding : EMBEDS_IPV4_AT_12) {
      if (embedding.contains(bytes)) {
        return embedded(embedding.reason(), Arrays.copyOfRange(bytes, 12, 16));
      }
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return embedded(SIX_TO_FOUR.reason(), Arrays.copyOfRange(bytes, 2, 6));
    }
    return firstMatch(IPV6, bytes);
  }

  private static Optional<String> embedded(String form, byte[] ipv4) {
    // Never treated as loopback, even in local mode: local receivers listen on plain 127.0.0.1 or ::1.
    return firstMatch(IPV4, ipv4).map(reason -> "the " + form + " form of " + ipv4String(ipv4) + ", " + reason);
  }

  private static String ipv4String(byte[] b) {
    return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
  }

  private static Optional<String> firstMatch(List<Block> blocks, byte[] bytes) {
    return blocks.stream().filter(b -> b.contains(bytes)).map(Block::reason).findFirst();
  }
}
