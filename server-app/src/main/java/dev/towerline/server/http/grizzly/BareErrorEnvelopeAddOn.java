package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.http.error.ErrorResponses;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/** Puts {@link BareErrorEnvelopeFilter} right above the transport, below Grizzly's HTTP codec. */
public final class BareErrorEnvelopeAddOn implements AddOn {

  private final ErrorResponses errors;
  private final ObjectMapper json;

  public BareErrorEnvelopeAddOn(ErrorResponses errors, ObjectMapper json) {
    this.errors = errors;
    this.json = json;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    int transport = chain.indexOfType(TransportFilter.class);
    if (transport < 0) {
      throw new IllegalStateException("No transport filter in the chain of " + listener.getName());
    }
    chain.add(transport + 1, new BareErrorEnvelopeFilter(new EnvelopeWriter(errors, json)));
  }
}
