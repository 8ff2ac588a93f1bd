package dev.towerline.client;

/**
 * The request carried no valid credentials ({@code UNAUTHENTICATED}, 401) or they do not allow it ({@code FORBIDDEN}, 403).
 *
 * <pre>{@code
 * try {
 *   towerline.createExecution(serial, "reboot");
 * } catch (NotAuthorizedException e) {
 *   System.err.println(e.errorCode().orElse("-") + ": check TOWERLINE_TOKEN and its role");
 * }
 * }</pre>
 */
public class NotAuthorizedException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  NotAuthorizedException(ServerError error) {
    super(error);
  }
}
