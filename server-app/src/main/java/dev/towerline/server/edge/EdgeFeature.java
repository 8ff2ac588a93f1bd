package dev.towerline.server.edge;

import dev.towerline.server.edge.cors.CorsPolicy;
import dev.towerline.server.edge.cors.CorsPreflightFilter;
import dev.towerline.server.edge.cors.CorsResponseFilter;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.edge.ratelimit.RateLimitFilter;
import dev.towerline.server.edge.ratelimit.RateLimits;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.inject.AbstractBinder;

/** The edge's part of the REST application: CORS, rate limits and public {@code Location} headers. */
public final class EdgeFeature implements Feature {

  private final EdgeConfig config;
  private final RateLimits limits;
  private final CorsResponseHeaders corsHeaders;

  public EdgeFeature(EdgeConfig config, RateLimits limits) {
    this.config = config;
    this.limits = limits;
    this.corsHeaders = new CorsResponseHeaders(config.cors());
  }

  /** The CORS headers of every answer; the fast paths put the same ones on theirs. */
  public CorsResponseHeaders corsHeaders() {
    return corsHeaders;
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(config.cors()).to(CorsPolicy.class);
            bind(corsHeaders).to(CorsResponseHeaders.class);
            bind(limits).to(RateLimits.class);
          }
        });
    context.register(CorsPreflightFilter.class);
    context.register(CorsResponseFilter.class);
    context.register(RateLimitFilter.class);
    config.publicBaseUrl().ifPresent(url -> context.register(new PublicLocationFilter(url)));
    return true;
  }
}
