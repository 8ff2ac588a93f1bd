package dev.towerline.bench;

import dev.towerline.adb.simulator.AdbSimulator;
import dev.towerline.client.FeedSubscription;
import dev.towerline.client.TowerlineClient;
import dev.towerline.protocol.Feed;
import dev.towerline.protocol.FeedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reconnect storm: SDK subscriptions on the devices feed while a device changes every 50 ms; the
 * server is stopped with SIGTERM and started again on the same port and data; then every
 * subscription's seqs are compared with the server's event log read over REST.
 */
final class StormPhase {
  static final long CHANGE_EVERY_MILLIS = 50;
  private static final long WAIT_MILLIS = 120_000;
  private static final long CHANGES_AFTER_RESUME_MILLIS = 3_000;
  private static final long SETTLE_MILLIS = 3_000;

  private final AdbSimulator simulator;
  private final List<String> onlineSerials;
  private final BenchOptions options;
  private final Results results;

  StormPhase(AdbSimulator simulator, List<String> onlineSerials, BenchOptions options, Results results) {
    this.simulator = simulator;
    this.onlineSerials = onlineSerials;
    this.options = options;
    this.results = results;
  }

  /** Runs the storm against {@code server}; answers the restarted server, which the caller stops. */
  ServerProcess run(ServerProcess server, Supplier<ServerProcess> restart, String column) throws InterruptedException {
    int count = options.stormSubscriptions();
    List<StormSubscriber> subscribers = new ArrayList<>();
    List<FeedSubscription> subscriptions = new ArrayList<>();
    ServerProcess current = server;
    try (TowerlineClient client = TowerlineClient.builder().baseUrl(server.baseUrl() + "/").build()) {
      for (int i = 0; i < count; i++) {
        StormSubscriber subscriber = new StormSubscriber();
        subscribers.add(subscriber);
        subscriptions.add(client.watchDevices(subscriber));
      }
      await(() -> subscribers.stream().allMatch(StormSubscriber::live), "all subscriptions live");
      DeviceChanger changer = new DeviceChanger();
      changer.start();
      Thread.sleep(2_000);
      subscribers.forEach(StormSubscriber::mark);
      long sigterm = System.nanoTime();
      current.stop();
      current = restart.get();
      long ready = System.nanoTime();
      boolean allResumed = await(() -> subscribers.stream().allMatch(StormSubscriber::resumed), "all subscriptions resumed");
      Thread.sleep(CHANGES_AFTER_RESUME_MILLIS);
      changer.stopAndRestore();
      Thread.sleep(SETTLE_MILLIS);
      long since = subscribers.stream().mapToLong(StormSubscriber::snapshotSeq).filter(seq -> seq >= 0).min().orElse(0);
      List<Long> log = client.streamEvents(Feed.DEVICES, since).map(FeedEvent::getSeq).toList();
      long last = log.isEmpty() ? since : log.get(log.size() - 1);
      // Late is not missed: each subscription gets up to 2 minutes to be handed the log's last event.
      long settled = System.nanoTime();
      await(() -> subscribers.stream().allMatch(subscriber -> subscriber.reached(last)), "every subscription to reach seq " + last);
      long caughtUpMillis = (System.nanoTime() - settled) / 1_000_000;
      subscriptions.forEach(FeedSubscription::close);
      record(subscribers, log, sigterm, ready, allResumed, changer.changes(), caughtUpMillis, column);
    }
    return current;
  }

  private void record(List<StormSubscriber> subscribers, List<Long> log, long sigterm, long ready, boolean allResumed,
      int changes, long caughtUpMillis, String column) {
    long[] resumedAt = subscribers.stream().filter(StormSubscriber::resumed).mapToLong(StormSubscriber::liveAgainNanos)
        .sorted().toArray();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("subscriptions", subscribers.size());
    values.put("resumed", resumedAt.length);
    values.put("all_resumed_within_120_s", allResumed);
    values.put("device_changes", changes);
    values.put("events", log.size());
    values.put("caught_up_after_settle_ms", caughtUpMillis);
    values.put("missed", subscribers.stream().mapToLong(subscriber -> subscriber.missed(log)).sum());
    values.put("duplicates", subscribers.stream().mapToInt(StormSubscriber::duplicates).sum());
    values.put("resyncs", subscribers.stream().mapToInt(StormSubscriber::resyncs).sum());
    if (resumedAt.length > 0) {
      long last = resumedAt[resumedAt.length - 1];
      values.put("resumed_after_ready_ms", (last - ready) / 1e6);
      values.put("resumed_after_sigterm_ms", (last - sigterm) / 1e6);
      values.put("median_resumed_after_ready_ms", (resumedAt[resumedAt.length / 2] - ready) / 1e6);
      values.put("restart_ms", (ready - sigterm) / 1e6);
    }
    results.add(Results.STORM, subscribers.size() + Targets.STORM_SUFFIX, column, values);
    System.out.printf("  storm %s: %s%n", column, MarkdownReport.cell(results.rows(Results.STORM).get(results.rows(Results.STORM).size() - 1)));
  }

  private static boolean await(Supplier<Boolean> condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        System.out.println("  storm: gave up waiting for " + what + " after 120 s");
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Takes a device offline or back online every 50 ms, round the rack. */
  private final class DeviceChanger extends Thread {
    private volatile boolean running = true;
    private int changes;

    DeviceChanger() {
      super("bench-device-changer");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        String serial = onlineSerials.get((changes / 2) % onlineSerials.size());
        if (changes % 2 == 0) {
          simulator.faults().takeOffline(serial);
        } else {
          simulator.faults().bringOnline(serial);
        }
        changes++;
        try {
          Thread.sleep(CHANGE_EVERY_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopAndRestore() throws InterruptedException {
      running = false;
      join();
      onlineSerials.forEach(serial -> simulator.faults().bringOnline(serial));
    }

    int changes() {
      return changes;
    }
  }
}
