package dev.penguinmails.sending.launch;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every launch check's result at once: ready when there is no problem. */
@Serdeable
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@Schema(name = "LaunchCheckReport")
public record LaunchCheckReport(boolean ready, List<LaunchProblem> problems) {
    public static LaunchCheckReport of(List<LaunchProblem> problems) {
        return new LaunchCheckReport(problems.isEmpty(), List.copyOf(problems));
    }
}
