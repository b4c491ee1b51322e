package dev.penguinmails.shared.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link Context} that always answers for the invocation in progress. Lambda runs one invocation
 * at a time per environment; the local stack may run several at once on one handler, so the context
 * is kept per thread, with the latest one as the answer for threads that never saw an invocation.
 */
final class CurrentLambdaContext implements Context {
    private final ThreadLocal<Context> perThread = new ThreadLocal<>();
    private volatile Context latest;

    void set(Context context) {
        perThread.set(context);
        latest = context;
    }

    Optional<Context> current() {
        Context context = perThread.get();
        return Optional.ofNullable(context != null ? context : latest);
    }

    private <T> T read(Function<Context, T> getter) {
        return current().map(getter).orElse(null);
    }

    @Override
    public String getAwsRequestId() {
        return read(Context::getAwsRequestId);
    }

    @Override
    public String getLogGroupName() {
        return read(Context::getLogGroupName);
    }

    @Override
    public String getLogStreamName() {
        return read(Context::getLogStreamName);
    }

    @Override
    public String getFunctionName() {
        return read(Context::getFunctionName);
    }

    @Override
    public String getFunctionVersion() {
        return read(Context::getFunctionVersion);
    }

    @Override
    public String getInvokedFunctionArn() {
        return read(Context::getInvokedFunctionArn);
    }

    @Override
    public CognitoIdentity getIdentity() {
        return read(Context::getIdentity);
    }

    @Override
    public ClientContext getClientContext() {
        return read(Context::getClientContext);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return current().map(Context::getRemainingTimeInMillis).orElse(0);
    }

    @Override
    public int getMemoryLimitInMB() {
        return current().map(Context::getMemoryLimitInMB).orElse(0);
    }

    @Override
    public LambdaLogger getLogger() {
        return read(Context::getLogger);
    }

    @Override
    public String getTenantId() {
        return read(Context::getTenantId);
    }

    LambdaLogger logger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                LambdaLogger logger = getLogger();
                if (logger != null) {
                    logger.log(message);
                }
            }

            @Override
            public void log(byte[] message) {
                LambdaLogger logger = getLogger();
                if (logger != null) {
                    logger.log(message);
                }
            }

            @Override
            public void log(String message, LogLevel level) {
                LambdaLogger logger = getLogger();
                if (logger != null) {
                    logger.log(message, level);
                }
            }
        };
    }

    ClientContext clientContext() {
        return new ClientContext() {
            @Override
            public Client getClient() {
                ClientContext c = getClientContext();
                return c == null ? null : c.getClient();
            }

            @Override
            public Map<String, String> getCustom() {
                ClientContext c = getClientContext();
                return c == null ? null : c.getCustom();
            }

            @Override
            public Map<String, String> getEnvironment() {
                ClientContext c = getClientContext();
                return c == null ? null : c.getEnvironment();
            }
        };
    }

    CognitoIdentity identity() {
        return new CognitoIdentity() {
            @Override
            public String getIdentityId() {
                CognitoIdentity c = getIdentity();
                return c == null ? null : c.getIdentityId();
            }

            @Override
            public String getIdentityPoolId() {
                CognitoIdentity c = getIdentity();
                return c == null ? null : c.getIdentityPoolId();
            }
        };
    }
}
