package dev.penguinmails.contacts.settings;

import dev.penguinmails.contacts.model.PhoneNumbers;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How contacts are normalised, bound from {@code penguinmails.contacts.*}.
 *
 * @param defaultPhoneRegion the country a phone number without a country code is read in
 *                           ({@code default-phone-region}, ISO 3166 code, {@code US})
 * @param maxTags            the most tags a contact may have ({@code max-tags}, 50)
 * @param maxCustomFields    the most custom fields a workspace may declare ({@code max-custom-fields}, 100)
 */
@ConfigurationProperties("penguinmails.contacts")
public record ContactSettings(@Bindable(defaultValue = "US") String defaultPhoneRegion,
                              @Bindable(defaultValue = "50") int maxTags,
                              @Bindable(defaultValue = "100") int maxCustomFields) {
    public ContactSettings {
        if (!PhoneNumbers.knownRegion(defaultPhoneRegion)) {
            throw new IllegalArgumentException("penguinmails.contacts.default-phone-region is no region libphonenumber "
                    + "knows: " + defaultPhoneRegion);
        }
        if (maxTags < 1 || maxCustomFields < 1) {
            throw new IllegalArgumentException("penguinmails.contacts.max-tags and max-custom-fields must be positive");
        }
    }
}
