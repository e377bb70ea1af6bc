package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.webhook.EndpointPolicy.Mode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointPolicyTest {
  /** A DNS stand-in: no lookups leave the test. */
  static final class FakeResolver implements EndpointPolicy.HostResolver {
    final Map<String, List<String>> answers;
    final List<String> asked = new ArrayList<>();

    FakeResolver(Map<String, List<String>> answers) {
      this.answers = answers;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
      asked.add(host);
      List<String> literals = answers.get(host);
      if (literals == null) {
        throw new UnknownHostException(host);
      }
      return literals.stream().map(InetAddress::ofLiteral).toList();
    }
  }

  private final FakeResolver dns = new FakeResolver(Map.of(
      "hooks.example.com", List.of("8.8.8.8", "2606:4700:4700::1111"),
      "internal.example.com", List.of("10.1.2.3"),
      "metadata.example.com", List.of("169.254.169.254"),
      "mixed.example.com", List.of("8.8.4.4", "192.168.1.10"),
      "v6-private.example.com", List.of("fd00::1"),
      "mapped.example.com", List.of("::ffff:127.0.0.1"),
      "localhost", List.of("127.0.0.1", "::1")));
  private final EndpointPolicy deployed = new EndpointPolicy(Mode.DEPLOYED, dns);
  private final EndpointPolicy local = new EndpointPolicy(Mode.LOCAL, dns);

  @Test
  void publicHttpsHostPassesWithEveryAddressChecked() throws Exception {
    var checked = deployed.check(URI.create("https://hooks.example.com/services/x"));
    assertEquals(2, checked.addresses().size());
    assertEquals(List.of("hooks.example.com"), dns.asked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.0.1", "127.0.0.1", "127.8.9.10",
      "169.254.169.254", "169.254.0.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "224.0.0.1",
      "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.192", "203.0.113.5",
      "[::1]", "[::]", "[fe80::1]", "[febf::1]", "[fc00::1]", "[fd12:3456::1]", "[ff02::1]",
      "[::ffff:10.0.0.1]", "[::ffff:a9fe:a9fe]", "[::ffff:127.0.0.1]", "[::10.0.0.1]", "[64:ff9b::a9fe:a9fe]",
      "[64:ff9b::7f00:1]", "[2002:0a00:0001::1]", "[2002:a9fe:a9fe::]", "[2001:db8::1]", "[fec0::1]",
      "2130706433"})
  void forbiddenLiteralAddressesAreRefusedWithoutDns(String host) {
    var e = assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("https://" + host + "/h")));
    assertTrue(e.getMessage().contains("which is"), e.getMessage());
    assertEquals(List.of(), dns.asked, "literal addresses need no lookup");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "[2606:4700::1111]",
      "[64:ff9b::808:808]", "[2002:0808:0808::1]"})
  void publicLiteralAddressesPass(String host) throws Exception {
    assertEquals(1, deployed.check(URI.create("https://" + host + "/h")).addresses().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.1", "0x7f.1", "1.2.3.4.5"})
  void hostsTheUriParserCannotReadAreRefused(String host) {
    // java.net.URI finds no host here (a numeric top label), and neither could HttpClient connect.
    var e = assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("https://" + host + "/")));
    assertTrue(e.getMessage().contains("no valid host"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x7f000001", "017700000001"})
  void ambiguousNumericHostsAreRefused(String host) {
    var e = assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("https://" + host + "/")));
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"internal.example.com", "metadata.example.com", "mixed.example.com",
      "v6-private.example.com", "mapped.example.com", "localhost"})
  void hostNamesResolvingToForbiddenAddressesAreRefused(String host) {
    var e = assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("https://" + host + "/")));
    assertTrue(e.getMessage().startsWith("webhook host " + host + " resolves to "), e.getMessage());
  }

  @Test
  void messagesNameTheRangeButNotThePath() {
    var e = assertThrows(ForbiddenEndpointException.class,
        () -> deployed.check(URI.create("https://metadata.example.com/secret-token-123")));
    assertEquals("webhook host metadata.example.com resolves to 169.254.169.254, which is link-local "
        + "(169.254.0.0/16, cloud metadata)", e.getMessage());
  }

  @Test
  void deployedModeIsHttpsOnly() {
    var e = assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("http://8.8.8.8/x")));
    assertTrue(e.getMessage().contains("https only"), e.getMessage());
    assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("ftp://hooks.example.com/x")));
    assertThrows(ForbiddenEndpointException.class, () -> deployed.check(URI.create("http://127.0.0.1:8080/x")));
  }

  @Test
  void localModeAllowsLoopbackAndHttpOnlyToLoopback() throws Exception {
    local.check(URI.create("http://127.0.0.1:8080/x"));
    local.check(URI.create("http://[::1]:8080/x"));
    local.check(URI.create("http://localhost:8080/x"));
    local.check(URI.create("https://hooks.example.com/x"));
    var e = assertThrows(ForbiddenEndpointException.class, () -> local.check(URI.create("http://8.8.8.8/x")));
    assertTrue(e.getMessage().contains("only to loopback"), e.getMessage());
    assertThrows(ForbiddenEndpointException.class, () -> local.check(URI.create("http://10.0.0.1/x")));
    assertThrows(ForbiddenEndpointException.class, () -> local.check(URI.create("https://internal.example.com/")));
  }

  @Test
  void userInfoAndMissingHostsAreRefused() {
    assertThrows(ForbiddenEndpointException.class,
        () -> deployed.check(URI.create("https://user:pw@hooks.example.com/x")));
    var e = assertThrows(ForbiddenEndpointException.class,
        () -> deployed.check(URI.create("https://bad_host.example.com/x")));
    assertTrue(e.getMessage().contains("no valid host"), e.getMessage());
  }

  @Test
  void unknownHostsAreReportedAsSuch() {
    assertThrows(UnknownHostException.class, () -> deployed.check(URI.create("https://nowhere.example.net/x")));
  }
}
