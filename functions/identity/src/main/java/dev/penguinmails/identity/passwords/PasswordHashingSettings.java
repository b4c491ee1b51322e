package dev.penguinmails.identity.passwords;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Argon2id parameters of new password hashes, bound from {@code penguinmails.passwords.*}.
 *
 * @param memoryKib   memory per hash in KiB ({@code memory-kib})
 * @param iterations  passes over that memory
 * @param parallelism lanes
 */
@ConfigurationProperties("penguinmails.passwords")
public record PasswordHashingSettings(@Bindable(defaultValue = "65536") int memoryKib,
                                      @Bindable(defaultValue = "3") int iterations,
                                      @Bindable(defaultValue = "1") int parallelism) {
}
