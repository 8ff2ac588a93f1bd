package dev.towerline.pact.provider;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the pacts to verify come from, chosen when the verification runs: a Pact Broker when the
 * system property {@code pactbroker.url} is set (with Pact JVM's {@code pactbroker.*} properties
 * for authentication and consumer version selectors), else the folder {@link #folder()}.
 *
 * <p>Pact JVM takes one pact source per test class, so one source that picks keeps one
 * verification class and its provider states for both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PactSource(FolderOrBrokerPactLoader.class)
public @interface PactsFromFolderOrBroker {
  /** The folder, as a Pact JVM expression; used only without {@code pactbroker.url}. */
  String folder();
}
