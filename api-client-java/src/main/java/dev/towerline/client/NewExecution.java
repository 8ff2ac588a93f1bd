package dev.towerline.client;

/**
 * A command to run, for {@link TowerlineClient#createExecution(NewExecution)}.
 *
 * <pre>{@code
 * NewExecution run = NewExecution.of("emulator-5554", "getprop").withTimeoutSeconds(60);
 * }</pre>
 *
 * @param timeoutSeconds null: the server's default
 * @param idempotencyKey null: the SDK makes one (a random UUID) for this call and sends it on
 *     every retry, so a create whose answer was lost runs once. Give your own to make a retry
 *     of your own (after a crash, say) safe too.
 */
public record NewExecution(String deviceSerial, String command, Integer timeoutSeconds, String idempotencyKey) {

  public static NewExecution of(String deviceSerial, String command) {
    return new NewExecution(deviceSerial, command, null, null);
  }

  public NewExecution withTimeoutSeconds(Integer timeoutSeconds) {
    return new NewExecution(deviceSerial, command, timeoutSeconds, idempotencyKey);
  }

  public NewExecution withIdempotencyKey(String idempotencyKey) {
    return new NewExecution(deviceSerial, command, timeoutSeconds, idempotencyKey);
  }
}
