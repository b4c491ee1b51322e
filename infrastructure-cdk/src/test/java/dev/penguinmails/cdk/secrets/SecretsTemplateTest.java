package dev.penguinmails.cdk.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;

class SecretsTemplateTest {

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    /** The access-token key's logical id. */
    private static String keyId(Synthesized s) {
        return kmsKeyId(s, "AccessTokenKey");
    }

    private static String kmsKeyId(Synthesized s, String constructId) {
        Map<String, JsonNode> keys = s.json().resources("AWS::KMS::Key");
        assertThat(keys).hasSize(2);
        Set<String> ids = keys.keySet().stream().filter(id -> id.contains(constructId)).collect(Collectors.toSet());
        assertThat(ids).as(constructId).hasSize(1);
        return ids.iterator().next();
    }

    /** The cursor secret's logical id: the one secret every family reads. */
    private static String secretId(Synthesized s) {
        return secretIds(s, "CursorSecret").iterator().next();
    }

    /** The logical ids of the Stripe API key and webhook secret, which only Stripe's clients read. */
    private static Set<String> stripeSecretIds(Synthesized s) {
        Set<String> ids = new java.util.HashSet<>(secretIds(s, "StripeApiKey"));
        ids.addAll(secretIds(s, "StripeWebhookSecret"));
        return ids;
    }

    private static Set<String> secretIds(Synthesized s, String constructId) {
        // The platform's own secrets; a query database's cluster secret lives with its database.
        Map<String, JsonNode> secrets = s.json().resources("AWS::SecretsManager::Secret").entrySet().stream()
                .filter(e -> e.getKey().startsWith("Secrets"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // The cursor secret, Stripe's two, and the unsubscribe keys.
        assertThat(secrets).hasSize(4);
        Set<String> ids = secrets.keySet().stream().filter(id -> id.contains(constructId)).collect(Collectors.toSet());
        assertThat(ids).as(constructId).hasSize(1);
        return ids;
    }

    private static String roleOf(Synthesized s, FunctionSpec family) {
        return s.roleOf(family);
    }

    private static String var(String key) {
        return ConfigKeys.environmentVariable(key);
    }

    @Test
    void theAccessTokenKeyIsAnAsymmetricP256SigningKeyUnderTheStagesAlias() {
        for (Synthesized s : stacks()) {
            String keyId = keyId(s);
            JsonNode key = s.json().properties(keyId);
            assertThat(key.path("KeySpec").asText()).isEqualTo("ECC_NIST_P256");
            assertThat(key.path("KeyUsage").asText()).isEqualTo("SIGN_VERIFY");
            assertThat(key.path("EnableKeyRotation").asBoolean(false)).as("asymmetric keys cannot rotate").isFalse();

            JsonNode alias = s.json().properties(s.json().logicalIdByName("AWS::KMS::Alias", "AliasName",
                    "alias/" + s.topology().name() + "/" + s.stage().name() + "/access-tokens"));
            assertThat(TemplateJson.referencedId(alias.path("TargetKeyId"))).isEqualTo(keyId);
        }
        assertThat(FunctionSecrets.accessTokenKeyAliasName(SynthesizedStacks.penguinMails().stage()))
                .isEqualTo("alias/penguinmails/dev/access-tokens");
    }

    @Test
    void theCursorSecretIsGeneratedBySecretsManagerAndNoSecretValueIsInTheTemplate() {
        for (Synthesized s : stacks()) {
            JsonNode secret = s.json().properties(secretId(s));
            assertThat(secret.at("/GenerateSecretString/PasswordLength").asInt()).isEqualTo(64);
            assertThat(secret.at("/GenerateSecretString/ExcludePunctuation").asBoolean()).isTrue();
            assertThat(secret.has("SecretString")).isFalse();
            assertThat(secret.has("Name")).as("a generated name cannot collide with a retained secret").isFalse();

            // No function is handed a key or secret value; they get ARNs only.
            s.allJson().stream().flatMap(t -> t.resources("AWS::Lambda::Function").values().stream()).forEach(fn -> {
                JsonNode env = fn.at("/Properties/Environment/Variables");
                assertThat(env.has(var(ConfigKeys.CURSOR_SECRET))).isFalse();
                assertThat(env.has(var(ConfigKeys.ACCESS_TOKEN_SIGNING_KEY))).isFalse();
                assertThat(env.has(var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS))).isFalse();
            });
        }
    }

    @Test
    void productionRetainsTheKeyAndTheSecretAndOtherStagesScheduleTheirDeletion() {
        Synthesized prod = SynthesizedStacks.sample();
        assertThat(prod.stage().production()).isTrue();
        assertThat(prod.json().resource(keyId(prod)).path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(prod.json().resource(keyId(prod)).path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        assertThat(prod.json().properties(keyId(prod)).path("PendingWindowInDays").asInt()).isEqualTo(30);
        assertThat(prod.json().resource(secretId(prod)).path("DeletionPolicy").asText()).isEqualTo("Retain");

        Synthesized dev = SynthesizedStacks.penguinMails();
        assertThat(dev.stage().production()).isFalse();
        assertThat(dev.json().resource(keyId(dev)).path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(dev.json().properties(keyId(dev)).path("PendingWindowInDays").asInt()).isEqualTo(7);
        assertThat(dev.json().resource(secretId(dev)).path("DeletionPolicy").asText()).isEqualTo("Delete");
    }

    @Test
    void everyFunctionGetsTheSecretArnOnlyTokenCheckersTheKeyAndOnlyIssuersTheSigningKey() {
        for (Synthesized s : stacks()) {
            String keyId = keyId(s);
            String secretId = secretId(s);
            for (FunctionSpec family : s.topology().functions()) {
                boolean issuer = FunctionSecrets.issuesAccessTokens(family);
                boolean verifier = FunctionSecrets.verifiesAccessTokens(family);
                family.entryPoints().forEach(e -> {
                    String name = s.stage().functionName(family, e);
                    JsonNode env = s.functionProperties(family, e).at("/Environment/Variables");
                    JsonNode verification = env.path(var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY));
                    assertThat(env.has(var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY))).as(name).isEqualTo(verifier);
                    if (verifier) {
                        assertThat(verification.at("/Fn::GetAtt/0").asText()).as(name).isEqualTo(keyId);
                        assertThat(verification.at("/Fn::GetAtt/1").asText()).as(name).isEqualTo("Arn");
                    }
                    assertThat(env.path(var(ConfigKeys.CURSOR_SECRET_ARN)).path("Ref").asText()).as(name).isEqualTo(secretId);
                    assertThat(env.has(var(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY))).as(name).isEqualTo(issuer);
                    if (issuer) {
                        assertThat(TemplateJson.referencedId(env.path(var(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY)))).isEqualTo(keyId);
                    }
                });
            }
        }
        assertThat(var(ConfigKeys.CURSOR_SECRET_ARN)).isEqualTo("PENGUINMAILS_CURSOR_SECRET_ARN");
        assertThat(var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY)).isEqualTo("PENGUINMAILS_AUTH_VERIFICATION_KMS_KEY");
    }

    @Test
    void rolesMayReadTheOneSecretOnlyTokenCheckersThePublicKeyAndOnlyIssuersMaySign() {
        for (Synthesized s : stacks()) {
            String keyId = keyId(s);
            String secretId = secretId(s);
            for (FunctionSpec family : s.topology().functions()) {
                List<JsonNode> statements = s.statementsOfRole(roleOf(s, family));
                if (FunctionSecrets.verifiesAccessTokens(family)) {
                    assertThat(resourcesOf(statements, "kms:GetPublicKey")).as(family.family()).containsExactly(keyId);
                }
                Set<String> readable = new java.util.HashSet<>(Set.of(secretId));
                if (FunctionSecrets.callsStripe(family)) {
                    readable.addAll(stripeSecretIds(s));
                }
                if (FunctionSecrets.signsUnsubscribeLinks(family)) {
                    readable.addAll(secretIds(s, "UnsubscribeKeys"));
                }
                assertThat(resourcesOf(statements, "secretsmanager:GetSecretValue")).as(family.family())
                        .containsExactlyInAnyOrderElementsOf(readable);
                assertThat(TemplateJson.actions(statements).filter(a -> a.startsWith("secretsmanager:")))
                        .as("reading the one value is all").containsOnly("secretsmanager:GetSecretValue");
                Set<String> kmsActions = new java.util.HashSet<>(FunctionSecrets.issuesAccessTokens(family)
                        ? Set.of("kms:GetPublicKey", "kms:Sign")
                        : FunctionSecrets.verifiesAccessTokens(family) ? Set.of("kms:GetPublicKey") : Set.of());
                kmsActions.addAll(FunctionSecrets.customerSecretActions(family));
                assertThat(TemplateJson.actions(statements).filter(a -> a.startsWith("kms:")).collect(Collectors.toSet()))
                        .isEqualTo(kmsActions);
                if (FunctionSecrets.issuesAccessTokens(family)) {
                    assertThat(resourcesOf(statements, "kms:Sign")).containsExactly(keyId);
                }
            }
            // Nothing else in the template may sign with any key.
            long signers = s.policyStatements().stream().filter(st -> TemplateJson.actions(st).anyMatch("kms:Sign"::equals)).count();
            assertThat(signers).isEqualTo(s.topology().functions().stream().filter(FunctionSecrets::issuesAccessTokens).count());
        }
        FunctionSpec identity = PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow();
        assertThat(FunctionSecrets.issuesAccessTokens(identity)).isTrue();
    }

    @Test
    void theKeyPolicyLetsTheAccountAdministerTheKeyButOnlyIssuerRolesSign() {
        for (Synthesized s : stacks()) {
            List<JsonNode> statements = TemplateJson.oneOrMany(s.json().properties(keyId(s)).at("/KeyPolicy/Statement"));
            assertThat(statements).allSatisfy(st -> {
                assertThat(st.path("Effect").asText()).isEqualTo("Allow");
                assertThat(TemplateJson.actions(st)).as("%s", st).noneMatch(a -> a.contains("*"))
                        .doesNotContain("kms:CreateGrant", "kms:Decrypt", "kms:Encrypt");
                assertThat(st.has("NotAction")).isFalse();
                assertThat(st.has("NotPrincipal")).isFalse();
            });
            Set<String> issuerRoles = s.topology().functions().stream().filter(FunctionSecrets::issuesAccessTokens)
                    .map(f -> roleOf(s, f)).collect(Collectors.toSet());
            Set<String> signingPrincipals = statements.stream()
                    .filter(st -> TemplateJson.actions(st).anyMatch("kms:Sign"::equals))
                    .peek(st -> assertThat(TemplateJson.actions(st).toList()).containsExactly("kms:Sign"))
                    .flatMap(st -> TemplateJson.oneOrMany(st.at("/Principal/AWS")).stream())
                    .map(TemplateJson::referencedId).collect(Collectors.toSet());
            assertThat(signingPrincipals).isEqualTo(issuerRoles);
            assertThat(statements).filteredOn(st -> st.at("/Principal/AWS").toString().contains(":root"))
                    .singleElement().satisfies(root -> assertThat(TemplateJson.actions(root).toList())
                            .containsExactlyInAnyOrderElementsOf(FunctionSecrets.KEY_ADMINISTRATION_ACTIONS)
                            .contains("kms:PutKeyPolicy", "kms:GetPublicKey").doesNotContain("kms:Sign"));
        }
    }

    @Test
    void theStackOutputsTheArnsForOperators() {
        Synthesized s = SynthesizedStacks.penguinMails();
        JsonNode outputs = s.json().root().path("Outputs");
        assertThat(TemplateJson.referencedId(outputs.at("/AccessTokenKeyArn/Value"))).isEqualTo(keyId(s));
        assertThat(TemplateJson.referencedId(outputs.at("/CursorSecretArn/Value"))).isEqualTo(secretId(s));
    }

    private static Set<String> resourcesOf(List<JsonNode> statements, String action) {
        return statements.stream()
                .filter(st -> st.path("Effect").asText().equals("Allow") && TemplateJson.actions(st).anyMatch(action::equals))
                .flatMap(st -> TemplateJson.oneOrMany(st.path("Resource")).stream())
                .flatMap(r -> TemplateJson.referencedIds(r).stream())
                .collect(Collectors.toSet());
    }

    @Test
    void customerSecretsAreSealedUnderARotatedSymmetricKeyThatOnlyTheirFamiliesMayUse() {
        for (Synthesized s : stacks()) {
            String keyId = kmsKeyId(s, "CustomerSecretsKey");
            JsonNode key = s.json().properties(keyId);
            assertThat(key.path("EnableKeyRotation").asBoolean(false)).isTrue();
            assertThat(key.has("KeySpec") ? key.path("KeySpec").asText() : "SYMMETRIC_DEFAULT").isEqualTo("SYMMETRIC_DEFAULT");

            List<JsonNode> policy = TemplateJson.oneOrMany(key.at("/KeyPolicy/Statement"));
            for (FunctionSpec family : s.topology().functions()) {
                List<String> actions = FunctionSecrets.customerSecretActions(family);
                String role = roleOf(s, family);
                List<JsonNode> statements = s.statementsOfRole(role);
                Set<String> byKey = TemplateJson.actions(statements.stream()
                        .filter(st -> TemplateJson.referencedIds(st.path("Resource")).contains(keyId)).toList())
                        .collect(Collectors.toSet());
                assertThat(byKey).as(family.family()).containsExactlyInAnyOrderElementsOf(actions);
                List<JsonNode> granted = policy.stream()
                        .filter(st -> TemplateJson.oneOrMany(st.at("/Principal/AWS")).stream()
                                .anyMatch(p -> TemplateJson.referencedIds(p).contains(role))).toList();
                assertThat(granted).as("key policy for %s", family.family()).hasSize(actions.isEmpty() ? 0 : 1);
                family.entryPoints().forEach(e -> {
                    JsonNode env = s.functionProperties(family, e).at("/Environment/Variables");
                    assertThat(env.has(var(ConfigKeys.CUSTOMER_SECRETS_KEY))).as(family.family()).isEqualTo(!actions.isEmpty());
                    assertThat(env.has(var(ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY))).isFalse();
                });
            }
        }
    }
}
