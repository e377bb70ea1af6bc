package com.capexalerts.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver on 127.0.0.1 that sends its status line and headers at once, then its body one byte every 300 ms: the
 * answer is decided at once, the exchange takes seconds.
 */
final class SlowBodyReceiver implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger requests = new AtomicInteger();
  private final int status;

  SlowBodyReceiver(int status) throws IOException {
    this.status = status;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    executor.submit(() -> {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          executor.submit(() -> answer(s));
        } catch (IOException closed) {
          return null;
        }
      }
      return null;
    });
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/slow");
  }

  int requests() {
    return requests.get();
  }

  private Void answer(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      String head = readHead(in);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      in.readNBytes(length);
      requests.incrementAndGet();
      String body = "slow body ".repeat(3);
      out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (byte b : body.getBytes(StandardCharsets.US_ASCII)) {
        out.write(b);
        out.flush();
        Thread.sleep(300);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client hung up: expected once it has its answer
    }
    return null;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    executor.shutdownNow();
  }
}
