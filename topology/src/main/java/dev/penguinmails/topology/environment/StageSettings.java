package dev.penguinmails.topology.environment;

/**
 * The settings of one deployment stage that a function may be given besides resource names.
 *
 * @param appBaseUrl the web app that email links point at, or {@code null} to use the stage's default
 * @param mailFrom   the sender of the platform's own emails, or {@code null} to use the stage's default
 */
public record StageSettings(String stage, String region, String appBaseUrl, String mailFrom) {

    public StageSettings {
        if (stage == null || stage.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("a stage needs a name and a region");
        }
    }
}
