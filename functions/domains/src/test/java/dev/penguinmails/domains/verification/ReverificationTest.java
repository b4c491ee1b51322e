package dev.penguinmails.domains.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hourly re-verification on a table of its own: it checks only the domains whose last check is over a day old
 * (here, never checked), moves their status with the same rules and events as a verification on demand, and
 * reports its cost in DNS queries.
 */
@MicronautTest
@Tag("integration")
class ReverificationTest extends DnsApiTest {

    @Test
    void onlyDomainsNotCheckedForADayAreReverifiedAndTheirStatusMovesAsOnDemand() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "never-checked.com");
        publishAsPrinted(owner, ws, "never-checked.com", List.of());
        add(Caller.owner(other), other, "never-published.com");
        dns.publish("never-published.com", List.of(dev.penguinmails.emulators.DnsRecord.a("never-published.com", "192.0.2.7")));
        add(owner, ws, "just-checked.com");
        publishAsPrinted(owner, ws, "just-checked.com", List.of());
        assertThat(verify(owner, ws, "just-checked.com").json().at("/domain/status").asText()).isEqualTo("verified");
        String justChecked = get(owner, ws, "/just-checked.com").json().get("checkedAt").asText();

        Reverification.Summary summary = context.getBean(Reverification.class).run();

        assertThat(summary.checked()).isEqualTo(2);
        assertThat(summary.verified()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.failing()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.finished()).isTrue();
        assertThat(summary.dnsQueries()).isGreaterThanOrEqualTo(2L * 6);
        assertThat(get(owner, ws, "/never-checked.com").json().get("status").asText()).isEqualTo("verified");
        assertThat(get(Caller.owner(other), other, "/never-published.com").json().get("status").asText()).isEqualTo("failed");
        assertThat(get(owner, ws, "/just-checked.com").json().get("checkedAt").asText()).isEqualTo(justChecked);
        assertThat(published("domain.failed", other)).hasSize(1);

        // Everything is fresh now: the next run has nothing to do.
        assertThat(context.getBean(Reverification.class).run().checked()).isZero();
    }
}
