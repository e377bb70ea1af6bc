package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the routes need of an HTTP API (payload v2) event: method, decoded path segments, query parameters, lower-case
 * headers, body bytes, whether API Gateway authorised the caller with IAM, and the API's base URL.
 */
record ApiRequest(
    String method,
    String rawPath,
    List<String> segments,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    boolean iamAuthorised,
    String baseUrl) {

  static ApiRequest of(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    String method = context != null && context.getHttp() != null && context.getHttp().getMethod() != null
        ? context.getHttp().getMethod().toUpperCase(Locale.ROOT) : "GET";
    String rawPath = event.getRawPath() != null ? event.getRawPath()
        : context != null && context.getHttp() != null && context.getHttp().getPath() != null
            ? context.getHttp().getPath() : "/";
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getHeaders() != null) {
      headers.putAll(event.getHeaders());
    }
    Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
        : Map.copyOf(event.getQueryStringParameters());
    boolean iam = context != null && context.getAuthorizer() != null && context.getAuthorizer().getIam() != null;
    return new ApiRequest(method, rawPath, segments(rawPath), query, headers, body(event), iam,
        baseUrl(context, headers));
  }

  /** The body's bytes; API Gateway sends binary bodies base64-encoded. */
  private static byte[] body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    if (event.getIsBase64Encoded()) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(null, "the request body is marked base64 but is not base64");
      }
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * "/webhooks/a%2Fb/test" is ["webhooks", "a/b", "test"]: split first, then percent-decode, so an encoded slash stays
   * inside its segment. No normalisation: "/webhooks/" is not "/webhooks".
   */
  static List<String> segments(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    List<String> out = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      out.add(percentDecode(s));
    }
    return out;
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '%') {
        if (k + 2 >= s.length()) {
          throw ApiException.badRequest("path", "incomplete percent escape in the path");
        }
        try {
          bytes.write(HexFormat.fromHexDigits(s, k + 1, k + 3));
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("path", "bad percent escape in the path");
        }
        k += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("path", "the path is not UTF-8 after percent-decoding");
    }
  }

  /**
   * "https://abc123.execute-api.eu-west-1.amazonaws.com": the domain API Gateway reports (not the Host header, which
   * the client chooses), with the scheme it forwarded; a local server passes its own.
   */
  private static String baseUrl(APIGatewayV2HTTPEvent.RequestContext context, Map<String, String> headers) {
    String host = context != null && context.getDomainName() != null && !context.getDomainName().isBlank()
        ? context.getDomainName() : headers.getOrDefault("host", "localhost");
    String proto = headers.getOrDefault("x-forwarded-proto", "https");
    return (proto.equalsIgnoreCase("http") ? "http" : "https") + "://" + host;
  }

  String header(String name) {
    return headers.get(name);
  }
}
