package dev.penguinmails.domains.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.domains.blacklists.BlacklistChecker;
import dev.penguinmails.domains.catalog.DomainClaims;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.records.RecordSet;
import dev.penguinmails.emulators.LocalDns;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A verified domain belongs to one workspace (decision 0035), against the real loopback DNS server and the real
 * table: adding a name verified elsewhere is refused, a name only added elsewhere is not, removal releases the name,
 * and of two workspaces verifying at once exactly one takes it. Neither ever sees the other's domain.
 */
@MicronautTest
@Tag("integration")
class DomainClaimsTest extends DnsApiTest {
    /** Another view of DNS, where a second workspace's records are published (as during a change of the zone). */
    private LocalDns otherDns;

    @AfterAll
    void stopOtherDns() {
        if (otherDns != null) {
            otherDns.close();
        }
    }

    @Test
    void aDomainVerifiedInOneWorkspaceIsRefusedInAnotherWithNothingWrittenAndNothingShown() {
        String a = workspace();
        String b = workspace();
        addAndVerify(a, "claimed.com");
        var before = snapshot();

        Reply refused = add(Caller.owner(b), b, "Claimed.COM.");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/domain-claimed");
        assertThat(refused.json().get("detail").asText()).contains("claimed.com").contains("another PenguinMails workspace")
                .contains("support").doesNotContain(a);
        assertThat(refused.body()).doesNotContain(a);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
        assertThat(published("domain.added", b)).isEmpty();
        // B sees nothing of A's domain, and A's is as it was.
        assertThat(get(Caller.owner(b), b, "/claimed.com").status()).isEqualTo(404);
        assertThat(get(Caller.owner(b), b, "").json().get("items")).isEmpty();
        assertThat(get(Caller.owner(a), a, "/claimed.com").json().get("status").asText()).isEqualTo("verified");
        // A subdomain is claimed by its own name: the verified parent elsewhere does not block it.
        assertThat(add(Caller.owner(b), b, "mail.claimed.com").status()).isEqualTo(201);
    }

    @Test
    void aNameOnlyAddedElsewhereCanBeAddedAndVerifiedAndTheOtherCopyThenSaysWhyItCannotVerify() {
        String a = workspace();
        String b = workspace();
        assertThat(add(Caller.owner(a), a, "squatted.com").status()).isEqualTo(201);

        assertThat(add(Caller.owner(b), b, "squatted.com").status()).as("A only added it").isEqualTo(201);
        publishAsPrinted(Caller.owner(b), b, "squatted.com", List.of());
        JsonNode verified = verify(Caller.owner(b), b, "squatted.com").json();
        assertThat(verified.at("/domain/status").asText()).as(verified.toString()).isEqualTo("verified");
        assertThat(holder("squatted.com")).contains(b);

        JsonNode loser = verify(Caller.owner(a), a, "squatted.com").json();
        assertThat(loser.get("outcome").asText()).isEqualTo("failed");
        assertThat(loser.at("/domain/status").asText()).isEqualTo("failed");
        JsonNode ownership = check(loser, "ownership");
        assertThat(ownership.get("status").asText()).isEqualTo("claimed");
        assertThat(ownership.get("required").asBoolean()).isTrue();
        assertThat(ownership.get("fix").asText()).contains("Another PenguinMails workspace has verified squatted.com")
                .contains("support").doesNotContain(b);
        assertThat(published("domain.failed", a)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("ownership squatted.com: claimed").doesNotContain(b));
        // Each workspace sees its own copy only: its own keys, its own status.
        JsonNode aCopy = get(Caller.owner(a), a, "/squatted.com/records").json();
        JsonNode bCopy = get(Caller.owner(b), b, "/squatted.com/records").json();
        assertThat(record(aCopy, "dkim").toString()).isNotEqualTo(record(bCopy, "dkim").toString());
        assertThat(holder("squatted.com")).contains(b);
        // Verified now, B's copy keeps the name when verified again.
        assertThat(verify(Caller.owner(b), b, "squatted.com").json().at("/domain/status").asText()).isEqualTo("verified");
        assertThat(holder("squatted.com")).contains(b);
    }

    @Test
    void removingTheVerifiedDomainReleasesTheNameForAnotherWorkspace() {
        String a = workspace();
        String b = workspace();
        addAndVerify(a, "moving.com");
        assertThat(add(Caller.owner(b), b, "moving.com").status()).isEqualTo(409);

        Reply removed = http.delete(domains(a) + "/moving.com", Caller.owner(a).headers());
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(holder("moving.com")).isEmpty();

        addAndVerify(b, "moving.com");
        assertThat(holder("moving.com")).contains(b);
        Reply again = add(Caller.owner(a), a, "moving.com");
        assertThat(again.status()).as("now B holds it").isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/domain-claimed");
    }

    @Test
    void aHolderWhoseCopyDegradesNoLongerHoldsTheName() {
        String a = workspace();
        String b = workspace();
        addAndVerify(a, "lapsed.com");
        assertThat(add(Caller.owner(b), b, "lapsed.com").status()).isEqualTo(409);

        // The zone moves on: A's next check finds its records gone.
        dns.publish("lapsed.com", List.of());
        assertThat(verify(Caller.owner(a), a, "lapsed.com").json().at("/domain/status").asText()).isEqualTo("degraded");

        assertThat(add(Caller.owner(b), b, "lapsed.com").status()).as("a degraded copy holds nothing").isEqualTo(201);
        publishAsPrinted(Caller.owner(b), b, "lapsed.com", List.of());
        assertThat(verify(Caller.owner(b), b, "lapsed.com").json().at("/domain/status").asText()).isEqualTo("verified");
        assertThat(holder("lapsed.com")).contains(b);
        JsonNode formerHolder = verify(Caller.owner(a), a, "lapsed.com").json();
        assertThat(check(formerHolder, "ownership").get("status").asText()).isEqualTo("claimed");
        assertThat(formerHolder.at("/domain/status").asText()).isEqualTo("degraded");
    }

    @Test
    void ofTwoWorkspacesVerifyingAtOnceExactlyOneTakesTheNameAndTheOtherIsToldWhy() throws Exception {
        otherDns = otherDns == null ? startDns() : otherDns;
        DomainVerifier here = context.getBean(DomainVerifier.class);
        DomainVerifier there = new DomainVerifier(context.getBean(DomainStore.class), context.getBean(DomainSettings.class),
                context.getBean(RecordSet.class), context.getBean(Outbox.class),
                new DnsSettings(List.of(otherDns.resolverAddress()), Duration.ofSeconds(1), 1),
                context.getBean(BlacklistChecker.class), context.getBean(DomainClaims.class));
        DomainStore store = context.getBean(DomainStore.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String name = "race" + round + ".com";
                String a = workspace();
                String b = workspace();
                assertThat(add(Caller.owner(a), a, name).status()).isEqualTo(201);
                assertThat(add(Caller.owner(b), b, name).status()).isEqualTo(201);
                // Each workspace's records pass in the DNS its verifier asks: both would verify alone.
                publishAsPrinted(dns, Caller.owner(a), a, name, List.of());
                publishAsPrinted(otherDns, Caller.owner(b), b, name, List.of());
                TenantContext ta = TenantContext.system(a, "test");
                TenantContext tb = TenantContext.system(b, "test");
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Verification> va = pool.submit(() -> {
                    start.await();
                    return here.verify(ta, store.get(ta, name).orElseThrow());
                });
                Future<Verification> vb = pool.submit(() -> {
                    start.await();
                    return there.verify(tb, store.get(tb, name).orElseThrow());
                });
                List<Verification> both = List.of(va.get(), vb.get());

                List<String> verified = new ArrayList<>();
                for (Verification v : both) {
                    if (v.outcome() == Verification.Outcome.PASSED) {
                        verified.add(v.domain().workspaceId());
                        assertThat(v.domain().status().wireName()).isEqualTo("verified");
                        assertThat(v.checks()).noneMatch(c -> c.purpose().equals("ownership"));
                    } else {
                        assertThat(v.domain().status().wireName()).as(name).isEqualTo("failed");
                        assertThat(v.checks()).filteredOn(c -> c.purpose().equals("ownership")).singleElement()
                                .satisfies(c -> assertThat(c.status()).isEqualTo("claimed"));
                        assertThat(v.checks()).filteredOn(c -> !c.purpose().equals("ownership"))
                                .as("its own records passed").allMatch(c -> !c.blocksSending());
                    }
                }
                assertThat(verified).as(name + ": exactly one takes it").hasSize(1);
                assertThat(holder(name)).contains(verified.get(0));
                String loser = verified.get(0).equals(a) ? b : a;
                assertThat(published("domain.failed", loser)).singleElement()
                        .satisfies(e -> assertThat(e.detail()).contains("ownership " + name + ": claimed"));
                assertThat(published("domain.verified", loser)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void addAndVerify(String ws, String name) {
        Caller owner = Caller.owner(ws);
        Reply added = add(owner, ws, name);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        publishAsPrinted(owner, ws, name, List.of());
        JsonNode verified = verify(owner, ws, name).json();
        assertThat(verified.at("/domain/status").asText()).as(verified.toString()).isEqualTo("verified");
    }

    private Optional<String> holder(String name) {
        return context.getBean(DomainClaims.class).read(name).map(DomainClaims.Claim::workspaceId);
    }
}
