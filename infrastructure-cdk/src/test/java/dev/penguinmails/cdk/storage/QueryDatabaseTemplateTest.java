package dev.penguinmails.cdk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.DatabaseSpec;

class QueryDatabaseTemplateTest {

    @Test
    void eachQueryDatabaseIsAnEncryptedServerlessAuroraClusterReachedOnlyThroughAnIamProxy() {
        Synthesized s = SynthesizedStacks.penguinMails();
        assertThat(s.topology().databases()).isNotEmpty();
        for (DatabaseSpec spec : s.topology().databases()) {
            String name = s.stage().resourceName(spec.name());
            JsonNode cluster = s.json().properties(s.json().logicalIdByName("AWS::RDS::DBCluster", "DBClusterIdentifier", name));
            assertThat(cluster.path("Engine").asText()).isEqualTo("aurora-postgresql");
            assertThat(cluster.path("StorageEncrypted").asBoolean()).isTrue();
            assertThat(cluster.path("EnableIAMDatabaseAuthentication").asBoolean()).isTrue();
            assertThat(cluster.at("/ServerlessV2ScalingConfiguration/MinCapacity").asDouble()).isEqualTo(spec.minCapacity());
            assertThat(cluster.at("/ServerlessV2ScalingConfiguration/MaxCapacity").asDouble()).isEqualTo(spec.maxCapacity());
            assertThat(cluster.path("PubliclyAccessible").asBoolean(false)).isFalse();

            assertThat(s.json().resources("AWS::RDS::DBProxy").values()).singleElement().satisfies(proxy -> {
                JsonNode p = proxy.path("Properties");
                assertThat(p.path("RequireTLS").asBoolean()).isTrue();
                assertThat(TemplateJson.oneOrMany(p.path("Auth")))
                        .allSatisfy(auth -> assertThat(auth.path("IAMAuth").asText()).isEqualTo("REQUIRED"));
            });
        }
    }

    @Test
    void theClustersLogsGoToAGroupWithTheStagesRetentionAndNoRetentionHelperLambdaIsDeployed() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            for (DatabaseSpec spec : s.topology().databases()) {
                String groupName = "/aws/rds/cluster/" + s.stage().resourceName(spec.name()) + "/postgresql";
                JsonNode group = s.json().properties(s.json().logicalIdByName("AWS::Logs::LogGroup", "LogGroupName", groupName));
                assertThat(group.path("RetentionInDays").asInt()).isEqualTo(s.stage().production() ? 180 : 14);
            }
            assertThat(s.json().resources("Custom::LogRetention")).isEmpty();
        }
    }

    @Test
    void onlyTheFamiliesThatNameADatabaseMayConnectToItsProxy() {
        Synthesized s = SynthesizedStacks.penguinMails();
        List<JsonNode> connects = s.policyStatements().stream()
                .filter(st -> TemplateJson.actions(st).anyMatch("rds-db:connect"::equals)).toList();
        long families = s.topology().functions().stream().filter(f -> !f.access().databases().isEmpty()).count();
        assertThat(families).isPositive();
        assertThat(connects).hasSize((int) families);
    }

    @Test
    void theDatabasesVpcReachesDynamoDbAndS3ThroughGatewaysAndSecretsManagerAndSqsThroughInterfaces() {
        Synthesized s = SynthesizedStacks.penguinMails();
        List<String> endpoints = s.json().resources("AWS::EC2::VPCEndpoint").values().stream()
                .map(e -> e.path("Properties").path("VpcEndpointType").asText("Gateway") + " "
                        + e.path("Properties").path("ServiceName").toString())
                .toList();
        assertThat(endpoints).hasSize(4)
                .anySatisfy(e -> assertThat(e).startsWith("Gateway").contains("dynamodb"))
                .anySatisfy(e -> assertThat(e).startsWith("Gateway").contains(".s3"))
                .anySatisfy(e -> assertThat(e).startsWith("Interface").contains("secretsmanager"))
                .as("contact exports queue their next slices from inside the VPC")
                .anySatisfy(e -> assertThat(e).startsWith("Interface").contains("sqs"));
    }
}
