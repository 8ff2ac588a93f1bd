package dev.towerline.server.http;

/**
 * Thrown by this package's parameter converters; {@link #reason()} says what the parameter
 * accepts. Deliberately not an {@link IllegalArgumentException}: Jersey replaces a parameter whose
 * converter throws one of those with its default value, silently accepting garbage, while any
 * other exception becomes a {@code ParamException} that is answered with a 400 envelope.
 */
public final class InvalidParameterValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidParameterValueException(String reason) {
    super(reason, null, false, false);
  }

  /** What the parameter accepts, e.g. "must be one of online, offline". */
  public String reason() {
    return getMessage();
  }
}
