package dev.penguinmails.domains.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report download and the header matching, on their own. */
class ReportCsvTest {

    @Test
    void aReasonASpreadsheetWouldRunAsAFormulaIsDefusedAndCommasAreQuoted() {
        String csv = ReportCsv.render(List.of(new RowReport(3, 4, RowOutcome.Result.FAILED, "ana@acme.com",
                "mailbox-connection-failed", List.of(new RowOutcome.ColumnError("smtp", "=HYPERLINK(\"x\")"),
                        new RowOutcome.ColumnError("imap", "auth-failed: no, really")))));

        assertThat(csv.lines().toList()).containsExactly("row,line,result,key,column,problem,reason",
                "3,4,failed,ana@acme.com,smtp,mailbox-connection-failed,\"'=HYPERLINK(\"\"x\"\")\"",
                "3,4,failed,ana@acme.com,imap,mailbox-connection-failed,\"auth-failed: no, really\"");
    }

    @Test
    void headersAreMatchedWithoutCaseSpacesDotsOrCamelCaseAndFieldsNameTheirColumns() {
        assertThat(Columns.MAILBOXES.column("SMTP Host")).hasValue("smtp_host");
        assertThat(Columns.MAILBOXES.column("smtp.host")).hasValue("smtp_host");
        assertThat(Columns.MAILBOXES.column("displayName")).hasValue("display_name");
        assertThat(Columns.MAILBOXES.column(" Email ")).hasValue("address");
        assertThat(Columns.MAILBOXES.column("mx_host")).isEmpty();
        assertThat(Columns.MAILBOXES.columnOfField("warmup.startPerDay")).isEqualTo("warmup_start_per_day");
        assertThat(Columns.DOMAINS.columnOfField("name")).isEqualTo("domain");
    }
}
