package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.api.ApiHandler;
import com.capexalerts.cli.state.FileAnnouncementHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local API over raw sockets: what a curl typo, a stalled client or a too-large upload gets. */
@Timeout(30)
class LocalApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path state;
  private ApiHandler handler;
  private LocalApiServer server;

  @BeforeEach
  void start() throws Exception {
    handler = ApiHandler.builder(new FileAnnouncementHistory(state)).requireIamForManagement(false).build();
    server = LocalApiServer.start(handler, 0, new PrintWriter(new StringWriter()), Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    server.close();
    handler.close();
  }

  /** Sends {@code request} as is and returns everything the server wrote before closing. */
  private String exchange(String request) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static JsonNode body(String response) throws Exception {
    return JSON.readTree(response.substring(response.lastIndexOf("\r\n\r\n") + 4));
  }

  @Test
  void aMalformedEscapeGetsTheDocumentedJsonError() throws Exception {
    String r = exchange("GET /announcements/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(400, status(r), r);
    assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), r);
    assertEquals("path", body(r).at("/error/field").asText(), r);
  }

  @Test
  void aDeclaredBodyThatNeverComesGets408() throws Exception {
    long start = System.nanoTime();
    String r = exchange("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"url\":");
    assertEquals(408, status(r), r);
    assertTrue(body(r).at("/error/reason").asText().contains("did not arrive within 1 s"), r);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
  }

  @Test
  void anOversizedBodyIs413WithoutA100Continue() throws Exception {
    String r = exchange("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 50000\r\nExpect: 100-continue\r\n\r\n");
    assertEquals(413, status(r), r);
    assertTrue(!r.contains("100 Continue"), r);
    assertTrue(body(r).at("/error/reason").asText().contains("at most 16384"), r);
  }

  @Test
  void aSmallBodyWithExpectGets100ContinueAndItsAnswer() throws Exception {
    String r = exchange("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n{}");
    assertTrue(r.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 "), r);
    assertTrue(body(r).at("/error/reason").asText().contains("webhooks are not configured"), "the handler's: " + r);
  }
}
