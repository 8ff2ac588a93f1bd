package dev.towerline.testkit;

import dev.towerline.spec.ContractDocuments;
import dev.towerline.testkit.internal.Allowances;
import dev.towerline.testkit.internal.ContractModel;
import dev.towerline.testkit.internal.FrameCheck;
import dev.towerline.testkit.internal.HttpExchange;
import dev.towerline.testkit.internal.ResponseCheck;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Checks what a server sends against the contract and throws {@link ContractViolation} when the
 * contract does not allow it.
 *
 * <p>For an HTTP answer, the request's path is matched to the path templates of openapi.yaml
 * (literal segments before templated ones; HEAD is checked as GET without a body). Then:
 *
 * <ul>
 *   <li>the status must be documented for that operation (the violation lists the documented
 *       ones);
 *   <li>the {@code Content-Type} (parameters such as charset ignored) must be one of that
 *       response's media types, and a JSON body must fit the media type's schema; other media
 *       types must not be empty;
 *   <li>each header the response declares must fit its schema when present ({@code Retry-After}
 *       an integer), and {@code X-Request-Id} (or a header declared {@code required}) must be
 *       present;
 *   <li>a 4xx/5xx {@code error.code} must be documented with that very status in {@code
 *       schemas/error-code.json} {@code x-error-codes};
 *   <li>a request outside the contract (no such path, or not with this method) may only be
 *       answered 404 or 405 with a valid {@code ErrorEnvelope} and {@code X-Request-Id};
 *   <li>a feed's address (a channel of asyncapi.yaml) answers over plain HTTP only when it refuses
 *       the handshake: 4xx/5xx with a valid {@code ErrorEnvelope}, {@code X-Request-Id}, and a code
 *       documented with that status.
 * </ul>
 *
 * <p>A WebSocket frame must be a JSON object whose {@code type} is the name of one of the
 * messages of the channel at that address, and fit that message's payload schema.
 *
 * <p>Instances are immutable and thread-safe; {@link #forBundledContract()} reads the contract
 * once per JVM. Typical use is through {@link ValidatingHttpClient}:
 *
 * <pre>{@code
 * ValidatingHttpClient http = ValidatingHttpClient.create(ContractValidator.forBundledContract());
 * HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build()); // checked
 * }</pre>
 */
public final class ContractValidator {
  private final ContractModel contract;
  private final Allowances allowances;

  private ContractValidator(ContractModel contract, Allowances allowances) {
    this.contract = contract;
    this.allowances = allowances;
  }

  /** The validator of the contract in the api-spec jar on the classpath, read once and shared. */
  public static ContractValidator forBundledContract() {
    return Bundled.VALIDATOR;
  }

  /** A validator of another copy of the contract, e.g. {@code ContractDocuments.inDirectory(...)}. */
  public static ContractValidator forContract(ContractDocuments documents) {
    return new ContractValidator(ContractModel.read(documents), Allowances.NONE);
  }

  /**
   * A validator that also accepts 501 with an ErrorEnvelope whose code is {@code NOT_IMPLEMENTED}
   * from operations that do not document 501: a temporary allowance while a server build does
   * not serve every operation yet. Everything else is checked as before.
   */
  public ContractValidator allowingNotImplemented() {
    return new ContractValidator(contract, allowances.withNotImplemented());
  }

  /**
   * A validator for a server extended with test-only resources under {@code pathPrefix} (e.g.
   * {@code /test/}): their answers are outside the contract, so only the envelope rules apply to
   * their 4xx/5xx (ErrorEnvelope, {@code X-Request-Id}, code documented with that status).
   *
   * @throws IllegalArgumentException unless the prefix starts and ends with {@code /}
   */
  public ContractValidator allowingTestRoutes(String pathPrefix) {
    if (!pathPrefix.startsWith("/") || !pathPrefix.endsWith("/") || pathPrefix.length() < 3) {
      throw new IllegalArgumentException("pathPrefix must look like /test/: " + pathPrefix);
    }
    return new ContractValidator(contract, allowances.withTestRoutes(pathPrefix));
  }

  /** Checks a response received by {@link java.net.http.HttpClient}, with its request's method and URI. */
  public void checkResponse(HttpResponse<String> response) {
    checkResponse(
        response.request().method(),
        response.uri(),
        response.statusCode(),
        response.headers().map(),
        response.body());
  }

  /**
   * Checks one answer.
   *
   * @param uri the request URI; only its raw path counts
   * @param body nullable; null or empty when the answer has none
   * @throws ContractViolation naming every problem
   */
  public void checkResponse(String method, URI uri, int status, Map<String, List<String>> headers, String body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    check(new HttpExchange(method, path, status, headers, body));
  }

  /**
   * Checks one answer to a request target written as sent, e.g. {@code /api/v1/devices?page_size=2}
   * or a raw {@code /api/v1/devices/%zz} that {@link URI} would refuse.
   *
   * @param body nullable; null or empty when the answer has none
   * @throws ContractViolation naming every problem
   */
  public void checkResponse(String method, String target, int status, Map<String, List<String>> headers, String body) {
    check(new HttpExchange(method, rawPath(target), status, headers, body));
  }

  /**
   * Checks one frame the server sent on a feed.
   *
   * @param feed the channel address, e.g. {@code /api/v1/ws/devices}; a query or a whole {@code
   *     ws://} URI is accepted too
   * @throws ContractViolation naming the channel and the JSON pointer
   */
  public void checkFrame(String feed, String json) {
    throwIfAny(FrameCheck.problems(contract, rawPath(feed), json));
  }

  private void check(HttpExchange exchange) {
    throwIfAny(ResponseCheck.problems(contract, allowances, exchange));
  }

  private static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ContractViolation(problems);
    }
  }

  /** The path of a request target: scheme and authority, query and fragment dropped. */
  private static String rawPath(String target) {
    String path = target;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash >= 0 ? path.substring(slash) : "/";
    }
    int end = path.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = path.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return path.substring(0, end);
  }

  /** Lazy holder: the bundled contract is read on first use, once, safely across threads. */
  private static final class Bundled {
    static final ContractValidator VALIDATOR =
        new ContractValidator(ContractModel.read(ContractDocuments.bundled()), Allowances.NONE);
  }
}
