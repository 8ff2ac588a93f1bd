/**
 * The audit log: every write and admin action, with who made it, from where, its outcome and its
 * payload (secrets redacted), stored in the database before the answer goes out, read back by
 * admins, and purged after the configured retention. {@link dev.towerline.server.audit.AuditLog}
 * is the one entry point, for the HTTP layer and for admin actions outside HTTP (token reloads).
 * Non-null unless a method or record component says otherwise.
 */
package dev.towerline.server.audit;
