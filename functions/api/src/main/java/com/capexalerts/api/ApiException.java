package com.capexalerts.api;

/**
 * A request the API answers with an error status and {@code {"error":{"field":…,"reason":…}}}.
 *
 * @see ApiResponses#error
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String field;

  ApiException(int status, String field, String reason) {
    super(reason);
    this.status = status;
    this.field = field;
  }

  /** 400 about one input field (or the body, when {@code field} is null). */
  static ApiException badRequest(String field, String reason) {
    return new ApiException(400, field, reason);
  }

  static ApiException notFound(String field, String reason) {
    return new ApiException(404, field, reason);
  }

  int status() {
    return status;
  }

  /** The request field at fault, or null. */
  String field() {
    return field;
  }

  String reason() {
    return getMessage();
  }
}
