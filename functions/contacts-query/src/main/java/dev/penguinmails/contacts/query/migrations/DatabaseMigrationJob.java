package dev.penguinmails.contacts.query.migrations;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The deployment step (topology: {@code migrate-database}) that migrates the query model's schema before the new
 * code serves anything. A failure fails the deployment on AWS and the local stack's start.
 */
public class DatabaseMigrationJob extends MicronautRequestHandler<Map<String, Object>, SchemaMigrations.Result> {

    public DatabaseMigrationJob() { }

    public DatabaseMigrationJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public SchemaMigrations.Result execute(Map<String, Object> event) {
        return applicationContext.getBean(SchemaMigrations.class).migrate();
    }
}
