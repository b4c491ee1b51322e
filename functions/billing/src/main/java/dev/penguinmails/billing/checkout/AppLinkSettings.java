package dev.penguinmails.billing.checkout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where billing sends people back to, bound from {@code penguinmails.billing.*}.
 *
 * @param appUrl the web app that Checkout and the Customer Portal return to ({@code app-url}, {@code http://localhost:3000})
 */
@ConfigurationProperties("penguinmails.billing")
public record AppLinkSettings(@Bindable(defaultValue = "http://localhost:3000") String appUrl) { }
