package dev.towerline.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An {@link HttpClient} for tests whose every response is checked against the contract before
 * the test sees it: a response the contract does not allow fails the test with a {@link
 * ContractViolation}. Requests go out as HTTP/1.1, as the SDK sends them (the JDK default on plain
 * http adds {@code Upgrade: h2c}; a test of that path uses a plain client on purpose).
 *
 * <pre>{@code
 * ValidatingHttpClient http = ValidatingHttpClient.create(ContractValidator.forBundledContract());
 * HttpResponse<String> device = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/devices/x")).build());
 * }</pre>
 */
public final class ValidatingHttpClient {
  /** Connect time-out of {@link #create}'s client. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final ContractValidator validator;

  private ValidatingHttpClient(HttpClient client, ContractValidator validator) {
    this.client = client;
    this.validator = validator;
  }

  /** A new HTTP/1.1 client with a {@link #DEFAULT_CONNECT_TIMEOUT} of 10 s. */
  public static ValidatingHttpClient create(ContractValidator validator) {
    return wrapping(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .build(),
        validator);
  }

  /** Checks the responses of {@code client}; each request is still sent as HTTP/1.1. */
  public static ValidatingHttpClient wrapping(HttpClient client, ContractValidator validator) {
    return new ValidatingHttpClient(client, validator);
  }

  /**
   * Sends {@code request} as HTTP/1.1 and returns the response once the contract allows it.
   *
   * @throws ContractViolation when it does not
   */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpRequest http11 = HttpRequest.newBuilder(request, (name, value) -> true).version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> response = client.send(http11, HttpResponse.BodyHandlers.ofString());
    validator.checkResponse(response);
    return response;
  }

  public ContractValidator validator() {
    return validator;
  }

  /** The wrapped client, for what needs no checking (e.g. a WebSocket). */
  public HttpClient client() {
    return client;
  }
}
