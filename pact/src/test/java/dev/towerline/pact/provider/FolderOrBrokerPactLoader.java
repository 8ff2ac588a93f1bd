package dev.towerline.pact.provider;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.support.expressions.ValueResolver;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.IOException;
import java.util.List;

/**
 * The loader of {@link PactsFromFolderOrBroker}: Pact JVM's own broker loader, configured entirely
 * by its {@code pactbroker.*} system properties, when {@code pactbroker.url} is set; its folder
 * loader otherwise. Everything else (pending pacts, publishing) is Pact JVM's.
 */
final class FolderOrBrokerPactLoader implements PactLoader {
  static final String BROKER_URL = "pactbroker.url";

  private final PactLoader delegate;

  FolderOrBrokerPactLoader(PactsFromFolderOrBroker source) {
    String brokerUrl = System.getProperty(BROKER_URL, "");
    delegate =
        brokerUrl.isBlank()
            ? new PactFolderLoader(source.folder())
            : new PactBrokerLoader(BrokerDefaults.class.getAnnotation(PactBroker.class));
  }

  @Override
  public List<Pact> load(String providerName) throws IOException {
    return delegate.load(providerName);
  }

  @Override
  public PactSource getPactSource() {
    return delegate.getPactSource();
  }

  @Override
  public void setValueResolver(ValueResolver valueResolver) {
    delegate.setValueResolver(valueResolver);
  }

  @Override
  public String description() {
    return delegate.description();
  }

  @Override
  public void enablePendingPacts(boolean enable) {
    delegate.enablePendingPacts(enable);
  }

  @Override
  public void initLoader(Class<?> testClass, Object testInstance) {
    delegate.initLoader(testClass, testInstance);
  }

  /**
   * Carries {@code @PactBroker} with every attribute at its default: each default is a {@code
   * ${pactbroker.*}} expression, so the system properties configure the broker. Kept off the test
   * class, where Pact JVM would take it as a second pact source.
   */
  @PactBroker
  private static final class BrokerDefaults {}
}
