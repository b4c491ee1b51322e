package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import io.micronaut.function.aws.JsonMapperCustomPojoSerializer;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/**
 * Turns event JSON into handler input and handler output into JSON with the serializer the Lambda
 * Java runtime would pick for this jar: the {@link CustomPojoSerializer} registered through
 * {@link ServiceLoader} (micronaut-aws-lambda-events-serde registers one that knows the AWS event
 * field names, such as SQS {@code Records} and API Gateway {@code rawPath}).
 */
final class LambdaSerializer {
    private final CustomPojoSerializer delegate;

    private LambdaSerializer(CustomPojoSerializer delegate) {
        this.delegate = delegate;
    }

    /** The serializer registered in {@code loader}, else Micronaut's JsonMapper-based one. */
    static LambdaSerializer forClassLoader(ClassLoader loader) {
        CustomPojoSerializer found = ServiceLoader.load(CustomPojoSerializer.class, loader).findFirst()
                .orElseGet(JsonMapperCustomPojoSerializer::new);
        return new LambdaSerializer(found);
    }

    Object read(String json, Type type) {
        return delegate.fromJson(json, type);
    }

    String write(Object value, Type type) {
        if (value == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        delegate.toJson(value, out, type);
        return out.toString(StandardCharsets.UTF_8);
    }

    String describe() {
        return delegate.getClass().getName();
    }
}
