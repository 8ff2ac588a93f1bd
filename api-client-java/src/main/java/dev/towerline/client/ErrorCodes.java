package dev.towerline.client;

import dev.towerline.protocol.ErrorCode;
import java.util.Optional;

final class ErrorCodes {

  private ErrorCodes() {}

  /** The spec's code for {@code value}; empty for null or a code newer than this SDK. */
  static Optional<ErrorCode> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (ErrorCode code : ErrorCode.values()) {
      if (code.value().equals(value)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }
}
