package dev.penguinmails.shared.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The request body limit of {@link BodyLimitFilter}, bound from {@code penguinmails.http.*}.
 *
 * @param maxBodyBytes the largest body answered with anything but 413 ({@code max-body-bytes}, 256 KiB)
 */
@ConfigurationProperties("penguinmails.http")
public record BodyLimitSettings(@Bindable(defaultValue = "262144") long maxBodyBytes) {
}
