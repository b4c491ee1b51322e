package dev.penguinmails.shared.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets API keys call an endpoint that has no {@code {workspaceId}} in its path. Without it such an endpoint
 * is for people only (403 for keys): a key belongs to one workspace, and only workspace routes check its
 * scopes, so any other route must say on purpose that a key may use it (and then checks what it needs itself).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowsApiKeys {
}
