package dev.towerline.server.audit;

import dev.towerline.server.auth.TokenChange;
import dev.towerline.server.auth.TokenChanges;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each reload of the tokens file in the audit log, as the admin action {@value #ACTION} of
 * actor {@value #ACTOR}: which token names were added, removed or changed (never a token).
 */
public final class TokenChangeAudit implements TokenChanges {
  static final String ACTION = "reloadTokens";
  static final String ACTOR = "system";
  private static final Logger log = LoggerFactory.getLogger(TokenChangeAudit.class);

  private final AuditLog auditLog;

  public TokenChangeAudit(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  public void tokensChanged(TokenChange change) {
    Map<String, Object> names =
        Map.of(
            "added", new TreeSet<>(change.added()),
            "removed", new TreeSet<>(change.removed()),
            "changed", new TreeSet<>(change.changed()));
    try {
      auditLog.recordAdminAction(ACTOR, null, ACTION, names, AuditOutcome.succeeded());
    } catch (AuditUnavailableException e) {
      log.error("The tokens reload ({}) could not be recorded in the audit log: the database is unavailable", change);
    }
  }
}
