package dev.towerline.server.adb;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.adb.simulator.DeviceState;
import dev.towerline.adb.simulator.VirtualDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketAdbClientTest {

  static final String V2 = "emulator-5554";
  static final String LEGACY = "4d00e4a0";
  static final String LOCKED = "R58M123ABC";
  /** Slack for a loaded CI machine on top of a time limit; far below any real hang. */
  static final long SLACK_MILLIS = 700;

  private AdbSimulator sim;
  private SocketAdbClient client;
  private final CountDownLatch blockStopped = new CountDownLatch(1);

  @BeforeEach
  void startSimulator() throws IOException {
    sim = AdbSimulator.builder()
        .device(VirtualDevice.builder(V2).model("Pixel 7").batteryLevel(80).build())
        .device(VirtualDevice.builder(LEGACY).model("GT-I9300").manufacturer("samsung")
            .androidVersion("4.3").sdk(18).abi("armeabi-v7a").batteryLevel(42).shellV2(false)
            .build())
        .device(VirtualDevice.builder(LOCKED).state(DeviceState.UNAUTHORIZED).build())
        .command("ticker", (session, args) -> {
          for (int i = 1; i <= Integer.parseInt(args.get(0)); i++) {
            session.out("line " + i + "\n");
            session.sleep(Duration.ofMillis(100));
          }
          return 0;
        })
        .command("block", (session, args) -> {
          session.out("started\n");
          try {
            session.sleep(Duration.ofSeconds(30));
          } catch (IOException e) {
            blockStopped.countDown();
            throw e;
          }
          return 0;
        })
        .build()
        .start();
    client = new SocketAdbClient(configFor(sim).build());
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  static AdbConfig.Builder configFor(AdbSimulator sim) {
    return AdbConfig.custom()
        .adbServer("127.0.0.1", sim.port())
        .callTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofMillis(500));
  }

  @Test
  void readsTheServerVersion() {
    assertThat(client.serverVersion()).isEqualTo(41);
  }

  @Test
  void listsDevicesWithTheirAdbStateAndAttributes() {
    List<AdbDevice> devices = client.devices();

    assertThat(devices).extracting(AdbDevice::serial, AdbDevice::state).containsExactly(
        tuple(V2, "device"), tuple(LEGACY, "device"), tuple(LOCKED, "unauthorized"));
    assertThat(devices.get(0).attribute("model")).contains("Pixel_7");
    assertThat(devices.get(0).attribute("transport_id")).isPresent();
    assertThat(devices.get(2).attributes()).doesNotContainKey("model");
  }

  @Test
  void readsPropertiesOverShellV2() {
    Map<String, String> properties = client.properties(V2);

    assertThat(properties)
        .containsEntry("ro.product.model", "Pixel 7")
        .containsEntry("ro.build.version.sdk", "34")
        .containsEntry("ro.serialno", V2);
  }

  @Test
  void readsPropertiesOverTheLegacyShellWithoutTheExitMarker() {
    Map<String, String> properties = client.properties(LEGACY);

    assertThat(properties)
        .containsEntry("ro.product.model", "GT-I9300")
        .containsEntry("ro.build.version.release", "4.3")
        .containsEntry("ro.product.cpu.abi", "armeabi-v7a");
    assertThat(properties.toString()).doesNotContain("__TL_EXIT");
  }

  @Test
  void readsTheBatteryLevelFromDumpsys() {
    assertThat(client.batteryLevel(V2)).isEqualTo(OptionalInt.of(80));
    assertThat(client.batteryLevel(LEGACY)).isEqualTo(OptionalInt.of(42));
  }

  @Test
  void shellV2KeepsStdoutAndStderrApartAndReportsTheExitCode() {
    RecordingSink sink = new RecordingSink();

    ShellResult result = client.shell(V2, "echo out; nosuchcmd; exit 3",
        ShellOptions.ofTimeout(Duration.ofSeconds(5)), sink);

    assertThat(result.outcome()).isEqualTo(ShellResult.Outcome.EXITED);
    assertThat(result.exitCode()).isEqualTo(OptionalInt.of(3));
    assertThat(sink.stdout()).isEqualTo("out\n");
    assertThat(sink.stderr()).contains("nosuchcmd: inaccessible or not found");
  }

  @Test
  void legacyShellReportsTheExitCodeThroughTheMarkerAndHidesIt() {
    RecordingSink failing = new RecordingSink();
    ShellResult failed = client.shell(LEGACY, "echo hi; false",
        ShellOptions.ofTimeout(Duration.ofSeconds(5)), failing);
    RecordingSink partial = new RecordingSink();
    ShellResult passed = client.shell(LEGACY, "echo -n no-newline",
        ShellOptions.ofTimeout(Duration.ofSeconds(5)), partial);

    assertThat(failed.exitCode()).isEqualTo(OptionalInt.of(1));
    assertThat(failing.stdout()).isEqualTo("hi\n");
    assertThat(passed.exitCode()).isEqualTo(OptionalInt.of(0));
    assertThat(partial.stdout()).isEqualTo("no-newline");
  }

  @Test
  void legacyShellCommandThatEndsTheShellItselfHasNoKnownExitCode() {
    RecordingSink sink = new RecordingSink();

    ShellResult result = client.shell(LEGACY, "echo bye; exit 4",
        ShellOptions.ofTimeout(Duration.ofSeconds(5)), sink);

    assertThat(result.outcome()).isEqualTo(ShellResult.Outcome.EXITED);
    assertThat(result.exitCode()).isEmpty();
    assertThat(sink.stdout()).isEqualTo("bye\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {V2, LEGACY})
  void streamsOutputAsItArrives(String serial) {
    RecordingSink sink = new RecordingSink();

    client.shell(serial, "ticker 5", ShellOptions.ofTimeout(Duration.ofSeconds(5)), sink);
    long returned = System.nanoTime();

    assertThat(sink.stdout()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
    assertThat(sink.chunks()).hasSizeGreaterThanOrEqualTo(5);
    long firstChunkLead = TimeUnit.NANOSECONDS.toMillis(returned - sink.chunks().get(0)
        .arrivedNanos());
    assertThat(firstChunkLead).as("first line arrived ms before the command ended")
        .isGreaterThanOrEqualTo(300);
  }

  @Test
  void keepsMultiByteCharactersWhole() {
    RecordingSink sink = new RecordingSink();

    client.shell(V2, "echo 'héllo wörld ✓ 🚀'", ShellOptions.ofTimeout(Duration.ofSeconds(5)),
        sink);

    assertThat(sink.stdout()).isEqualTo("héllo wörld ✓ 🚀\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {V2, LEGACY})
  void timeoutStopsTheCommand(String serial) throws InterruptedException {
    RecordingSink sink = new RecordingSink();
    long started = System.nanoTime();

    ShellResult result = client.shell(serial, "block",
        ShellOptions.ofTimeout(Duration.ofMillis(300)), sink);

    assertThat(result.outcome()).isEqualTo(ShellResult.Outcome.TIMED_OUT);
    assertThat(result.exitCode()).isEmpty();
    assertThat(millisSince(started)).isLessThan(300 + SLACK_MILLIS);
    assertThat(sink.stdout()).isEqualTo("started\n");
    assertThat(blockStopped.await(2, TimeUnit.SECONDS)).as("command stopped on the device")
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {V2, LEGACY})
  void cancellationStopsTheCommand(String serial) throws InterruptedException {
    CancellationSignal cancel = new CancellationSignal();
    OutputSink cancelOnFirstOutput = new OutputSink() {
      @Override
      public void stdout(String chunk) {
        new Thread(cancel::cancel).start();
      }

      @Override
      public void stderr(String chunk) {}
    };
    long started = System.nanoTime();

    ShellResult result = client.shell(serial, "block", ShellOptions.builder()
        .timeout(Duration.ofSeconds(20)).cancellation(cancel).build(), cancelOnFirstOutput);

    assertThat(result.outcome()).isEqualTo(ShellResult.Outcome.CANCELLED);
    assertThat(millisSince(started)).isLessThan(2_000);
    assertThat(blockStopped.await(2, TimeUnit.SECONDS)).as("command stopped on the device")
        .isTrue();
  }

  @Test
  void aCommandCancelledBeforeItStartsNeverReachesAdb() {
    CancellationSignal cancel = new CancellationSignal();
    cancel.cancel();

    ShellResult result = client.shell(V2, "echo never", ShellOptions.builder()
        .timeout(Duration.ofSeconds(5)).cancellation(cancel).build(), OutputSink.discarding());

    assertThat(result.outcome()).isEqualTo(ShellResult.Outcome.CANCELLED);
  }

  @Test
  void unknownSerialIsDeviceNotFound() {
    assertThatThrownBy(() -> client.properties("nope"))
        .isInstanceOf(AdbDeviceNotFoundException.class)
        .hasMessage("device 'nope' not found");
    assertThatThrownBy(() -> client.shell("nope", "true",
        ShellOptions.ofTimeout(Duration.ofSeconds(1)), OutputSink.discarding()))
        .isInstanceOf(AdbDeviceNotFoundException.class);
  }

  @Test
  void unauthorizedDeviceRefusesCommandsInAdbsWords() {
    assertThatThrownBy(() -> client.properties(LOCKED))
        .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> {
          assertThat(e.transientFailure()).isFalse();
          assertThat(e.commandStarted()).isFalse();
        })
        .hasMessage("ADB refused properties on device 'R58M123ABC': device unauthorized.");
  }

  @Test
  void droppedServiceIsATransientCommandFailure() {
    sim.faults().failNextCommands(V2, 1);

    assertThatThrownBy(() -> client.properties(V2))
        .isInstanceOfSatisfying(AdbCommandFailedException.class,
            e -> assertThat(e.transientFailure()).isTrue())
        .hasMessage("ADB refused properties on device 'emulator-5554': closed");
    assertThat(client.properties(V2)).containsEntry("ro.product.model", "Pixel 7");
  }

  @Test
  void aRefusedStartIsTransientUnlessTheDeviceIsOfflineUnauthorizedOrAmbiguous() {
    for (String reason : List.of("device still connecting", "protocol fault (no status)")) {
      sim.faults().failNextCommands(V2, 1, reason);
      assertThatThrownBy(() -> client.batteryLevel(V2))
          .as(reason)
          .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> {
            assertThat(e.transientFailure()).isTrue();
            assertThat(e.commandStarted()).isFalse();
          })
          .hasMessage("ADB refused battery on device 'emulator-5554': " + reason);
    }
    for (String reason : List.of("device offline", "device unauthorized.\nCheck the device", "device still authorizing",
        "more than one device")) {
      sim.faults().failNextCommands(V2, 1, reason);
      assertThatThrownBy(() -> client.batteryLevel(V2))
          .as(reason)
          .isInstanceOfSatisfying(AdbCommandFailedException.class, e -> assertThat(e.transientFailure()).isFalse());
    }
  }

  @Test
  void connectionCutBeforeTheCommandStartsIsATransientCommandFailure() {
    sim.faults().disconnectNextCommands(V2, 1);

    assertThatThrownBy(() -> client.batteryLevel(V2))
        .isInstanceOfSatisfying(AdbCommandFailedException.class,
            e -> assertThat(e.transientFailure()).isTrue());
  }

  @Test
  void readTimeoutAgainstAHangingServerReturnsWithinTheLimit() {
    SocketAdbClient impatient = new SocketAdbClient(configFor(sim)
        .callTimeout(Duration.ofMillis(300)).build());
    sim.faults().hang(Duration.ofSeconds(30));
    long started = System.nanoTime();

    assertThatThrownBy(impatient::serverVersion)
        .isInstanceOf(AdbTimeoutException.class)
        .hasMessage("ADB server 127.0.0.1:" + sim.port() + " did not answer version within 300 ms");
    assertThat(millisSince(started)).isLessThan(300 + SLACK_MILLIS);

    long shellStarted = System.nanoTime();
    assertThatThrownBy(() -> impatient.shell(V2, "true",
        ShellOptions.ofTimeout(Duration.ofSeconds(10)), OutputSink.discarding()))
        .isInstanceOfSatisfying(AdbTimeoutException.class,
            e -> assertThat(e.serial()).contains(V2));
    assertThat(millisSince(shellStarted)).isLessThan(300 + SLACK_MILLIS);
  }

  @Test
  void connectTimeoutAgainstAServerThatNeverAcceptsReturnsWithinTheLimit() throws IOException {
    try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      // Fill the listen backlog: the kernel then drops further SYNs and connects hang.
      boolean full = false;
      for (int i = 0; i < 16 && !full; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(neverAccepts.getLocalSocketAddress(), 200);
          queued.add(filler);
        } catch (SocketTimeoutException e) {
          filler.close();
          full = true;
        }
      }
      assumeTrue(full, "this kernel accepts connections beyond the backlog");
      SocketAdbClient unlucky = new SocketAdbClient(AdbConfig.custom()
          .adbServer("127.0.0.1", neverAccepts.getLocalPort())
          .connectTimeout(Duration.ofMillis(300)).build());
      long started = System.nanoTime();

      assertThatThrownBy(unlucky::serverVersion)
          .isInstanceOf(AdbServerUnavailableException.class)
          .hasMessageEndingWith("is not reachable: did not accept a connection within 300 ms");
      assertThat(millisSince(started)).isLessThan(300 + SLACK_MILLIS);
      for (Socket socket : queued) {
        socket.close();
      }
    }
  }

  @Test
  void stoppedServerIsUnreachable() {
    sim.stop();

    assertThatThrownBy(client::serverVersion)
        .isInstanceOf(AdbServerUnavailableException.class)
        .hasMessage("ADB server 127.0.0.1:" + sim.port() + " is not reachable: connection refused");
  }

  @Test
  void trackingPushesTheListAtOnceAndAfterEveryChange() throws InterruptedException {
    BlockingQueue<List<AdbDevice>> lists = new LinkedBlockingQueue<>();
    try (DeviceTracking tracking = client.track(listener(lists, new AtomicReference<>()))) {
      assertThat(lists.poll()).as("first list, before track() returned").hasSize(3);

      sim.faults().takeOffline(V2);

      List<AdbDevice> next = lists.poll(2, TimeUnit.SECONDS);
      assertThat(next).isNotNull();
      assertThat(next.get(0)).isEqualTo(new AdbDevice(V2, "offline", next.get(0).attributes()));
      assertThat(tracking.isOpen()).isTrue();
    }
  }

  @Test
  void trackingReportsWhenTheServerGoesAway() {
    AtomicReference<AdbException> lost = new AtomicReference<>();
    DeviceTracking tracking = client.track(listener(new LinkedBlockingQueue<>(), lost));

    sim.stop();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lost.get()).isInstanceOf(AdbServerUnavailableException.class));
    assertThat(tracking.isOpen()).isFalse();
  }

  @Test
  void closingTrackingIsNotReportedAsADisconnect() throws InterruptedException {
    AtomicReference<AdbException> lost = new AtomicReference<>();
    DeviceTracking tracking = client.track(listener(new LinkedBlockingQueue<>(), lost));

    tracking.close();
    sim.stop();
    Thread.sleep(100);

    assertThat(lost.get()).isNull();
    assertThat(tracking.isOpen()).isFalse();
  }

  private static TrackListener listener(BlockingQueue<List<AdbDevice>> lists,
      AtomicReference<AdbException> lost) {
    return new TrackListener() {
      @Override
      public void devicesChanged(List<AdbDevice> devices) {
        lists.add(devices);
      }

      @Override
      public void disconnected(AdbException cause) {
        lost.set(cause);
      }
    };
  }

  static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
