package com.capexalerts.core.alert;

/**
 * A message that is not a readable alert document (not JSON, another schema version, a field missing or of the wrong
 * type). Permanent: delivering the same bytes again cannot help, so consumers drop or park such a message instead of
 * retrying it.
 */
public final class MalformedAlertException extends Exception {
  public MalformedAlertException(String message) {
    super(message);
  }
}
