package dev.penguinmails.testsupport.config;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/** Binds a {@code @ConfigurationProperties} record as a function would, in a context of its own. */
public final class ConfigurationRecords {
    private ConfigurationRecords() {
    }

    /** {@code type} with nothing set beyond the module's own configuration files: its defaults. */
    public static <T> T bind(Class<T> type) {
        return bind(type, Map.of());
    }

    /** {@code type} bound with {@code properties} set, as the environment would set them. */
    public static <T> T bind(Class<T> type, Map<String, ?> properties) {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(properties))) {
            return context.getBean(type);
        }
    }
}
