package dev.penguinmails.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Every function logs one JSON object per line to stdout (CloudWatch Logs on AWS, the console locally),
 * with the MDC (requestId, workspaceId) as the {@code mdc} object; {@code LOG_LEVEL} (environment variable or
 * system property) sets our own loggers' level, WARN applies to everything else.
 *
 * <p>Configured in code rather than in logback.xml: parsing XML cost every cold start tens of milliseconds
 * and a few hundred classes. Its rank is below logback's own file configurator (0), so a
 * {@code logback-test.xml}, a {@code logback.xml} or {@code -Dlogback.configurationFile} still wins, and
 * above the plain console fallback (-10).
 */
@ConfiguratorRank(JsonLogging.RANK)
public class JsonLogging extends ContextAwareBase implements Configurator {
    static final int RANK = -5;
    static final String LEVEL_VARIABLE = "LOG_LEVEL";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("JSON");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("dev.penguinmails").setLevel(ownLevel());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code LOG_LEVEL} as a system property, else as an environment variable, else INFO. */
    static Level ownLevel() {
        String configured = System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE));
        return Level.toLevel(configured, Level.INFO);
    }
}
