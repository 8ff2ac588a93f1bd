package dev.towerline.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeprecationTest {

  @Test
  void tellsTheListenerOncePerDeprecatedOperationWithDatesAndLink() throws IOException {
    List<DeprecationNotice> notices = new CopyOnWriteArrayList<>();
    try (FaultServer server = new FaultServer();
        TowerlineClient client =
            TowerlineClient.builder().baseUrl(server.baseUrl()).listener(new TowerlineListener() {
              @Override
              public void deprecated(DeprecationNotice notice) {
                notices.add(notice);
              }
            }).build()) {
      FaultServer.Respond deprecated =
          FaultServer.json(200, Fixtures.DEVICE)
              .withHeader("Deprecation", "@1795305600")
              .withHeader("Sunset", "Wed, 30 Jun 2027 00:00:00 GMT")
              .withHeader("Link", "<https://towerline.dev/docs/guides/migrate>; rel=\"deprecation\", "
                  + "</health/full>; rel=\"successor-version\"");
      server.enqueue(deprecated, deprecated, FaultServer.json(200, Fixtures.DEVICE));

      client.getDevice("emulator-5554");
      client.getDevice("emulator-5556");
      client.getDevice("emulator-5554");
    }

    assertThat(notices).containsExactly(new DeprecationNotice(
        "getDevice",
        Instant.ofEpochSecond(1795305600),
        Instant.parse("2027-06-30T00:00:00Z"),
        "https://towerline.dev/docs/guides/migrate"));
  }

  @Test
  void aRelativeMigrationLinkIsResolvedAgainstTheServerThatSentIt() throws IOException {
    List<DeprecationNotice> notices = new CopyOnWriteArrayList<>();
    try (FaultServer server = new FaultServer();
        TowerlineClient client =
            TowerlineClient.builder().baseUrl(server.baseUrl()).listener(new TowerlineListener() {
              @Override
              public void deprecated(DeprecationNotice notice) {
                notices.add(notice);
              }
            }).build()) {
      server.enqueue(FaultServer.json(200, Fixtures.DEVICE)
          .withHeader("Deprecation", "@1795305600")
          .withHeader("Link", "</docs/guides/migrate-legacy-status.html>; rel=\"deprecation\"; type=\"text/html\", "
              + "</health/full>; rel=\"successor-version\""));

      client.getDevice("emulator-5554");

      assertThat(notices).singleElement().extracting(DeprecationNotice::link)
          .isEqualTo(java.net.URI.create(server.baseUrl()).resolve("/docs/guides/migrate-legacy-status.html").toString())
          .asString().startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void aFailingListenerDoesNotFailTheCall() throws IOException {
    try (FaultServer server = new FaultServer();
        TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl())
            .listener(new TowerlineListener() {
              @Override
              public void deprecated(DeprecationNotice notice) {
                throw new IllegalStateException("listener bug");
              }
            })
            .build()) {
      server.enqueue(FaultServer.json(200, Fixtures.DEVICE).withHeader("Deprecation", "@1795305600"));

      assertThat(client.getDevice("emulator-5554").getSerial()).isEqualTo("emulator-5554");
    }
  }
}
