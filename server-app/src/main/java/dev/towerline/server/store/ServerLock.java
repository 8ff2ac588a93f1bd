package dev.towerline.server.store;

/**
 * Keeps a database to one server for as long as that server lives: taken at start, before
 * anything is written, held on a connection of its own and released when the server stops or
 * its process dies. Until several instances can share a database (see DESIGN.md, "Later"),
 * this is what keeps feed seqs from being handed out twice.
 */
public interface ServerLock extends AutoCloseable {

  /**
   * Takes the lock if this server does not hold it yet.
   *
   * @return true when held; false when the database cannot be reached now (try again later)
   * @throws DatabaseInUseException when another live server holds it
   */
  boolean acquire();

  /** Whether this server held the lock when it last looked (cheap; no database round trip). */
  boolean isHeld();

  /**
   * Looks again: a lock that lives on a connection is lost with that connection (a database
   * restart, a network cut), after which another server may take it.
   *
   * @return whether the lock is still held
   */
  boolean verify();

  /** Releases the lock. */
  @Override
  void close();

  /** The lock {@code config}'s database needs: PostgreSQL and embedded H2 files have one. */
  static ServerLock forDatabase(DatabaseConfig config) {
    if (config.isPostgres()) {
      return new PostgresAdvisoryLock(config);
    }
    if (config.isEmbeddedH2File()) {
      return new EmbeddedFileLock(config);
    }
    return none();
  }

  /**
   * For databases no other process can open (H2 in memory) or that this server cannot guard (an
   * H2 server reached over TCP, which is for tests).
   */
  static ServerLock none() {
    return new ServerLock() {
      @Override
      public boolean acquire() {
        return true;
      }

      @Override
      public boolean isHeld() {
        return true;
      }

      @Override
      public boolean verify() {
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
