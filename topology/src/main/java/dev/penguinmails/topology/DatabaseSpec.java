package dev.penguinmails.topology;

/**
 * A relational query model: a Postgres database that answers what DynamoDB cannot without scanning (segments,
 * search). It is a projection of DynamoDB, fed by events and reconciled, never a system of record. Aurora
 * Serverless v2 behind RDS Proxy with IAM authentication on AWS, embedded Postgres locally and in tests
 * (decision 0036). Only the families whose {@link FunctionSpec.Access#databases()} name it are told where it is.
 *
 * @param name        logical name; also the database's name inside the cluster
 * @param minCapacity Aurora capacity units the cluster scales down to (0.5 is the smallest that never pauses)
 * @param maxCapacity Aurora capacity units it scales up to
 */
public record DatabaseSpec(String name, double minCapacity, double maxCapacity) {
    public DatabaseSpec {
        Names.requireLogicalName(name);
        if (minCapacity < 0 || maxCapacity < minCapacity || maxCapacity > 256) {
            throw new IllegalArgumentException("capacity out of range for database " + name);
        }
    }

    /** The database user the functions connect as, with IAM authentication on AWS. */
    public String applicationUser() {
        return name.replace('-', '_') + "_app";
    }
}
