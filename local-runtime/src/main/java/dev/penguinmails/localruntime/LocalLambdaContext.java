package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the function's name and
 * the time left before its deadline, as the Lambda runtime reports them.
 */
public final class LocalLambdaContext implements Context {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";

    private final String requestId;
    private final String functionName;
    private final long deadlineMillis;
    private final int memoryLimitMb;

    public LocalLambdaContext(String functionName, long timeoutMillis) {
        this(UUID.randomUUID().toString(), functionName, System.currentTimeMillis() + timeoutMillis,
                (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    public LocalLambdaContext(String requestId, String functionName, long deadlineMillis, int memoryLimitMb) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.deadlineMillis = deadlineMillis;
        this.memoryLimitMb = memoryLimitMb;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, deadlineMillis - System.currentTimeMillis()));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return StdoutLogger.INSTANCE;
    }

    /** Lambda's context logger writes to the function's log stream; locally that is standard output. */
    private enum StdoutLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.print(new String(message, StandardCharsets.UTF_8));
        }
    }
}
