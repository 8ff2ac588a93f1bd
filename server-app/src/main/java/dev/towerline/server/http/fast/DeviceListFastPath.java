package dev.towerline.server.http.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.auth.AuthMode;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.edge.ratelimit.RateLimits;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.ClientAddresses;
import dev.towerline.server.http.ContractRequestFilter;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.http.resource.DeviceLists;
import java.util.Optional;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;

/**
 * Answers {@code GET /api/v1/devices}, optionally with {@code page_size}, without Jersey, as
 * Jersey would: the body from the same {@link DeviceLists}, and the headers, access-log line and
 * latency sample of {@link JsonAnswers}. It takes only requests nothing else of the Jersey path
 * could concern: no other parameter (filters, page tokens: the resource's parameter conversions)
 * and a {@code page_size} of plain digits that the contract's own query check accepts, an {@code
 * Accept} that plainly takes JSON; only on a server without tokens (every caller is
 * anonymous, so authentication and roles pass everyone) and only from callers the rate limits
 * take nothing from (whose answers carry no {@code RateLimit} headers). Everything else, {@code
 * HEAD} included, goes to Jersey unchanged.
 */
public final class DeviceListFastPath extends JerseyFastPath {
  static final String OPERATION_ID = "listDevices";
  /** The request path, and the route template the access log names. */
  static final String PATH = "/api/v1/devices";

  private static final String PAGE_SIZE = "page_size=";
  /** More digits than any page size the contract allows; longer values are Jersey's to refuse. */
  private static final int MAX_PAGE_SIZE_DIGITS = 4;

  private final Optional<OperationRules> operation;
  private final RateLimits limits;
  private final DeviceListBodies bodies;

  public DeviceListFastPath(
      HttpHandler jersey,
      RequestContract contract,
      AuthMode auth,
      RateLimits limits,
      DeviceLists lists,
      ObjectMapper json,
      AccessLog accessLog,
      CorsResponseHeaders cors,
      DeprecationHeaders deprecations) {
    super(jersey, PATH, new JsonAnswers(accessLog, cors, deprecations));
    this.operation =
        auth == AuthMode.TOKENS
            ? Optional.empty()
            : contract.operation(OPERATION_ID).filter(DeviceListFastPath::onlyQueryToCheck);
    this.limits = limits;
    this.bodies = new DeviceListBodies(lists, json);
  }

  /** The contract filter would check nothing but the query string, which this path checks too. */
  private static boolean onlyQueryToCheck(OperationRules operation) {
    return operation.parameter("query", "page_size").isPresent()
        && operation.parameters("path").isEmpty()
        && operation.parameters("header").isEmpty()
        && operation.body().isEmpty();
  }

  @Override
  byte[] body(Request request) throws JsonProcessingException {
    String query = request.getQueryString();
    Integer pageSize = query == null || query.isEmpty() ? null : Integer.valueOf(query.substring(PAGE_SIZE.length()));
    return bodies.firstPage(pageSize);
  }

  @Override
  boolean owns(Request request) {
    return operation.isPresent()
        && request.getMethod() == Method.GET
        && PATH.equals(request.getRequestURI())
        && plainQuery(request.getQueryString())
        && JsonAnswers.acceptsJson(request)
        && limits.takesNoRequestFrom(Actor.ANONYMOUS, ClientAddresses.of(request))
        && ContractRequestFilter.acceptsQuery(operation.get(), request.getQueryString());
  }

  /** None, or {@code page_size=} and digits: nothing to decode, nothing the resource converts but a number. */
  private static boolean plainQuery(String query) {
    if (query == null || query.isEmpty()) {
      return true;
    }
    int digits = query.length() - PAGE_SIZE.length();
    if (!query.startsWith(PAGE_SIZE) || digits < 1 || digits > MAX_PAGE_SIZE_DIGITS) {
      return false;
    }
    for (int i = PAGE_SIZE.length(); i < query.length(); i++) {
      char c = query.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
