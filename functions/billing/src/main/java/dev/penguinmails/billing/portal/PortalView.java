package dev.penguinmails.billing.portal;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The one-time Customer Portal link.
 */
@Serdeable
public record PortalView(String url) { }
