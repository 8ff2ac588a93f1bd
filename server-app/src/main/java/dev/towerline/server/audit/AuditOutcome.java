package dev.towerline.server.audit;

import dev.towerline.protocol.ErrorCode;

/**
 * How an audited action ended.
 *
 * @param status the HTTP status answered; null for actions outside HTTP
 * @param errorCode the error's code; null on success
 */
public record AuditOutcome(Result result, Integer status, ErrorCode errorCode) {

  /** {@code succeeded} (2xx), {@code refused} (4xx), {@code failed} (5xx or an action that did not complete). */
  public enum Result {
    SUCCEEDED,
    REFUSED,
    FAILED;

    /** The name in the contract ({@code AuditOutcome.result}). */
    public String contractName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The outcome of an HTTP request answered with {@code status} (and {@code errorCode}, null on success). */
  public static AuditOutcome ofHttp(int status, ErrorCode errorCode) {
    Result result = status >= 500 ? Result.FAILED : status >= 400 ? Result.REFUSED : Result.SUCCEEDED;
    return new AuditOutcome(result, status, errorCode);
  }

  /** An action outside HTTP that completed. */
  public static AuditOutcome succeeded() {
    return new AuditOutcome(Result.SUCCEEDED, null, null);
  }

  /** An action outside HTTP that did not complete, with the code that says why (null when none fits). */
  public static AuditOutcome failed(ErrorCode errorCode) {
    return new AuditOutcome(Result.FAILED, null, errorCode);
  }
}
