package dev.penguinmails.identity.login;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountLocked;
import dev.penguinmails.events.identity.accounts.NewDeviceLogin;
import dev.penguinmails.identity.emails.EmailLinks;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.IdentityEmail;
import dev.penguinmails.identity.emails.OutgoingEmail;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/** The emails about sign-ins: the lockout notice and the new-device notice. */
public final class LoginEmails {
    private LoginEmails() { }

    /** An instant as the person reads it: in their own time zone and language, with the zone named. */
    static String localTime(String isoInstant, String timezone, String locale) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(locale))
                .format(Instant.parse(isoInstant).atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** After {@code account.locked}. */
    @Singleton
    public static class Lockout implements IdentityEmail {
        private final EmailLinks links;

        public Lockout(EmailLinks links) {
            this.links = links;
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_LOCKED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            AccountLocked p = (AccountLocked) event.payload();
            String until = localTime(p.lockedUntil(), p.timezone(), p.locale());
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("We locked sign-in to your PenguinMails account after " + p.failedAttempts()
                            + " wrong passwords in a row. The last attempt came from IP address " + p.ip() + ".")
                    .paragraph("You can sign in again after " + until + ".")
                    .paragraph("If these attempts were not yours, someone may be guessing your password. Choose a new, "
                            + "unique one: request a reset at " + links.baseUrl() + "/reset-password (or POST your address to "
                            + "/v1/auth/password-reset). A reset also signs out every session.")
                    .closing("If it was you, there is nothing to do but wait for the unlock time.")
                    .build(p.email(), "Your PenguinMails account is locked until " + until));
        }
    }

    /** After {@code account.new_device_login}. */
    @Singleton
    public static class NewDevice implements IdentityEmail {
        private final EmailLinks links;

        public NewDevice(EmailLinks links) {
            this.links = links;
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_NEW_DEVICE_LOGIN.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            NewDeviceLogin p = (NewDeviceLogin) event.payload();
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("Your PenguinMails account was just signed in to from a device or network we had not seen before.")
                    .paragraph("Device: " + p.device() + "\nIP address: " + p.ip() + "\nWhen: "
                            + localTime(p.signedInAt(), p.timezone(), p.locale()))
                    .paragraph("If this was you, there is nothing to do.")
                    .paragraph("If it was not, end that session at " + links.baseUrl() + "/settings/sessions (DELETE "
                            + "/v1/me/sessions/" + p.sessionId() + "), then reset your password, which signs out everywhere.")
                    .closing("We send this email for every new device, so that you hear about a sign-in that was not yours.")
                    .build(p.email(), "New sign-in to PenguinMails from " + p.device()));
        }
    }
}
