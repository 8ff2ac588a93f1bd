package dev.towerline.server;

import static dev.towerline.server.testing.Envelopes.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests are read whole before the application sees them, so the server itself answers {@code
 * Expect: 100-continue}: clients that wait for it before sending their body are answered at once,
 * not after the read timeout.
 */
class ExpectContinueTest {

  @RegisterExtension static final RunningServer server = new RunningServer();

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
  // An unknown device: the answer proves the body was read and parsed.
  private static final String BODY = "{\"device_serial\":\"emulator-9999\",\"command\":\"" + "x".repeat(2_000) + "\"}";

  @Test
  void jdkClientWaitingForContinueGetsItsAnswer() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/api/v1/executions"))
            .timeout(CLIENT_TIMEOUT)
            .expectContinue(true)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    RunningServer.CONTRACT.checkResponse(response);
    assertEnvelope(response, 404, ErrorCode.DEVICE_NOT_FOUND);
  }

  @Test
  void curlWaitingForContinueGetsItsAnswer(@TempDir Path directory) throws Exception {
    Path body = Files.writeString(directory.resolve("body.json"), BODY);
    Process curl =
        new ProcessBuilder(
                "curl", "--silent", "--show-error", "--http1.1", "--max-time", String.valueOf(CLIENT_TIMEOUT.toSeconds()),
                // Waits for 100 Continue far longer than the client timeout instead of curl's 1 s.
                "--expect100-timeout", "60",
                "-H", "Expect: 100-continue", "-H", "Content-Type: application/json",
                "--data-binary", "@" + body, "--write-out", "\\n%{http_code}",
                server.uri("/api/v1/executions").toString())
            .redirectErrorStream(true)
            .start();

    assertThat(curl.waitFor(CLIENT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
    String output = output(curl);
    assertThat(curl.exitValue()).as(output).isZero();
    assertThat(output).endsWith("\n404").contains("\"DEVICE_NOT_FOUND\"");
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
