package dev.towerline.server.http;

import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.grizzly.http.server.Request;

/**
 * The address a request came from, noted on the Grizzly request as it arrives ({@code
 * ClientAddressAddOn}; Jersey's request properties are the Grizzly request's attributes), else
 * asked of its connection once and kept: the rate limit, the access log and the audit all want it,
 * and each injected lookup of the connection costs a walk through the request scope.
 */
public final class ClientAddresses {
  private static final String PROPERTY = ClientAddresses.class.getName() + ".address";
  private static final String NONE = "";

  private ClientAddresses() {}

  /** Called for each Grizzly request before it is served. */
  public static void note(Request request) {
    String address = request.getRemoteAddr();
    request.setAttribute(PROPERTY, address == null ? NONE : address);
  }

  /** The remote address of a request served outside Jersey, or {@code null} when the connection cannot tell. */
  public static String of(Request request) {
    Object noted = request.getAttribute(PROPERTY);
    String address = noted instanceof String known ? known : request.getRemoteAddr();
    return address == null || address.isEmpty() ? null : address;
  }

  /** The remote address, or {@code null} when the connection cannot tell (or is not Grizzly's). */
  public static String of(ContainerRequestContext request, Provider<Request> connection) {
    if (request.getProperty(PROPERTY) instanceof String known) {
      return known.isEmpty() ? null : known;
    }
    String address;
    try {
      address = connection.get().getRemoteAddr();
    } catch (RuntimeException e) {
      address = null; // outside a Grizzly request: no connection to ask
    }
    request.setProperty(PROPERTY, address == null ? NONE : address);
    return address;
  }
}
