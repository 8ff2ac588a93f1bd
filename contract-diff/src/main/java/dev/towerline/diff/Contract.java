package dev.towerline.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.towerline.diff.internal.Documents;
import dev.towerline.diff.internal.FileSource;
import dev.towerline.diff.internal.FolderSource;
import dev.towerline.diff.internal.GitSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One version of the contract: {@code openapi.yaml} and/or {@code asyncapi.yaml} and the schema
 * files they reference, read from a folder, a single file, or a folder in a git commit.
 */
public final class Contract {
  public static final String OPENAPI = "openapi.yaml";
  public static final String ASYNCAPI = "asyncapi.yaml";
  /** Where the contract sits in the repository, for git refs and repository roots. */
  public static final String DEFAULT_SPEC_DIR = "api-spec";

  private final Documents documents;
  private final String openapi;
  private final String asyncapi;
  private final boolean whole;
  private final String label;

  private Contract(FileSource source, String openapi, String asyncapi, boolean whole, String label) {
    this.documents = new Documents(source);
    this.label = label;
    this.openapi = openapi;
    this.asyncapi = asyncapi;
    this.whole = whole;
    if (openapi == null && asyncapi == null) {
      throw new UsageException("not a contract: " + label + " holds neither " + OPENAPI + " nor " + ASYNCAPI);
    }
    document(openapi, "openapi");
    document(asyncapi, "asyncapi");
  }

  /**
   * What a command-line argument names: an existing folder (a contract folder, or a repository
   * root holding {@code specDir}), an existing file ({@code openapi.yaml} or {@code asyncapi.yaml}
   * alone), or else a git ref of the repository around {@code workingDirectory}.
   */
  public static Contract locate(String argument, Path workingDirectory, String specDir) {
    Path path = workingDirectory.resolve(argument).normalize();
    if (Files.isDirectory(path)) {
      return folder(path, argument);
    }
    if (Files.isRegularFile(path)) {
      return file(path, argument);
    }
    if (argument.matches("(?i).*\\.(ya?ml|json)")) {
      throw new UsageException("no such file: " + argument);
    }
    return git(workingDirectory, argument, specDir);
  }

  public static Contract folder(Path folder, String label) {
    Path contract = folder;
    if (!has(folder, OPENAPI) && !has(folder, ASYNCAPI) && Files.isDirectory(folder.resolve(DEFAULT_SPEC_DIR))) {
      contract = folder.resolve(DEFAULT_SPEC_DIR);
    }
    String sourceLabel = contract.equals(folder) ? label : label + "/" + DEFAULT_SPEC_DIR;
    return new Contract(new FolderSource(contract, sourceLabel), has(contract, OPENAPI) ? OPENAPI : null,
        has(contract, ASYNCAPI) ? ASYNCAPI : null, true, sourceLabel);
  }

  /** One document alone; the schema files it references are read next to it. */
  public static Contract file(Path file, String label) {
    String name = file.getFileName().toString();
    Path folder = file.toAbsolutePath().getParent();
    Path labelParent = Path.of(label).getParent();
    FolderSource source = new FolderSource(folder, labelParent == null ? "." : labelParent.toString());
    JsonNode tree = new Documents(source).tree(name)
        .orElseThrow(() -> new UsageException("no such file: " + file));
    if (tree.has("openapi")) {
      return new Contract(source, name, null, false, label);
    }
    if (tree.has("asyncapi")) {
      return new Contract(source, null, name, false, label);
    }
    throw new UsageException("not a spec: " + label + " has neither an 'openapi' nor an 'asyncapi' field");
  }

  public static Contract git(Path repository, String ref, String specDir) {
    GitSource source = GitSource.at(repository, ref, specDir);
    boolean hasOpenapi = source.read(OPENAPI).isPresent();
    boolean hasAsyncapi = source.read(ASYNCAPI).isPresent();
    return new Contract(source, hasOpenapi ? OPENAPI : null, hasAsyncapi ? ASYNCAPI : null, true, source.label());
  }

  private static boolean has(Path folder, String name) {
    return Files.isRegularFile(folder.resolve(name));
  }

  private void document(String name, String field) {
    if (name != null && !documents.tree(name).map(tree -> tree.has(field)).orElse(false)) {
      throw new UsageException("not a spec: " + documents.source().label() + "/" + name + " has no '" + field + "' field");
    }
  }

  public String label() {
    return label;
  }

  public Documents documents() {
    return documents;
  }

  public Optional<String> openapi() {
    return Optional.ofNullable(openapi);
  }

  public Optional<String> asyncapi() {
    return Optional.ofNullable(asyncapi);
  }

  /** Whether this is a whole contract folder, so a missing document means it was removed. */
  public boolean whole() {
    return whole;
  }

  /** {@code info.version} of the named document. */
  public Optional<String> version(String document) {
    return documents.tree(document).map(tree -> tree.path("info").path("version").asText(""));
  }
}
