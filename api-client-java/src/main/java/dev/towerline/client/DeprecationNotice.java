package dev.towerline.client;

import java.time.Instant;

/**
 * The server answered an operation it has deprecated ({@code Deprecation}, {@code Sunset} and
 * {@code Link} headers, RFC 9745 / RFC 8594). The SDK logs one warning per operation and client,
 * and hands the first notice of each operation to {@link TowerlineListener#deprecated}.
 *
 * <pre>{@code
 * TowerlineClient.builder().baseUrl(url).listener(new TowerlineListener() {
 *   public void deprecated(DeprecationNotice notice) {
 *     log.warn("{} is deprecated, gone after {}: {}", notice.operation(), notice.sunset(), notice.link());
 *   }
 * }).build();
 * }</pre>
 *
 * @param operation the spec's operationId, e.g. {@code getLegacyStatus}
 * @param deprecatedAt when it was deprecated; null if the header was not a date
 * @param sunset after when it may be removed; null if not announced
 * @param link the migration note ({@code rel="deprecation"}), else the first link, as an absolute URL
 *     (a relative link such as {@code /docs/guides/…} is resolved against the URL the answer came
 *     from); null if none
 */
public record DeprecationNotice(String operation, Instant deprecatedAt, Instant sunset, String link) {}
