package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.http.error.ErrorResponses;
import java.time.Duration;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Keeps slow and unfinished requests away from the worker threads: {@link RequestStartFilter}
 * below the HTTP codec starts each request's read deadline; above it {@link
 * UnframeableRequestFilter} refuses requests that cannot be framed and {@link WholeRequestFilter}
 * hands a request on only once its body has arrived. Close it when the server stops (it owns the
 * deadline timer).
 */
public final class RequestReadAddOn implements AddOn, AutoCloseable {

  private final RequestReadDeadlines deadlines;
  private final EnvelopeWriter envelopes;
  private final long maxBodyBytes;

  /**
   * @param readTimeout time a client has to send a whole request, from its first byte
   * @param maxBodyBytes the request-body limit; a larger body is not held back, the application
   *     refuses it
   */
  public RequestReadAddOn(Duration readTimeout, long maxBodyBytes, ErrorResponses errors, ObjectMapper json) {
    this.envelopes = new EnvelopeWriter(errors, json);
    this.deadlines = new RequestReadDeadlines(readTimeout, envelopes);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int transport = chain.indexOfType(TransportFilter.class);
    if (transport < 0) {
      throw new IllegalStateException("No transport filter in the chain of " + listener.getName());
    }
    chain.add(transport + 1, new RequestStartFilter(deadlines));
    int codec = chain.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("No HTTP codec in the filter chain of " + listener.getName());
    }
    chain.add(codec + 1, new WholeRequestFilter(deadlines, maxBodyBytes));
    chain.add(codec + 1, new UnframeableRequestFilter(deadlines, envelopes));
  }

  @Override
  public void close() {
    deadlines.close();
  }
}
