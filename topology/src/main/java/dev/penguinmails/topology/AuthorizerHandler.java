package dev.penguinmails.topology;

/**
 * An API Gateway HTTP API Lambda authorizer (REQUEST type, payload format 2.0, simple responses) that a
 * family offers the whole API: every route not marked public runs it first. API Gateway caches its
 * answer per value of {@code identitySource} for {@code resultTtlSeconds}.
 *
 * @param identitySource  the request part the answer depends on, e.g. {@code $request.header.Authorization};
 *                        a request without it is refused with 401 before the authorizer runs
 * @param resultTtlSeconds how long API Gateway reuses an answer (0 to 3600; 0 turns caching off)
 */
public record AuthorizerHandler(String name, String handlerClass, String identitySource, int resultTtlSeconds)
        implements EntryPoint {

    /** The header every authorized request carries its credential in. */
    public static final String AUTHORIZATION_HEADER_SOURCE = "$request.header.Authorization";

    public AuthorizerHandler {
        Names.requireLogicalName(name);
        if (!identitySource.startsWith("$request.header.")) {
            throw new IllegalArgumentException("only header identity sources are supported: " + identitySource);
        }
        if (resultTtlSeconds < 0 || resultTtlSeconds > 3600) {
            throw new IllegalArgumentException("API Gateway caches authorizer results for 0 to 3600 s, not "
                    + resultTtlSeconds);
        }
    }

    /** The header named by the identity source, in lower case as payload 2.0 events carry it. */
    public String identityHeader() {
        return identitySource.substring("$request.header.".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
