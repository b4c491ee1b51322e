package dev.penguinmails.identity.emails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTemplateTest {

    @Test
    void textAndHtmlCarryTheSameMessageAndUserValuesAreEscapedInHtml() {
        OutgoingEmail email = EmailTemplate.to("<script>alert(1)</script> & Co")
                .paragraph("Device: \"Evil\" <img src=x>\nIP: 192.0.2.1")
                .action("Verify", "http://127.0.0.1:8080/verify-email#token=abc&x=1", "POST /v1/auth/verify-email", "abc")
                .build("a@example.com", "Subject");

        assertThat(email.text()).contains("Hi <script>alert(1)</script> & Co,").contains("POST {\"token\": \"abc\"} to POST /v1/auth/verify-email");
        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;").contains("&quot;Evil&quot;").contains("<br>IP: 192.0.2.1")
                .contains("href=\"http://127.0.0.1:8080/verify-email#token=abc&amp;x=1\"");
    }

    @Test
    void linksCarryTheTokenUrlEncodedInTheFragmentUnderTheConfiguredBase() {
        // The fragment never reaches a server nor a Referer header; a query string would.
        assertThat(new EmailLinks("https://app.penguinmails.dev/").tokenLink("reset-password", "a+b/c"))
                .isEqualTo("https://app.penguinmails.dev/reset-password#token=a%2Bb%2Fc")
                .doesNotContain("?");
    }
}
