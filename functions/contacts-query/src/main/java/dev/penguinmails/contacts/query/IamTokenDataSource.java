package dev.penguinmails.contacts.query;

import java.io.PrintWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * Connections to RDS Proxy authenticated by IAM (decision 0036): each new connection's password is an
 * authentication token signed with the function's role, made afresh when the last is older than ten minutes
 * (tokens last fifteen, and are only checked when connecting). No password is stored anywhere.
 */
final class IamTokenDataSource implements DataSource {
    private static final Duration REUSE = Duration.ofMinutes(10);

    private final String url;
    private final String user;
    private final String host;
    private final int port;
    private final RdsUtilities rds;
    private String token;
    private Instant madeAt = Instant.EPOCH;

    IamTokenDataSource(String jdbcUrl, String user, String region) {
        this.url = jdbcUrl;
        this.user = user;
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.rds = RdsUtilities.builder().region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }

    private synchronized String token() {
        if (token == null || madeAt.plus(REUSE).isBefore(Instant.now())) {
            token = rds.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
            madeAt = Instant.now();
        }
        return token;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", token());
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Not used: the driver logs through java.util.logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
