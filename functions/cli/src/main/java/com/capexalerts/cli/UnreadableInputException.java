package com.capexalerts.cli;

/** An input file, URL or feed could not be read at all. */
final class UnreadableInputException extends RuntimeException {
  UnreadableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
