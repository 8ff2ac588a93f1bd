package dev.towerline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.auth.AuthConfig;
import dev.towerline.server.auth.Authenticator;
import dev.towerline.server.auth.FeedTickets;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.health.DependencyHealth;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.policy.CommandPolicy;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** The hand-wired services the REST layer hands to its resources, filters and mappers. */
public record ApiServices(
    ObjectMapper json,
    PublishedContract contract,
    ErrorResponses errors,
    HealthService health,
    DependencyHealth dependencies,
    DeprecationHeaders deprecations,
    PrometheusMeterRegistry metrics,
    int maxRequestBytes,
    DeviceDirectory devices,
    DeviceListing deviceListing,
    ExecutionService executions,
    EventLog eventLog,
    AuditLog auditLog,
    CommandPolicy commandPolicy,
    Clock clock,
    Authenticator authenticator,
    AuthConfig auth,
    FeedTickets feedTickets) {}
