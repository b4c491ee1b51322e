package dev.penguinmails.shared.http;

import io.micronaut.core.order.Ordered;

/**
 * The order of the HTTP server filters every function shares, lowest first. Request context comes
 * first so that every later answer (even a 413) carries the request id; authentication must run
 * before idempotency, whose records are scoped to the caller.
 */
public final class FilterOrders {
    /** Pre-matching: request id, MDC, X-Request-Id on the response. */
    public static final int REQUEST_CONTEXT = Ordered.HIGHEST_PRECEDENCE + 100;
    /** Pre-matching: rejects oversized bodies before any routing or parsing. */
    public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 200;
    /** After routing: the workspace id of the path joins the MDC. */
    public static final int WORKSPACE_CONTEXT = Ordered.HIGHEST_PRECEDENCE + 300;
    /** After routing, before anything that may write: malformed JSON bodies get their 400 here. */
    public static final int JSON_BODY = Ordered.HIGHEST_PRECEDENCE + 400;
    /** After routing: who is calling; sets {@link dev.penguinmails.shared.tenancy.RequestPrincipal}. */
    public static final int AUTHENTICATION = 0;
    /** After routing and authentication: Idempotency-Key handling. */
    public static final int IDEMPOTENCY = 1_000;

    private FilterOrders() { }
}
