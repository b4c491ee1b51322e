/**
 * RFC 9457 problem responses for every error a function can give.
 *
 * <p>Why not {@code micronaut-problem-json}: it renders Zalando {@code Problem}s with type
 * {@code about:blank} unless each throw site builds a URI, lists bean-validation failures as
 * {@code violations} named by Java property path, and leaves 404/405/415 and body-parsing errors to
 * its generic mapping. We need stable {@code https://penguinmails.dev/problems/<slug>} types for every
 * case, {@code errors[{field, message}]} named as the client sent them, and one place that guarantees
 * a 5xx says nothing internal. That is one {@code ErrorResponseProcessor} and three small handlers.
 */
package dev.penguinmails.shared.problems;
