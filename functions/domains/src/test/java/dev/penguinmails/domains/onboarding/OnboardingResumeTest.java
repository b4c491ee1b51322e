package dev.penguinmails.domains.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.Test;

/**
 * A job worked through in slices of two rows (as a long file is, slice by slice within the Lambda timeout): each
 * slice continues exactly at the checkpoint, a slice that died after adding a row but before counting it leaves that
 * row to be skipped as present, a held job is left to its holder, and spent messages change nothing.
 */
@MicronautTest
@Tag("integration")
class OnboardingResumeTest extends OnboardingApiTestBase {

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("penguinmails.onboarding.rows-per-slice", "2");
    }

    @Test
    void eachSliceContinuesAtTheCheckpointAndNoRowIsAddedOrCountedTwice() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String jobId = submit(owner, ws, "domains", "domain\na1.com\na2.com\nbroken!\na4.com\na5.com\n")
                .json().get("id").asText();

        assertThat(deliverOne()).isTrue();
        JsonNode first = job(owner, ws, jobId);
        assertThat(first.get("status").asText()).isEqualTo("running");
        assertThat(first.get("rowsRead").asInt()).isEqualTo(2);
        assertThat(first.get("percent").asInt()).isEqualTo(40);
        assertThat(queued()).as("the slice queued the next one").isEqualTo(1);
        assertThat(http.get(domains(ws), owner.headers()).json().get("items")).hasSize(2);

        assertThat(deliverOne()).isTrue();
        assertThat(job(owner, ws, jobId).get("rowsRead").asInt()).isEqualTo(4);
        assertThat(job(owner, ws, jobId).get("failed").asInt()).isEqualTo(1);

        // A slice that added a5.com and died before its checkpoint moved: the item is there, the count is not.
        TenantContext tenant = TenantContext.system(ws, "test");
        context.getBean(DomainService.class).add(tenant, "a5.com");
        // ... and it died holding the job: its lease runs out before its message comes back.
        OnboardingStore store = context.getBean(OnboardingStore.class);
        assertThat(store.claim(tenant, jobId, "lease_crashed", Instant.now().plusSeconds(60), Instant.now())).isPresent();
        var held = snapshot();
        assertThat(deliverOne()).isTrue();
        assertThat(snapshot()).as("a held job is left to the slice that holds it").isEqualTo(held);
        // Time passes: the lease runs out, and the dead slice's message comes back.
        dynamo().updateItem(r -> r.tableName(table()).key(OnboardingStore.key(tenant, jobId))
                .updateExpression("SET leaseUntil = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN("0"))));
        context.getBean(OnboardingQueue.class).send(ws, jobId);

        assertThat(deliverAll()).isEqualTo(1);

        JsonNode done = job(owner, ws, jobId);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("rowsRead").asInt()).isEqualTo(5);
        assertThat(done.get("succeeded").asInt()).isEqualTo(3);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("skipped").asInt()).as("a5.com, added by the slice that died").isEqualTo(1);
        assertThat(http.get(domains(ws), owner.headers()).json().get("items")).hasSize(4);
        assertThat(published("domain.added", ws)).as("one event per domain, none twice").hasSize(4);
        JsonNode errors = errors(owner, ws, jobId);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("result").asText()).isEqualTo("skipped");
        assertThat(errors.get(1).get("key").asText()).isEqualTo("a5.com");

        // A message of a finished job (a duplicate delivery) changes nothing.
        var finished = snapshot();
        context.getBean(OnboardingQueue.class).send(ws, jobId);
        assertThat(deliverAll()).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(finished);
        assertThat(uploads()).isEmpty();
    }
}
