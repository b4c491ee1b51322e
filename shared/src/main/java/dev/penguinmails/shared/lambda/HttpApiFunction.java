package dev.penguinmails.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The HTTP API entry point of every function family: Micronaut's API Gateway v2 handler, with cookies
 * carried as payload format 2.0 carries them ({@link PayloadCookies}). micronaut-aws 4.11.0 ignores the
 * event's {@code cookies} field, so a controller never sees a cookie, and answers Set-Cookie as a header,
 * which API Gateway reduces to one.
 */
public class HttpApiFunction extends APIGatewayV2HTTPEventFunction {

    /** The constructor Lambda uses: it starts a Micronaut context for this function. */
    public HttpApiFunction() {
        super();
    }

    /** For tests: runs inside an existing context. */
    public HttpApiFunction(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PayloadCookies.intoResponse(super.handleRequest(PayloadCookies.intoRequest(event), context));
    }
}
