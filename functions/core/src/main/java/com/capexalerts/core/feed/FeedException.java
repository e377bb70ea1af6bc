package com.capexalerts.core.feed;

/** A whole feed could not be read (not XML, truncated, forbidden DTD, ...). The message names the feed and why. */
public class FeedException extends Exception {
  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }

  public FeedException(String message) {
    super(message);
  }
}
