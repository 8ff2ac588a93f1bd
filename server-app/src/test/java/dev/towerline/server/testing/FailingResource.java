package dev.towerline.server.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Test-only resource whose handler fails the way a bug would. */
@Path("/test/failure")
public final class FailingResource {

  /** Text the client must never see. */
  public static final String SECRET = "jdbc:postgresql://db.internal/towerline?password=hunter2";

  @GET
  @Produces("application/json")
  public String fail() {
    throw new IllegalStateException("Cannot connect to " + SECRET);
  }
}
