package com.capexalerts.core.alert;

/** A history cursor that was not issued by the history, was altered, or belongs to another query. */
public final class InvalidCursorException extends IllegalArgumentException {
  public InvalidCursorException(String message) {
    super(message);
  }
}
