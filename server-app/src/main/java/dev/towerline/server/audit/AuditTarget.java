package dev.towerline.server.audit;

/**
 * What an audited action was about.
 *
 * @param executionId null when not known (a refused create made none)
 * @param deviceSerial null when not known
 */
public record AuditTarget(String executionId, String deviceSerial) {
  public static final AuditTarget NONE = new AuditTarget(null, null);
}
