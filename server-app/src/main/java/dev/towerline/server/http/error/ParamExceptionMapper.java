package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.InvalidParameterValueException;
import dev.towerline.server.text.UnicodeText;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ParamException;

/**
 * A path, query or header value could not be converted: 400 {@code INVALID_PARAMETER} naming the
 * parameter, echoing its value and saying what it accepts. (Jersey's own answer would be a bare
 * 404 for query and path parameters.)
 */
@jakarta.ws.rs.ext.Provider
public final class ParamExceptionMapper implements ExceptionMapper<ParamException> {

  // Echo at most this much of a value back to the client.
  private static final int MAX_ECHO_LENGTH = 128;

  private final ErrorResponses errors;
  private final Provider<ContainerRequest> request;

  @Inject
  public ParamExceptionMapper(ErrorResponses errors, Provider<ContainerRequest> request) {
    this.errors = errors;
    this.request = request;
  }

  @Override
  public Response toResponse(ParamException exception) {
    String name = exception.getParameterName();
    String reason = reason(exception.getCause());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("parameter", name);
    String value = valueOf(exception, request.get());
    if (value != null) {
      details.put(
          "value",
          UnicodeText.printable(value.length() > MAX_ECHO_LENGTH ? value.substring(0, MAX_ECHO_LENGTH) : value));
    }
    details.put("reason", reason);
    return errors.envelope(ErrorCode.INVALID_PARAMETER, name + " " + reason, details).build();
  }

  private static String reason(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof InvalidParameterValueException invalid) {
        return invalid.reason();
      }
      if (c instanceof NumberFormatException) {
        // Only Jersey's conversion of integer parameters throws this here.
        return "must be an integer";
      }
    }
    return "is not a valid value";
  }

  private static String valueOf(ParamException exception, ContainerRequest request) {
    String name = exception.getParameterName();
    Class<?> source = exception.getParameterType();
    if (source == QueryParam.class) {
      return request.getUriInfo().getQueryParameters().getFirst(name);
    }
    if (source == PathParam.class) {
      return request.getUriInfo().getPathParameters().getFirst(name);
    }
    if (source == HeaderParam.class) {
      return request.getHeaderString(name);
    }
    return null;
  }
}
