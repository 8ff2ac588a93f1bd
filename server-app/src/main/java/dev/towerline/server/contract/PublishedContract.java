package dev.towerline.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The contract as the server publishes it: the files bundled in the api-spec jar under {@value #CLASSPATH_ROOT}: the OpenAPI and
 * AsyncAPI documents and the shared JSON Schemas they reference. The server publishes them as they
 * are and reads its version and error codes from them, so the spec stays the single source.
 */
public final class PublishedContract {

  /** Where the api-spec jar puts the contract on the classpath. */
  public static final String CLASSPATH_ROOT = dev.towerline.spec.ContractDocuments.CLASSPATH_ROOT;

  public static final String OPENAPI_FILE = dev.towerline.spec.ContractDocuments.OPENAPI;
  public static final String ASYNCAPI_FILE = dev.towerline.spec.ContractDocuments.ASYNCAPI;
  public static final String ERROR_CODE_SCHEMA = "error-code.json";

  // Flat file names only: no separators or dots beyond the extension, so no path can escape
  // the schemas folder whatever the request decodes to.
  private static final Pattern SCHEMA_FILE_NAME = Pattern.compile("[a-z0-9-]+\\.json");
  private static final String SCHEMAS = CLASSPATH_ROOT + "schemas/";

  private final ClassLoader classLoader;
  private final byte[] openApi;
  private final byte[] asyncApi;
  private final String apiVersion;
  // Only files that exist are cached, and names are checked first, so this stays small.
  private final ConcurrentMap<String, byte[]> schemaFiles = new ConcurrentHashMap<>();

  private PublishedContract(ClassLoader classLoader, byte[] openApi, byte[] asyncApi) {
    this.classLoader = classLoader;
    this.openApi = openApi;
    this.asyncApi = asyncApi;
    this.apiVersion = readInfoVersion(openApi);
  }

  /**
   * Loads the documents with {@code classLoader}.
   *
   * @throws IllegalStateException when a document is missing or has no {@code info.version}
   */
  public static PublishedContract fromClasspath(ClassLoader classLoader) {
    return new PublishedContract(
        classLoader,
        require(classLoader, CLASSPATH_ROOT + OPENAPI_FILE),
        require(classLoader, CLASSPATH_ROOT + ASYNCAPI_FILE));
  }

  /** {@code info.version} of the OpenAPI document: the contract version this server implements. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The OpenAPI document, byte for byte as bundled (a copy). */
  public byte[] openApi() {
    return openApi.clone();
  }

  /** The AsyncAPI document, byte for byte as bundled (a copy). */
  public byte[] asyncApi() {
    return asyncApi.clone();
  }

  /**
   * The shared schema file with this name, e.g. {@code device.json}; empty when the name is not a
   * plain schema file name or no such file is bundled.
   */
  public Optional<byte[]> schemaFile(String fileName) {
    if (!SCHEMA_FILE_NAME.matcher(fileName).matches()) {
      return Optional.empty();
    }
    byte[] cached = schemaFiles.get(fileName);
    if (cached == null) {
      Optional<byte[]> loaded = read(classLoader, SCHEMAS + fileName);
      if (loaded.isEmpty()) {
        return Optional.empty();
      }
      cached = schemaFiles.computeIfAbsent(fileName, name -> loaded.get());
    }
    return Optional.of(cached.clone());
  }

  private static String readInfoVersion(byte[] openApi) {
    try {
      JsonNode version = new ObjectMapper(new YAMLFactory()).readTree(openApi).path("info").path("version");
      if (!version.isTextual() || version.asText().isBlank()) {
        throw new IllegalStateException(OPENAPI_FILE + " has no info.version");
      }
      return version.asText();
    } catch (IOException e) {
      throw new IllegalStateException(OPENAPI_FILE + " is not readable YAML", e);
    }
  }

  private static byte[] require(ClassLoader classLoader, String resource) {
    return read(classLoader, resource)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Contract file " + resource + " is not on the classpath (api-spec jar missing?)"));
  }

  private static Optional<byte[]> read(ClassLoader classLoader, String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read contract file " + resource, e);
    }
  }
}
