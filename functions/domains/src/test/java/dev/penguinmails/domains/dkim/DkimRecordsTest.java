package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.domains.records.DnsRecord;
import dev.penguinmails.domains.records.RecordType;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimRecordsTest {
    private static RSAPublicKey key;

    @BeforeAll
    static void generateKey() {
        key = (RSAPublicKey) DkimKeys.generateRsa().getPublic();
    }

    @Test
    void generatedKeysAreRsa2048() {
        assertThat(key.getModulus().bitLength()).isEqualTo(DkimKeys.RSA_BITS);
    }

    @Test
    void valueCarriesTheSubjectPublicKeyInfoInBase64() throws Exception {
        String value = DkimRecords.value(key);

        assertThat(value).startsWith("v=DKIM1; k=rsa; p=");
        byte[] decoded = Base64.getDecoder().decode(value.substring(value.indexOf("p=") + 2));
        RSAPublicKey back = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decoded));
        assertThat(back.getModulus()).isEqualTo(key.getModulus());
    }

    @Test
    void recordIsSplitIntoStringsOfAtMost255BytesThatJoinToTheValue() {
        DnsRecord record = DkimRecords.record("pm2026", "Shop.example.", key, 3600);

        assertThat(record.name()).isEqualTo("pm2026._domainkey.shop.example");
        assertThat(record.type()).isEqualTo(RecordType.TXT);
        assertThat(record.values()).hasSizeGreaterThan(1)
                .allSatisfy(s -> assertThat(s.getBytes(StandardCharsets.US_ASCII).length).isLessThanOrEqualTo(255));
        assertThat(String.join("", record.values())).isEqualTo(DkimRecords.value(key));
    }

    @Test
    void selectorsMustBeDnsLabels() {
        assertThatThrownBy(() -> DkimRecords.name("bad selector", "shop.example")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DkimRecords.name("s1.eu", "shop.example")).isEqualTo("s1.eu._domainkey.shop.example");
    }
}
