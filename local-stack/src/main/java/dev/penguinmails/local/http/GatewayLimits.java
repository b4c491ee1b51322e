package dev.penguinmails.local.http;

import java.time.Duration;

/**
 * The quotas of an API Gateway HTTP API in front of Lambda.
 *
 * @param maxRequestBytes  the largest request payload API Gateway accepts (10 MB)
 * @param timeout          the integration timeout (30 s)
 * @param maxResponseBytes the largest response a synchronous Lambda invocation may return (6 MB)
 */
public record GatewayLimits(long maxRequestBytes, Duration timeout, long maxResponseBytes) {

    public static GatewayLimits aws() {
        return new GatewayLimits(10L * 1024 * 1024, Duration.ofSeconds(30), 6L * 1024 * 1024);
    }
}
