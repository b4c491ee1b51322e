package dev.penguinmails.shared.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint on which {@code Idempotency-Key} is ignored: nothing is stored and nothing replayed.
 * Every route whose answer holds a credential (tokens, API keys) or whose request proves one (login,
 * refresh, token links) carries it: a stored answer would keep a live secret in the table for a day, and
 * a replay would skip the checks that make the credential single-use (refresh-token reuse detection).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface IdempotencyExempt {
}
