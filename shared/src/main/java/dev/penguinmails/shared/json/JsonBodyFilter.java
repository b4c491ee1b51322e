package dev.penguinmails.shared.json;

import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.http.RequestBodies;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemResponses;
import dev.penguinmails.shared.problems.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.web.router.RouteAttributes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds every JSON request body of every route to {@link JsonBodyCheck} and to the JSON types of the
 * route's declared body ({@link JsonShapeCheck}) before authentication, idempotency or binding run: a
 * malformed string, a duplicate field or a value of the wrong JSON type is answered 400
 * {@code malformed-json} naming each such field, and reaches no code that could write anything.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class JsonBodyFilter implements Ordered {
    static final String DETAIL = "The request body could not be read as JSON of the expected shape.";
    private final ProblemResponses problems;

    private final JsonMapper mapper;

    public JsonBodyFilter(ProblemResponses problems, JsonMapper mapper) {
        this.problems = problems;
        this.mapper = mapper;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> rejectMalformed(HttpRequest<?> request) {
        if (!isJson(request)) {
            return null;
        }
        byte[] body = RequestBodies.bytes(request);
        if (body.length == 0) {
            return null;
        }
        List<FieldError> errors;
        try {
            errors = JsonBodyCheck.problems(body);
            Optional<Argument<?>> declared = declaredBodyType(request);
            if (errors.isEmpty() && declared.isPresent()) {
                errors = JsonShapeCheck.problems(mapper.readValue(body, Argument.of(JsonNode.class)), declared.get());
            }
        } catch (IOException malformed) {
            return problems.responseFor(request, new ProblemException(ProblemType.MALFORMED_JSON, DETAIL));
        }
        if (errors.isEmpty()) {
            return null;
        }
        return problems.responseFor(request, new ProblemException(ProblemType.MALFORMED_JSON, DETAIL, errors, Map.of()));
    }

    /** The Java type the route binds its whole body to, if it binds one. */
    private static Optional<Argument<?>> declaredBodyType(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .flatMap(match -> match.getRouteInfo().getFullRequestBodyType().or(() -> match.getRouteInfo().getRequestBodyType()));
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> MediaType.APPLICATION_JSON_TYPE.matches(type) || type.getSubtype().endsWith("+json"))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        return FilterOrders.JSON_BODY;
    }
}
