package dev.towerline.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.Device;
import dev.towerline.protocol.DeviceUpdated;
import dev.towerline.protocol.Feed;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.json.JsonMappers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.charset.MalformedInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send that fails, however it fails (here the {@link Error} Tyrus throws for text it cannot
 * encode), closes only that connection with 1011 and is counted; the publisher thread lives on and
 * the feed keeps serving every other connection. The feed service runs for real on an H2 event
 * log; only the WebSocket sessions are stand-ins, so one of them can fail on demand.
 */
class FeedSendFailureTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private FeedService service;

  @BeforeEach
  void startFeeds() throws SQLException {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM 'classpath:/db/migration/V2__feed_events.sql'");
    }
    Clock clock = Clock.systemUTC();
    service =
        new FeedService(
            FeedConfig.custom().closeTimeout(Duration.ZERO).build(), new EventLog(database, () -> true, clock), JsonMappers.create(), clock, "1.1.0",
            new NoDevices(), null, meters);
  }

  @AfterEach
  void stopFeeds() {
    service.close();
  }

  @Test
  void aFailingSendClosesOnlyItsConnectionWith1011AndIsCounted() {
    StandInSession first = connect();
    StandInSession failing = connect();
    StandInSession last = connect();

    failing.failSends = true;
    publishDevice("emulator-5554");

    for (StandInSession healthy : List.of(first, last)) {
      await().atMost(WAIT).until(() -> healthy.texts.size() == 3);
      assertThat(healthy.texts.get(2)).contains("\"seq\":1", "emulator-5554");
      assertThat(healthy.closed).isNull();
    }
    await().atMost(WAIT).until(() -> failing.closed != null);
    assertThat(failing.closed.getCloseCode().getCode()).isEqualTo(1011);
    assertThat(failing.closed.getReasonPhrase()).isEqualTo("a frame could not be sent; resume with since");
    assertThat(meters.get("towerline.ws.send.failures").tag("feed", "devices").counter().count()).isEqualTo(1.0);

    publishDevice("emulator-5556");

    for (StandInSession healthy : List.of(first, last)) {
      await().atMost(WAIT).until(() -> healthy.texts.size() == 4);
      assertThat(healthy.texts.get(3)).contains("\"seq\":2", "emulator-5556");
    }
    assertThat(failing.texts).hasSize(2);
    assertThat(meters.get("towerline.ws.send.failures").tag("feed", "devices").counter().count()).isEqualTo(1.0);
  }

  /** Opens a devices-feed connection and waits for its ack and snapshot. */
  private StandInSession connect() {
    StandInSession standIn = new StandInSession();
    FeedSession session = new FeedSession("ws_" + UUID.randomUUID(), Feed.DEVICES, standIn.session, service, event -> true);
    service.opened(session, null);
    await().atMost(WAIT).until(() -> standIn.texts.size() == 2);
    return standIn;
  }

  private void publishDevice(String serial) {
    OffsetDateTime ts = service.now();
    service.publish(Feed.DEVICES, seq -> new DeviceUpdated().withSeq(seq).withTs(ts).withDevice(new Device().withSerial(serial)));
  }

  /** A WebSocket session that records what it is sent and, when told, fails like Tyrus on unencodable text. */
  private static final class StandInSession {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final Map<String, Object> properties = new ConcurrentHashMap<>();
    volatile boolean failSends;
    volatile CloseReason closed;
    final RemoteEndpoint.Async remote =
        proxy(RemoteEndpoint.Async.class, (method, args) -> switch (method) {
          case "sendText" -> {
            if (failSends) {
              throw new Error(new MalformedInputException(1));
            }
            texts.add((String) args[0]);
            ((SendHandler) args[1]).onResult(new SendResult());
            yield null;
          }
          case "sendPing" -> null;
          default -> throw new UnsupportedOperationException(method);
        });
    final Session session =
        proxy(Session.class, (method, args) -> switch (method) {
          case "getAsyncRemote" -> remote;
          case "isOpen" -> closed == null;
          case "close" -> {
            closed = (CloseReason) args[0];
            yield null;
          }
          case "getUserProperties" -> properties;
          default -> throw new UnsupportedOperationException(method);
        });
  }

  private interface Call {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Call call) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> call.answer(method.getName(), args)));
  }

  private static final class NoDevices implements DeviceDirectory {
    @Override
    public List<Device> all() {
      return List.of();
    }

    @Override
    public Optional<Device> find(String serial) {
      return Optional.empty();
    }

    @Override
    public void addListener(Consumer<Device> listener) {}
  }
}
