package dev.penguinmails.contacts.query;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * On AWS ({@code penguinmails.databases.contacts.iam-auth=true}) the pool connects through
 * {@link IamTokenDataSource}, with a fresh IAM token as each new connection's password; locally and in tests the
 * embedded Postgres trusts local connections and nothing changes. The switch is read at run time, not as a bean
 * condition: AOT evaluates conditions at build time, where it is false, and would drop the bean from the jar.
 */
@Singleton
class IamAuthentication implements BeanCreatedEventListener<DatasourceConfiguration> {
    private final boolean enabled;
    private final String region;

    IamAuthentication(@Value("${penguinmails.databases.contacts.iam-auth:false}") boolean enabled,
                      @Value("${" + ConfigKeys.REGION + ":}") String region) {
        this.enabled = enabled;
        this.region = region;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        if (!enabled) {
            return config;
        }
        config.setDataSource(new IamTokenDataSource(config.getJdbcUrl(), config.getUsername(), region));
        return config;
    }
}
