package com.capexalerts.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Endpoints as the listings show them: enough to recognise one, not enough to harvest addresses or steal a token.
 * E-mail "a***@example.com", phone "+49*******5678", URL "https://hooks.example.com/…" (chat webhook URLs carry their
 * token in the path). Other endpoints (queue or function ARNs) name our own resources and are shown as they are.
 */
final class EndpointMask {
  private EndpointMask() {}

  static String mask(String endpoint) {
    if (endpoint == null || endpoint.isEmpty()) {
      return endpoint;
    }
    int at = endpoint.lastIndexOf('@');
    if (at > 0 && !endpoint.contains("://")) {
      return endpoint.charAt(0) + "***" + endpoint.substring(at);
    }
    if (endpoint.startsWith("+")) {
      int visible = endpoint.length() > 9 ? 4 : 2;
      return endpoint.substring(0, 3) + "*".repeat(Math.max(0, endpoint.length() - 3 - visible))
          + endpoint.substring(endpoint.length() - visible);
    }
    if (endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
      return url(endpoint);
    }
    return endpoint;
  }

  /** Scheme, host and port; the path and query are hidden. */
  static String url(String url) {
    try {
      URI uri = new URI(url);
      String hostPort = uri.getHost() == null ? "?" : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return uri.getScheme() + "://" + hostPort + "/…";
    } catch (URISyntaxException e) {
      return "(unreadable URL)";
    }
  }
}
