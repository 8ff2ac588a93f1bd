package dev.towerline.server.store;

/**
 * Another live server uses this server's database: two servers on one database would hand out
 * the same feed seqs, so the second one refuses to start. The message is the one-line reason
 * the operator reads, naming the database.
 */
public final class DatabaseInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseInUseException(String database, String holder) {
    super("Database " + database + " is in use by " + holder + "; "
        + "one server per database: stop the other server or give this one its own database");
  }
}
