package dev.towerline.server.auth;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar server-app.jar token new --name <name> --role <viewer|operator|admin>}: makes a
 * new random token, prints it once, and prints the line for the tokens file, which holds only its
 * hash. The server never sees or stores the token itself.
 */
public final class TokenCommand {
  /** The first argument that selects this command instead of starting the server. */
  public static final String NAME = "token";
  /**
   * Every token starts with this, so secret scanners and the log redaction recognise one wherever
   * it is pasted.
   */
  public static final String TOKEN_PREFIX = "tl_";
  /** 256 bits: far beyond guessing, which is why a plain SHA-256 suffices to store it. */
  static final int TOKEN_BYTES = 32;

  private static final int OK = 0;
  private static final int USAGE = 64;
  private static final String USAGE_TEXT =
      "usage: java -jar server-app.jar token new --name <name> --role <viewer|operator|admin>";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenCommand() {}

  /** Runs the command with the arguments after {@code token}; the process's exit code. */
  public static int run(List<String> arguments, PrintStream out, PrintStream err) {
    if (arguments.isEmpty() || !arguments.get(0).equals("new")) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    Optional<String> name = option(arguments, "--name");
    Optional<String> roleName = option(arguments, "--role");
    if (name.isEmpty() || roleName.isEmpty() || arguments.size() != 5) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (!TokenEntry.NAME.matcher(name.get()).matches()) {
      err.println("--name must be 1-64 letters, digits or . _ @ -: " + name.get());
      return USAGE;
    }
    Optional<Role> role = Role.fromContractName(roleName.get());
    if (role.isEmpty()) {
      err.println("--role must be viewer, operator or admin: " + roleName.get());
      return USAGE;
    }
    String token = newToken();
    TokenEntry entry = new TokenEntry(name.get(), role.get(), TokenHash.of(token));
    out.println("Token for " + entry.name() + " (" + entry.role().contractName() + "); it is shown only now, store it safely:");
    out.println();
    out.println("  " + token);
    out.println();
    out.println("Add this line to the tokens file (TOKENS_FILE); it holds only the token's hash:");
    out.println();
    out.println("  " + entry.line());
    return OK;
  }

  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<String> option(List<String> arguments, String name) {
    int at = arguments.indexOf(name);
    return at < 0 || at + 1 >= arguments.size() ? Optional.empty() : Optional.of(arguments.get(at + 1));
  }
}
