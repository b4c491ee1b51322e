package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Tokens are signed locally (SigV4 presigning): no call leaves the machine, so this runs without AWS. */
class IamTokenDataSourceTest {

    @Test
    void aTokenNamesTheProxyTheUserAndIsReusedWhileFresh() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        IamTokenDataSource source = new IamTokenDataSource(
                "jdbc:postgresql://proxy.example.eu-west-1.rds.amazonaws.com:5432/contacts?sslmode=require",
                "contacts_app", "eu-west-1");
        Method token = IamTokenDataSource.class.getDeclaredMethod("token");
        token.setAccessible(true);

        String first = (String) token.invoke(source);

        assertThat(first).startsWith("proxy.example.eu-west-1.rds.amazonaws.com:5432/?").contains("Action=connect")
                .contains("DBUser=contacts_app").contains("X-Amz-Signature=");
        assertThat(token.invoke(source)).isEqualTo(first);
    }
}
