package dev.penguinmails.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerSignatureTest {

    @Test
    void readsTypesThroughMicronautsGenericSuperclass() {
        HandlerSignature signature = HandlerSignature.of(RecordingSqsHandler.class);

        assertThat(signature.input()).isEqualTo(SQSEvent.class);
        assertThat(signature.output()).isEqualTo(SQSBatchResponse.class);
    }

    @Test
    void readsMicronautsApiGatewayProxyHandler() {
        HandlerSignature signature = HandlerSignature.of(APIGatewayV2HTTPEventFunction.class);

        assertThat(signature.input()).isEqualTo(APIGatewayV2HTTPEvent.class);
        assertThat(signature.output()).isEqualTo(APIGatewayV2HTTPResponse.class);
    }

    @Test
    void followsTypeVariablesThatAnIntermediateClassBinds() {
        HandlerSignature signature = HandlerSignature.of(Concrete.class);

        assertThat(signature.input()).isEqualTo(ScheduledEvent.class);
        assertThat(signature.output()).isInstanceOf(ParameterizedType.class);
        assertThat(((ParameterizedType) signature.output()).getRawType()).isEqualTo(List.class);
    }

    @Test
    void rejectsAClassThatIsNoRequestHandler() {
        assertThatThrownBy(() -> HandlerSignature.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    abstract static class Base<A, B> implements RequestHandler<B, A> { }

    abstract static class Middle<X> extends Base<List<String>, X> { }

    static class Concrete extends Middle<ScheduledEvent> {
        @Override
        public List<String> handleRequest(ScheduledEvent input, Context context) {
            return List.of();
        }
    }
}
