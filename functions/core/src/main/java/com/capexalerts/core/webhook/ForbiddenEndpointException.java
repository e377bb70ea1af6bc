package com.capexalerts.core.webhook;

/**
 * A webhook URL (or a redirect target) that we refuse to send to. Permanent: retrying cannot fix it. The message names
 * the host and the reason, never the path or query (chat webhook URLs carry their token there).
 */
public final class ForbiddenEndpointException extends Exception {
  public ForbiddenEndpointException(String message) {
    super(message);
  }
}
