package dev.towerline.server.site;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * {@code /docs/…} and {@code /dashboard/…} as static files, {@code /} to the dashboard. Folder URLs
 * without their slash redirect to it, so the pages' relative links resolve. A missing file is the
 * usual 404 {@code ROUTE_NOT_FOUND} envelope. Pages may load only what this server serves
 * ({@link #CONTENT_SECURITY_POLICY}): a page that tried to fetch from elsewhere would fail in the
 * browser, not leak the visit.
 */
@Singleton
@Path("/")
public final class SiteResource {
  static final String DOCS = "/docs/";
  static final String DASHBOARD = "/dashboard/";
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  private final SiteContent content;

  @Inject
  public SiteResource(SiteContent content) {
    this.content = content;
  }

  @GET
  public Response root(@Context Request request) {
    // Only "/" itself: Jersey also routes the asterisk form ("GET * HTTP/1.1") here.
    if (!"/".equals(request.getRequestURI())) {
      throw new NotFoundException();
    }
    return redirect(DASHBOARD);
  }

  @GET
  @Path("docs")
  public Response docsFolder() {
    return redirect(DOCS);
  }

  @GET
  @Path("docs/{file: .*}")
  public Response docs(@PathParam("file") String file) {
    return serve(content.docs(file), DOCS + file);
  }

  @GET
  @Path("dashboard")
  public Response dashboardFolder() {
    return redirect(DASHBOARD);
  }

  @GET
  @Path("dashboard/{file: .*}")
  public Response dashboard(@PathParam("file") String file) {
    return serve(content.dashboard(file), DASHBOARD + file);
  }

  private static Response serve(Optional<StaticFile> file, String path) {
    StaticFile found = file.orElseThrow(() -> new ApiException(
        ErrorCode.ROUTE_NOT_FOUND, "No page or file exists at " + path, Map.of("path", path)));
    return Response.ok(found.content(), found.mediaType())
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .build();
  }

  // A path-only Location: the browser stays on the host and port it used.
  private static Response redirect(String path) {
    return Response.status(Response.Status.FOUND).location(URI.create(path)).build();
  }
}
