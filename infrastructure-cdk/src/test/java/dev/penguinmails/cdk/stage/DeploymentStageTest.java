package dev.penguinmails.cdk.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.penguinmails.topology.PenguinMailsTopology;
import software.amazon.awscdk.RemovalPolicy;

class DeploymentStageTest {

    private static DeploymentStage stage(String name) {
        return new DeploymentStage(name, "penguinmails", List.of("*"));
    }

    @Test
    void productionIsProdProductionOrProdDashSomething() {
        assertThat(List.of("prod", "production", "prod-eu")).allSatisfy(n -> assertThat(stage(n).production()).isTrue());
        assertThat(List.of("dev", "staging", "products", "preprod")).allSatisfy(n -> assertThat(stage(n).production()).isFalse());
        assertThat(stage("prod").dataRemovalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
        assertThat(stage("dev").dataRemovalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
    }

    @Test
    void namesFollowTheConventions() {
        var identity = PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow();
        DeploymentStage dev = stage("dev");
        assertThat(dev.functionName(identity, identity.httpApi().orElseThrow())).isEqualTo("dev-identity-api");
        assertThat(dev.resourceName("identity")).isEqualTo("penguinmails-dev-identity");
        assertThat(dev.eventBusName("penguinmails")).isEqualTo("penguinmails-dev");
        assertThat(dev.stackName()).isEqualTo("penguinmails-dev");
        assertThat(ConstructIds.of("identity-emails", "rule")).isEqualTo("IdentityEmailsRule");
    }

    @Test
    void rejectsStagesThatWouldBreakPhysicalNames() {
        assertThatThrownBy(() -> stage("Prod")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stage("a-very-long-stage-name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stage("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stage("dev-")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stage("x").name()).isEqualTo("x");
        assertThatThrownBy(() -> new DeploymentStage("dev", "penguinmails", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStagesThatSwitchOnDevelopmentDefaultsCannotBeDeployed() {
        assertThatThrownBy(() -> stage("local")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> stage("test")).hasMessageContaining("reserved");
    }

    @Test
    void emailLinksMustPointAtAnHttpsApp() {
        assertThatThrownBy(() -> new DeploymentStage("dev", "penguinmails", List.of("*"), "http://app.example.com", "x <a@example.com>"))
                .hasMessageContaining("https");
        assertThat(stage("dev").appBaseUrl()).isEqualTo(DeploymentStage.DEFAULT_APP_BASE_URL);
        assertThatThrownBy(() -> new DeploymentStage("dev", "penguinmails", List.of("*"), "https://app.example.com",
                "x <a@example.com>", "http://api.example.com")).hasMessageContaining("apiBaseUrl");
        assertThat(stage("dev").apiBaseUrl()).as("the API's own endpoint").isNull();
    }
}
