package dev.towerline.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens in force: those of {@code TOKENS} and of {@code TOKENS_FILE}, which is checked every
 * {@code TOKENS_RELOAD_MS}. New content is taken once two checks in a row read the same bytes, so a
 * file caught half-written (an editor or {@code >} truncates it first, and an empty file is a valid
 * one) never revokes the tokens in force. A file that cannot be read or parsed at start stops the
 * start; later, it leaves the tokens in force as they were and is reported once. Changes are logged
 * by name and passed to {@link TokenChanges} listeners.
 */
public final class TokenRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TokenRegistry.class);

  private final AuthConfig config;
  private final List<TokenChanges> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller;
  private volatile TokenSet current;
  private byte[] lastContent;
  private byte[] pendingContent;
  private String lastFailure;

  private TokenRegistry(AuthConfig config) {
    this.config = config;
    this.poller = config.tokensFile().isPresent() ? newPoller() : null;
  }

  /**
   * Reads the configured tokens and, when there is a tokens file, starts watching it.
   *
   * @throws IllegalArgumentException naming the file (and line) when it cannot be read or parsed
   */
  public static TokenRegistry start(AuthConfig config) {
    TokenRegistry registry = new TokenRegistry(config);
    Optional<Path> file = config.tokensFile();
    byte[] content = file.map(path -> read(path).orElseThrow(() -> new IllegalArgumentException(
        AuthConfig.TOKENS_FILE_VARIABLE + " " + path + " cannot be read"))).orElse(null);
    registry.current = registry.combine(content);
    registry.lastContent = content;
    if (registry.poller != null) {
      long millis = config.reloadInterval().toMillis();
      registry.poller.scheduleWithFixedDelay(registry::poll, millis, millis, TimeUnit.MILLISECONDS);
    }
    return registry;
  }

  /** The tokens in force now. */
  public TokenSet current() {
    return current;
  }

  /** Adds a listener told of every later change (the audit log hooks in here). */
  public void addListener(TokenChanges listener) {
    listeners.add(listener);
  }

  private void poll() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      // A failed check must not end the polling: the next edit of the file is still picked up.
      log.error("Checking {} for changes failed", AuthConfig.TOKENS_FILE_VARIABLE, e);
    }
  }

  /**
   * Checks the file now rather than at the next poll; true when the tokens changed. Changed content
   * is taken on the second check that reads it unchanged.
   */
  synchronized boolean reloadIfChanged() {
    Path file = config.tokensFile().orElseThrow();
    Optional<byte[]> content = read(file);
    if (content.isEmpty()) {
      pendingContent = null;
      reportOnce(AuthConfig.TOKENS_FILE_VARIABLE + " " + file + " cannot be read");
      return false;
    }
    if (Arrays.equals(content.get(), lastContent)) {
      pendingContent = null;
      return false;
    }
    if (!Arrays.equals(content.get(), pendingContent)) {
      pendingContent = content.get();
      return false;
    }
    TokenSet next;
    try {
      next = combine(content.get());
    } catch (IllegalArgumentException e) {
      reportOnce(e.getMessage());
      return false;
    }
    lastContent = content.get();
    pendingContent = null;
    lastFailure = null;
    TokenChange change = TokenChange.between(current, next);
    current = next;
    if (change.isEmpty()) {
      return false;
    }
    log.info("Tokens reloaded from {}: {}; {} in force", file, change, next.entries().size());
    for (TokenChanges listener : listeners) {
      try {
        listener.tokensChanged(change);
      } catch (RuntimeException e) {
        log.error("A token change listener failed", e);
      }
    }
    return true;
  }

  private void reportOnce(String failure) {
    if (!failure.equals(lastFailure)) {
      lastFailure = failure;
      log.error("{}; the {} tokens in force stay unchanged", failure, current.entries().size());
    }
  }

  private TokenSet combine(byte[] fileContent) {
    List<TokenEntry> entries = new ArrayList<>(config.tokens());
    if (fileContent != null) {
      String source = AuthConfig.TOKENS_FILE_VARIABLE + " " + config.tokensFile().orElseThrow();
      List<TokenEntry> fromFile = TokenLines.parse(source, new String(fileContent, StandardCharsets.UTF_8));
      Set<String> names = new HashSet<>();
      config.tokens().forEach(entry -> names.add(entry.name()));
      for (TokenEntry entry : fromFile) {
        if (!names.add(entry.name())) {
          throw new IllegalArgumentException(source + ": the name " + entry.name() + " is also in " + AuthConfig.TOKENS_VARIABLE);
        }
      }
      entries.addAll(fromFile);
    }
    return TokenSet.of(entries);
  }

  private static Optional<byte[]> read(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ScheduledExecutorService newPoller() {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "towerline-tokens-reload");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
