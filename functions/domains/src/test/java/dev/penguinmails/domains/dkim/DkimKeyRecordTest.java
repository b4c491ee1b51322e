package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.dns.InMemoryDns;
import dev.penguinmails.domains.records.DnsRecord;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimKeyRecordTest {
    private static RSAPublicKey ours;
    private static RSAPublicKey other;

    @BeforeAll
    static void generateKeys() {
        ours = (RSAPublicKey) DkimKeys.generateRsa().getPublic();
        other = (RSAPublicKey) DkimKeys.generateRsa().getPublic();
    }

    @Test
    void ourPublishedRecordMatches() {
        DkimReport report = DkimKeyRecord.compare("s._domainkey.shop.example", DkimRecords.value(ours), ours);

        assertThat(report.matches()).isTrue();
        assertThat(report.isValid()).isTrue();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void keyWithFoldingWhitespaceAndOtherTagOrderStillMatches() {
        String p = DkimRecords.value(ours).substring(DkimRecords.value(ours).indexOf("p=") + 2);
        String folded = "k=rsa; h=sha256; s=email; p=" + p.substring(0, 100) + " \t " + p.substring(100);

        assertThat(DkimKeyRecord.compare("n", folded, ours).matches()).isTrue();
    }

    @Test
    void anotherKeyIsAMismatch() {
        DkimReport report = DkimKeyRecord.compare("n", DkimRecords.value(other), ours);

        assertThat(report.matches()).isFalse();
        assertThat(report.has(DkimProblem.KEY_MISMATCH)).isTrue();
    }

    @Test
    void emptyKeyIsRevoked() {
        DkimReport report = DkimKeyRecord.compare("n", "v=DKIM1; k=rsa; p=", ours);

        assertThat(report.matches()).isFalse();
        assertThat(report.has(DkimProblem.REVOKED)).isTrue();
    }

    @Test
    void testingFlagIsAWarningButTheKeyStillMatches() {
        DkimReport report = DkimKeyRecord.compare("n", DkimRecords.value(ours) + "; t=y:s", ours);

        assertThat(report.matches()).isTrue();
        assertThat(report.has(DkimProblem.TESTING)).isTrue();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void otherKeyTypeShaOneAndBadBase64AreErrors() {
        assertThat(DkimKeyRecord.compare("n", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", ours)
                .has(DkimProblem.WRONG_KEY_TYPE)).isTrue();
        assertThat(DkimKeyRecord.compare("n", DkimRecords.value(ours).replace("k=rsa", "k=rsa; h=sha1"), ours)
                .has(DkimProblem.NO_SHA256)).isTrue();
        assertThat(DkimKeyRecord.compare("n", "v=DKIM1; p=not*base64", ours).has(DkimProblem.INVALID_KEY)).isTrue();
        assertThat(DkimKeyRecord.compare("n", "k=rsa; v=DKIM1; p=abc", ours).has(DkimProblem.SYNTAX)).isTrue();
    }

    @Test
    void checkerReadsTheJoinedStringsFromDns() {
        DnsRecord published = DkimRecords.record("pm", "shop.example", ours, 3600);
        InMemoryDns dns = new InMemoryDns().txt(published.name(), published.values().toArray(String[]::new))
                .failing("down._domainkey.shop.example");
        DkimChecker checker = new DkimChecker(dns);

        assertThat(checker.check("pm", "shop.example", ours).isValid()).isTrue();
        assertThat(checker.check("old", "shop.example", ours).has(DkimProblem.NO_RECORD)).isTrue();
        assertThat(checker.check("down", "shop.example", ours).has(DkimProblem.DNS_ERROR)).isTrue();
    }
}
