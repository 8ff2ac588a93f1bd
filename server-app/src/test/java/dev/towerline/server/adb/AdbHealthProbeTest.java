package dev.towerline.server.adb;

import static dev.towerline.server.adb.SocketAdbClientTest.SLACK_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.towerline.adb.simulator.AdbSimulator;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdbHealthProbeTest {

  private AdbSimulator sim;
  private AdbHealthProbe probe;

  @BeforeEach
  void start() throws IOException {
    sim = AdbSimulator.demo(2).start();
    probe = new AdbHealthProbe(SocketAdbClientTest.configFor(sim).build());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void reportsTheServerVersionAndDeviceCount() {
    AdbHealthProbe.Result result = probe.check(Duration.ofSeconds(2));

    assertThat(result.ok()).isTrue();
    assertThat(result.message())
        .isEqualTo("ADB server 127.0.0.1:" + sim.port() + " answered version 41; 2 devices");
    assertThat(result.duration()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void failsWithTheReasonWhenTheServerIsDown() {
    sim.stop();

    AdbHealthProbe.Result result = probe.check(Duration.ofSeconds(2));

    assertThat(result.ok()).isFalse();
    assertThat(result.message())
        .isEqualTo("ADB server 127.0.0.1:" + sim.port() + " is not reachable: connection refused");
  }

  @Test
  void answersWithinItsBudgetWhenAdbHangs() {
    sim.faults().hang(Duration.ofMinutes(1));

    AdbHealthProbe.Result result = probe.check(Duration.ofMillis(300));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).isEqualTo(
        "ADB server 127.0.0.1:" + sim.port() + " did not answer version within 300 ms");
    assertThat(result.duration()).isLessThan(Duration.ofMillis(300 + SLACK_MILLIS));
  }

  @Test
  void servesAsTheAdbCheckOfFullHealth() throws Exception {
    var check = probe.asHealthCheck(Duration.ofSeconds(1));

    assertThat(check.name()).isEqualTo("adb");
    assertThat(check.run().passed()).isTrue();
    sim.stop();
    assertThat(check.run().message()).endsWith("is not reachable: connection refused");
  }
}
