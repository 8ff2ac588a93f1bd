package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.http.error.ErrorResponses;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link RequestGuardFilter} above the HTTP codec: after {@link WholeRequestFilter} when
 * {@link RequestReadAddOn} is registered first (so only whole requests are judged), and in any case
 * before the WebSocket handshake guard, Tyrus and the REST application.
 */
public final class RequestGuardAddOn implements AddOn {

  private final RequestGuard guard;
  private final ErrorResponses errors;
  private final ObjectMapper json;

  public RequestGuardAddOn(RequestGuard guard, ErrorResponses errors, ObjectMapper json) {
    this.guard = guard;
    this.errors = errors;
    this.json = json;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int whole = chain.indexOfType(WholeRequestFilter.class);
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the filter chain of " + listener.getName());
    }
    chain.add((whole >= 0 ? whole : codec) + 1, new RequestGuardFilter(guard, new EnvelopeWriter(errors, json)));
  }
}
