package dev.penguinmails.topology.environment;

/**
 * The settings of one deployment stage that a function may be given besides resource names.
 *
 * @param appBaseUrl the web app that email links point at, or {@code null} to use the stage's default
 * @param mailFrom   the sender of the platform's own emails, or {@code null} to use the stage's default
 * @param apiBaseUrl the public HTTP API that links to the API itself point at, or {@code null} when the deployment
 *                   sets it later (the CDK app names the API's own endpoint once the API exists)
 */
public record StageSettings(String stage, String region, String appBaseUrl, String mailFrom, String apiBaseUrl) {

    public StageSettings {
        if (stage == null || stage.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("a stage needs a name and a region");
        }
    }

    /** A stage whose API base URL is set later, or not at all. */
    public StageSettings(String stage, String region, String appBaseUrl, String mailFrom) {
        this(stage, region, appBaseUrl, mailFrom, null);
    }
}
