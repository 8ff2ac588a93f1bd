package dev.towerline.client;

/** The request carried no valid credentials ({@code UNAUTHENTICATED}, 401) or they do not allow it ({@code FORBIDDEN}, 403). */
public class NotAuthorizedException extends TowerlineException {

  private static final long serialVersionUID = 1L;

  NotAuthorizedException(ServerError error) {
    super(error);
  }
}
