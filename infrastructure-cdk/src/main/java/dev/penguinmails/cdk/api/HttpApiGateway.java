package dev.penguinmails.cdk.api;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.functions.FunctionFamily;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.Topology;
import dev.penguinmails.topology.Topology.RoutedAuthorizer;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaResponseType;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The public HTTP API: every route of the topology, each integrated with the {@code live} alias of
 * its family's API Lambda, and every route not marked public guarded by the topology's Lambda authorizer
 * (simple responses, cached per identity source); CORS, a throttled {@code $default} stage and JSON access logs.
 */
public final class HttpApiGateway extends Construct {

    /** Steady-state requests per second across the whole stage, before API Gateway answers 429. */
    public static final int THROTTLE_RATE_PER_SECOND = 200;
    public static final int THROTTLE_BURST = 400;

    static final List<String> CORS_ALLOW_HEADERS = List.of(
            "Authorization", "Content-Type", "Idempotency-Key", "X-Api-Key", "X-Requested-With");
    static final List<String> CORS_EXPOSE_HEADERS = List.of("Location", "Retry-After", "X-Request-Id");

    private static final String ACCESS_LOG_FORMAT = """
            {"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime",\
            "routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol",\
            "responseLength":"$context.responseLength","latency":"$context.responseLatency",\
            "integrationLatency":"$context.integrationLatency","integrationError":"$context.integrationErrorMessage",\
            "userAgent":"$context.identity.userAgent"}""";

    private final HttpApi api;
    private final HttpStage stage;

    public HttpApiGateway(Construct scope, String id, Topology topology, DeploymentStage deployment,
                          Map<String, FunctionFamily> families) {
        super(scope, id);
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName(deployment.resourceName("api"))
                .description("PenguinMails public API (" + deployment.name() + ")")
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(deployment.corsAllowOrigins())
                        .allowMethods(List.of(CorsHttpMethod.ANY))
                        .allowHeaders(CORS_ALLOW_HEADERS)
                        .exposeHeaders(CORS_EXPOSE_HEADERS)
                        .maxAge(Duration.hours(1))
                        .build())
                // The stage is ours to create: the implicit one has no throttling or access log settings.
                .createDefaultStage(false)
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/apigateway/" + deployment.resourceName("api"))
                .retention(deployment.logRetention())
                .removalPolicy(deployment.dataRemovalPolicy())
                .build();
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(THROTTLE_RATE_PER_SECOND)
                        .burstLimit(THROTTLE_BURST)
                        .build())
                .accessLogSettings(new JsonAccessLogs(new LogGroupLogDestination(accessLogs)))
                .build();
        addRoutes(topology, families);
    }

    /** The base URL of the API, ending in a slash. */
    public String url() {
        return stage.getUrl();
    }

    /** Why a public route has no authorizer, for the rule pack that asks every route for one. */
    static final String PUBLIC_BY_DESIGN = "public by design: anonymous callers need this route (sign-up, sign-in, "
            + "token refresh, email links, invitations), so API Gateway runs no authorizer on it";

    private void addRoutes(Topology topology, Map<String, FunctionFamily> families) {
        Optional<HttpLambdaAuthorizer> authorizer = topology.authorizer().map(a -> authorizer(a, families));
        // One integration per family, shared by all of its routes, and one invoke permission for the whole
        // API rather than one per route: a Lambda's resource policy is capped at 20 kB.
        Map<FunctionSpec, HttpLambdaIntegration> integrations = new IdentityHashMap<>();
        topology.httpRoutes().forEach(routed -> {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(routed.function(), f ->
                    new HttpLambdaIntegration(ConstructIds.of(f.family(), "integration"),
                            families.get(f.family()).alias(routed.handler()),
                            HttpLambdaIntegrationProps.builder().scopePermissionToRoute(false).build()));
            AddRoutesOptions.Builder route = AddRoutesOptions.builder()
                    .path(routed.route().path())
                    .methods(List.of(HttpMethod.valueOf(routed.route().method())))
                    .integration(integration);
            if (!routed.route().isPublic()) {
                // The topology's validation guarantees an authorizer wherever a route is not public.
                route.authorizer(authorizer.orElseThrow());
            }
            List<software.amazon.awscdk.services.apigatewayv2.HttpRoute> added = api.addRoutes(route.build());
            if (routed.route().isPublic()) {
                added.forEach(r -> Suppressions.accept(r, "AwsSolutions-APIG4", PUBLIC_BY_DESIGN));
            }
        });
    }

    /** The REQUEST authorizer (payload 2.0, simple responses) on the live alias of its family's Lambda. */
    private static HttpLambdaAuthorizer authorizer(RoutedAuthorizer routed, Map<String, FunctionFamily> families) {
        return new HttpLambdaAuthorizer(ConstructIds.of(routed.function().family(), routed.handler().name()),
                families.get(routed.function().family()).alias(routed.handler()),
                HttpLambdaAuthorizerProps.builder()
                        .authorizerName(routed.function().family() + "-" + routed.handler().name())
                        .responseTypes(List.of(HttpLambdaResponseType.SIMPLE))
                        .identitySource(List.of(routed.handler().identitySource()))
                        .resultsCacheTtl(Duration.seconds(routed.handler().resultTtlSeconds()))
                        .build());
    }

    /**
     * Access logs as one JSON object per request, to the stage's log group. A plain class, not a record:
     * jsii would take a record's {@code destination()} accessor for an override of the property.
     */
    private static final class JsonAccessLogs implements IAccessLogSettings {
        private final IAccessLogDestination target;

        JsonAccessLogs(IAccessLogDestination target) {
            this.target = target;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return target;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
        }
    }
}
