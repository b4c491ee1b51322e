package dev.penguinmails.topology.environment;

/**
 * Where a function reaches a {@link dev.penguinmails.topology.DatabaseSpec database}: its JDBC URL, the user, and
 * whether the password is an IAM authentication token made per connection (AWS, through RDS Proxy) rather than
 * none (the local embedded Postgres trusts local connections).
 */
public record DatabaseEndpoint(String jdbcUrl, String username, boolean iamAuthentication) { }
