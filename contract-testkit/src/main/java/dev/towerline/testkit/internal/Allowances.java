package dev.towerline.testkit.internal;

/**
 * What a validator accepts beyond the contract, each explicitly opted into.
 *
 * @param notImplemented an undocumented 501 whose envelope carries {@code NOT_IMPLEMENTED}
 * @param testRoutePrefix nullable; paths under it belong to test-only resources, for which only
 *     the envelope rules of 4xx/5xx answers apply
 */
public record Allowances(boolean notImplemented, String testRoutePrefix) {
  public static final Allowances NONE = new Allowances(false, null);

  public Allowances withNotImplemented() {
    return new Allowances(true, testRoutePrefix);
  }

  public Allowances withTestRoutes(String prefix) {
    return new Allowances(notImplemented, prefix);
  }
}
