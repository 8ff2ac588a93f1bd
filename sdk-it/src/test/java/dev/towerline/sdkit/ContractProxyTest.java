package dev.towerline.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.towerline.client.TowerlineClient;
import dev.towerline.client.TowerlineException;
import dev.towerline.sdkit.support.ContractProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The proxy the other tests rely on fails a test whose answers break the contract. */
class ContractProxyTest {

  @Test
  void anAnswerOutsideTheContractFailsTheTestAfterItRan() throws IOException {
    HttpServer wrong = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    wrong.createContext("/", exchange -> {
      byte[] body = "{\"data\":\"not a list\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    wrong.start();
    ContractProxy proxy = ContractProxy.inFrontOf(() -> URI.create("http://127.0.0.1:" + wrong.getAddress().getPort() + "/")).start();
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(proxy.baseUrl()).build()) {
      assertThatThrownBy(client::listDevices).isInstanceOf(TowerlineException.class);

      assertThat(proxy.exchanges()).singleElement().extracting(ContractProxy.Exchange::status).isEqualTo(200);
      assertThatThrownBy(() -> proxy.afterEach(null))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("GET /api/v1/devices -> 200");
    } finally {
      proxy.close();
      wrong.stop(0);
    }
  }
}
