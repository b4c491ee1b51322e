package dev.penguinmails.shared.testing;

import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.StaleVersionException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Endpoints that exercise each API convention; only present when a test switches them on. */
@Hidden
@Requires(property = ConventionsTestController.ENABLED, value = "true")
@Controller("/test")
public class ConventionsTestController {
    public static final String ENABLED = "penguinmails.test.conventions";
    public static final String LEAKY_MESSAGE = "db password hunter2 for ws_OTHER_TENANT";
    private static final Logger LOG = LoggerFactory.getLogger(ConventionsTestController.class);
    public static final AtomicInteger CREATED = new AtomicInteger();

    /** A body with constraints on each kind of field. */
    @Serdeable
    @Introspected
    public record Widget(@NotBlank String name, @Email String email, @Min(1) int quantity,
                         @Size(max = 2) List<@NotBlank String> tags, @Valid List<Part> parts) { }

    /** A nested element. */
    @Serdeable
    public record Part(@NotNull @Size(min = 2) String code) { }

    /** What the create endpoint answers. */
    @Serdeable
    public record Created(int number, String name) { }

    @Post("/widgets")
    public HttpResponse<Created> create(@Body @Valid Widget widget) {
        int number = CREATED.incrementAndGet();
        return HttpResponse.created(new Created(number, widget.name())).header("Location", "/test/widgets/" + number);
    }

    /** Hands out a fresh secret each time, as login does: Idempotency-Key must not apply. */
    @Post("/credentials")
    @IdempotencyExempt
    public HttpResponse<Created> credentials(@Body Widget widget) {
        int number = CREATED.incrementAndGet();
        return HttpResponse.created(new Created(number, java.util.UUID.randomUUID().toString()));
    }

    @Post("/failing")
    public HttpResponse<Created> failing(@Body Widget widget) {
        CREATED.incrementAndGet();
        throw new IllegalStateException(LEAKY_MESSAGE);
    }

    @Post("/rejecting")
    public HttpResponse<Created> rejecting(@Body Widget widget) {
        CREATED.incrementAndGet();
        throw ProblemException.unprocessable("Widgets named " + widget.name() + " cannot be made.");
    }

    /** Ends each way an idempotent request can end: {@code outcome} names which. */
    @Post("/outcomes/{outcome}")
    public HttpResponse<Created> outcome(@PathVariable String outcome, @Body Widget widget) {
        int number = CREATED.incrementAndGet();
        return switch (outcome) {
            case "accepted" -> HttpResponse.<Created>accepted().body(new Created(number, widget.name()))
                    .header("Location", "/test/jobs/" + number).header("Retry-After", "5")
                    .header("ETag", "\"v" + number + "\"").header("X-Internal", "not for replay");
            case "duplicate" -> throw ProblemException.conflict("A widget named " + widget.name() + " exists.");
            case "stale" -> throw new StaleVersionException("The widget was changed meanwhile; try again.");
            case "throttled" -> throw ProblemException.tooManyRequests(Duration.ofSeconds(3), "Slow down.");
            case "unavailable" -> throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "Try later.");
            default -> throw new IllegalArgumentException("unsupported " + outcome);
        };
    }

    @Get("/widgets/{id}")
    public Widget find(@PathVariable String id) {
        throw ProblemException.notFound("There is no widget " + id + ".");
    }

    @Get("/problems/{status}")
    public String problem(@PathVariable int status) {
        throw switch (status) {
            case 401 -> ProblemException.unauthorized("A valid access token is required.");
            case 403 -> ProblemException.forbidden("Viewers cannot change widgets.");
            case 409 -> ProblemException.conflict("A widget with this name exists.");
            case 422 -> ProblemException.unprocessable("The widget cannot be shipped.");
            case 429 -> ProblemException.tooManyRequests(Duration.ofMillis(2500), "Slow down.");
            default -> new IllegalArgumentException("unsupported " + status);
        };
    }

    @Get("/boom")
    public String boom() {
        throw new IllegalStateException(LEAKY_MESSAGE);
    }

    @Get("/quantity")
    public String quantity(@QueryValue @Min(1) @Max(10) int count) {
        return "count " + count;
    }

    @Get("/page")
    public String page(PageRequest page) {
        return page.limit() + " " + page.cursor();
    }

    @Get("/workspaces/{workspaceId}/hello")
    public String hello(@PathVariable String workspaceId) {
        LOG.info("hello from the workspace");
        return "hello";
    }
}
