package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.new_device_login}: a sign-in from a browser family or network not seen before. */
@Serdeable
public record NewDeviceLogin(String userId, String email, String name, String locale, String timezone,
                             String sessionId, String device, String ip, String userAgent, String signedInAt) { }
