package dev.towerline.spec;

/**
 * One violation of the contract's rules, located by file and JSON pointer, e.g. {@code
 * api-spec/openapi.yaml#/paths/~1api~1v1~1devices/get: operation has no operationId}.
 */
public record Problem(String file, String pointer, String message) {

  @Override
  public String toString() {
    return file + "#" + pointer + ": " + message;
  }
}
