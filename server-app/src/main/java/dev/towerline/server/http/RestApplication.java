package dev.towerline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.audit.AuditLog;
import dev.towerline.server.auth.AuthConfig;
import dev.towerline.server.auth.AuthenticationFilter;
import dev.towerline.server.auth.Authenticator;
import dev.towerline.server.auth.AuthorizationFilter;
import dev.towerline.server.auth.FeedTickets;
import dev.towerline.server.contract.PublishedContract;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.spec.ContractDocuments;
import dev.towerline.server.devices.DeviceDirectory;
import dev.towerline.server.devices.listing.DeviceListing;
import dev.towerline.server.executions.ExecutionService;
import dev.towerline.server.feed.log.EventLog;
import dev.towerline.server.http.error.AdbExceptionMapper;
import java.time.Clock;
import dev.towerline.server.health.DependencyHealth;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.error.ApiExceptionMapper;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.http.error.JsonBindingExceptionMapper;
import dev.towerline.server.http.error.MalformedJsonExceptionMapper;
import dev.towerline.server.http.error.MethodNotAllowedExceptionMapper;
import dev.towerline.server.http.error.NotAcceptableExceptionMapper;
import dev.towerline.server.http.error.ParamExceptionMapper;
import dev.towerline.server.http.error.RouteNotFoundExceptionMapper;
import dev.towerline.server.http.error.UnexpectedExceptionMapper;
import dev.towerline.server.http.error.UnsupportedMediaTypeExceptionMapper;
import dev.towerline.server.http.error.WebApplicationExceptionMapper;
import dev.towerline.server.http.resource.AuditResource;
import dev.towerline.server.http.resource.ContractResource;
import dev.towerline.server.http.resource.DevicesResource;
import dev.towerline.server.http.resource.EventsResource;
import dev.towerline.server.http.resource.ExecutionsResource;
import dev.towerline.server.http.resource.FeedTicketsResource;
import dev.towerline.server.http.resource.HealthResource;
import dev.towerline.server.http.resource.MetricsResource;
import dev.towerline.server.policy.CommandPolicy;
import dev.towerline.server.site.SiteContent;
import dev.towerline.server.site.SiteResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application: every resource, filter, converter and exception mapper, and the
 * hand-made services they receive through their constructors. Classes are registered rather than
 * instances: Jersey only sees the {@code @Path} of the generated interfaces on a class.
 */
public final class RestApplication extends ResourceConfig {
  /** Holds a page of 50 devices (about 18 KB) whole; allocated per response, so not much more. */
  static final int RESPONSE_BUFFER_BYTES = 32 * 1024;

  private final RequestContract requests;
  private final AccessLog accessLog;
  private final ObjectMapperResolver bodies;

  public RestApplication(ApiServices services) {
    // Compiled once here, at start-up: a contract the server cannot read stops it from starting.
    this.requests = RequestContract.read(ContractDocuments.bundled());
    this.accessLog = new AccessLog(services.metrics());
    this.bodies = new ObjectMapperResolver(services.json());
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // A body up to this size goes out with Content-Length in one write; beyond it, chunked as it
    // is written. The default 8 KiB chunked every device list page of more than ~20 devices.
    property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, RESPONSE_BUFFER_BYTES);
    // Our mappers answer Jackson failures with the envelope; Jersey's would answer plain text.
    register(JacksonFeature.withoutExceptionMappers());
    register(bodies);

    register(RequestIdFilter.class);
    register(AccessLogFilter.class);
    register(new RequestBodyLimitFilter(services.maxRequestBytes()));
    register(AuditFilter.class);
    register(DeprecationHeadersFilter.class);
    register(AuthenticationFilter.class);
    register(AuthorizationFilter.class);
    register(ContractRequestFilter.class);
    register(ContractEnumParamConverterProvider.class);
    register(OffsetDateTimeParamConverterProvider.class);

    register(HealthResource.class);
    register(ContractResource.class);
    register(DevicesResource.class);
    register(ExecutionsResource.class);
    register(EventsResource.class);
    register(FeedTicketsResource.class);
    register(MetricsResource.class);
    register(AuditResource.class);
    // /docs/ and /dashboard/: static pages from the class path, outside the contract.
    register(SiteResource.class);

    register(ApiExceptionMapper.class);
    register(AdbExceptionMapper.class);
    register(RouteNotFoundExceptionMapper.class);
    register(MethodNotAllowedExceptionMapper.class);
    register(UnsupportedMediaTypeExceptionMapper.class);
    register(NotAcceptableExceptionMapper.class);
    register(MalformedJsonExceptionMapper.class);
    register(JsonBindingExceptionMapper.class);
    register(ParamExceptionMapper.class);
    register(WebApplicationExceptionMapper.class);
    register(UnexpectedExceptionMapper.class);

    register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(services.json()).to(ObjectMapper.class);
            bind(services.contract()).to(PublishedContract.class);
            bind(requests).to(RequestContract.class);
            bind(accessLog).to(AccessLog.class);
            bind(services.errors()).to(ErrorResponses.class);
            bind(services.health()).to(HealthService.class);
            bind(services.dependencies()).to(DependencyHealth.class);
            bind(services.deprecations()).to(DeprecationHeaders.class);
            bind(services.metrics()).to(PrometheusMeterRegistry.class).to(MeterRegistry.class);
            bind(services.devices()).to(DeviceDirectory.class);
            bind(services.deviceListing()).to(DeviceListing.class);
            bind(services.executions()).to(ExecutionService.class);
            bind(services.eventLog()).to(EventLog.class);
            bind(services.auditLog()).to(AuditLog.class);
            bind(services.commandPolicy()).to(CommandPolicy.class);
            bind(services.clock()).to(Clock.class);
            bind(services.authenticator()).to(Authenticator.class);
            bind(services.auth()).to(AuthConfig.class);
            bind(services.feedTickets()).to(FeedTickets.class);
            bind(SiteContent.fromClasspath(RestApplication.class.getClassLoader())).to(SiteContent.class);
          }
        });
  }

  /** The request rules of openapi.yaml, as the application's filters check them. */
  public RequestContract requests() {
    return requests;
  }

  /** The mapper that writes response bodies, for paths that answer without Jersey. */
  public ObjectMapper bodyMapper() {
    return bodies.getContext(Object.class);
  }

  /** The access log and latency metric every answered request goes to. */
  public AccessLog accessLog() {
    return accessLog;
  }
}
