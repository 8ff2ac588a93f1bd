package dev.towerline.diff;

/** The command was asked something it cannot do: a missing file, a file that is no contract, an unknown git ref. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
