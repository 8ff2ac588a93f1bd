package dev.towerline.sdkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.towerline.client.DeviceQuery;
import dev.towerline.client.NotAuthorizedException;
import dev.towerline.client.NotFoundException;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Device;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.Execution;
import dev.towerline.server.auth.Role;
import dev.towerline.server.testing.RunningServer;
import dev.towerline.server.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AC-915: the SDK's {@code bearerToken(...)} against a real server with tokens. */
class BearerTokenTest {
  private static final TestTokens TOKENS = TestTokens.create();

  @RegisterExtension static final RunningServer server = new RunningServer().tokens(TOKENS);

  @Test
  void viewerTokenReadsTheDevicesTheServerDiscovered() {
    try (TowerlineClient client = client(TOKENS.token(Role.VIEWER))) {
      List<String> serials = client.streamDevices(DeviceQuery.all()).map(Device::getSerial).toList();

      assertThat(serials).hasSize(server.adb().devices().size());
    }
  }

  @Test
  void withoutATokenTheSdkThrowsNotAuthorizedWith401() {
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(server.uri("/").toString()).build()) {
      assertThatThrownBy(client::listDevices)
          .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.knownErrorCode()).contains(ErrorCode.UNAUTHENTICATED);
          });
    }
  }

  @Test
  void viewerMayNotCreateButOperatorMay() {
    String serial = server.serial(0);
    try (TowerlineClient viewer = client(TOKENS.token(Role.VIEWER))) {
      assertThatThrownBy(() -> viewer.createExecution(serial, "echo hi"))
          .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.details()).containsEntry("role", "viewer").containsEntry("required_role", "operator");
          });
    }
    try (TowerlineClient operator = client(TOKENS.token(Role.OPERATOR))) {
      Execution created = operator.createExecution(serial, "echo hi");
      assertThat(operator.getExecution(created.getId()).getCommand()).isEqualTo("echo hi");
      assertThatThrownBy(() -> operator.getExecution("ex_missing")).isInstanceOf(NotFoundException.class);
    }
  }

  private static TowerlineClient client(String token) {
    return TowerlineClient.builder().baseUrl(server.uri("/").toString()).bearerToken(token).build();
  }
}
