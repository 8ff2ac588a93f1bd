package dev.towerline.server.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends raw cases all at once, each on its own socket, so a suite of requests a broken server
 * holds until the read bound costs one bound, not one per case.
 */
final class RawCases {
  private RawCases() {}

  static Map<String, RawAnswer> sendConcurrently(int port, List<RawCase> cases) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(Math.min(cases.size(), 32));
    try {
      List<Future<RawAnswer>> answers = new ArrayList<>();
      for (RawCase c : cases) {
        answers.add(senders.submit(() -> RawExchange.send(port, c.request())));
      }
      Map<String, RawAnswer> byName = new LinkedHashMap<>();
      for (int i = 0; i < cases.size(); i++) {
        byName.put(cases.get(i).name(), answers.get(i).get());
      }
      return byName;
    } finally {
      senders.shutdownNow();
    }
  }
}
