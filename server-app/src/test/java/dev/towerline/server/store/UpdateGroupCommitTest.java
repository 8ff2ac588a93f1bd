package dev.towerline.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.executions.ExecutionRecord;
import dev.towerline.server.executions.NewExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Status changes that wait for the write lock share one transaction; each caller gets its own
 * result, and a group that fails for anything but an outage is applied again change by change.
 * The transaction is a stand-in that records the groups it is given: the database side is the store
 * contract's ({@code concurrentUpdatesOfOneExecutionNeverLoseAChange} runs through this class).
 */
class UpdateGroupCommitTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final UnaryOperator<ExecutionRecord> START = r -> r.started(r.createdAt().plusSeconds(1));

  private final List<List<String>> groups = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstMayCommit = new CountDownLatch(1);
  private volatile Function<List<UpdateGroupCommit.Change>, List<Optional<ExecutionRecord>>> database = this::applyAll;
  private final UpdateGroupCommit updates = new UpdateGroupCommit(this::transaction);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    firstMayCommit.countDown();
    callers.shutdownNow();
  }

  @Test
  void changesThatWaitedShareOneTransactionAndEachCallerGetsItsOwnResult() throws Exception {
    List<CompletableFuture<Optional<ExecutionRecord>>> results = groupOfThreeBehindAFirstChange("a", "b", "c");

    assertThat(groups).containsExactly(List.of("first"), List.of("a", "b", "c"));
    for (int i = 0; i < 3; i++) {
      Optional<ExecutionRecord> result = results.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(result).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING));
      assertThat(result.get().id()).isEqualTo(List.of("a", "b", "c").get(i));
    }
  }

  @Test
  void aGroupThatFailsIsAppliedAgainChangeByChangeSoOnlyTheFailingChangeFails() throws Exception {
    database = changes -> {
      if (changes.stream().anyMatch(change -> change.id().equals("broken"))) {
        throw new IllegalStateException("row broken cannot be changed");
      }
      return applyAll(changes);
    };

    List<CompletableFuture<Optional<ExecutionRecord>>> results = groupOfThreeBehindAFirstChange("a", "broken", "c");

    assertThat(groups).containsExactly(List.of("first"), List.of("a", "broken", "c"), List.of("a"), List.of("broken"), List.of("c"));
    assertThat(results.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isPresent();
    assertThat(results.get(1)).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
    assertThat(results.get(2).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isPresent();
  }

  @Test
  void anOutageFailsTheWholeGroupAtOnceWithoutTryingEachChange() throws Exception {
    ApiException outage = new ApiException(ErrorCode.DATABASE_UNAVAILABLE, "down");
    database = changes -> {
      if (changes.size() > 1) {
        throw outage;
      }
      return applyAll(changes);
    };

    List<CompletableFuture<Optional<ExecutionRecord>>> results = groupOfThreeBehindAFirstChange("a", "b", "c");

    assertThat(groups).containsExactly(List.of("first"), List.of("a", "b", "c"));
    for (CompletableFuture<Optional<ExecutionRecord>> result : results) {
      assertThat(result).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).withCause(outage);
    }
  }

  /**
   * A first change holds the write lock inside its transaction until {@code ids} all wait behind
   * it, then commits; returns their results, once all are done.
   */
  private List<CompletableFuture<Optional<ExecutionRecord>>> groupOfThreeBehindAFirstChange(String... ids) {
    CompletableFuture<Optional<ExecutionRecord>> first = CompletableFuture.supplyAsync(() -> updates.apply("first", START), callers);
    await().atMost(WAIT).until(() -> !groups.isEmpty());
    List<CompletableFuture<Optional<ExecutionRecord>>> results = new ArrayList<>();
    for (String id : ids) {
      results.add(CompletableFuture.supplyAsync(() -> updates.apply(id, START), callers));
      await().atMost(WAIT).until(() -> updates.waiting() == results.size());
    }
    firstMayCommit.countDown();
    first.join();
    await().atMost(WAIT).until(() -> results.stream().allMatch(CompletableFuture::isDone));
    return results;
  }

  private List<Optional<ExecutionRecord>> transaction(List<UpdateGroupCommit.Change> changes) {
    groups.add(changes.stream().map(UpdateGroupCommit.Change::id).toList());
    if (changes.get(0).id().equals("first")) {
      try {
        firstMayCommit.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return database.apply(changes);
  }

  private List<Optional<ExecutionRecord>> applyAll(List<UpdateGroupCommit.Change> changes) {
    return changes.stream().map(change -> Optional.of(change.change().apply(queued(change.id())))).toList();
  }

  private static ExecutionRecord queued(String id) {
    return ExecutionRecord.queued(id, new NewExecution("emulator-5554", "true", 30), Instant.parse("2026-12-07T10:00:00Z"));
  }
}
