package dev.penguinmails.sending.messages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamsTest {

    @Test
    void theNamedProviderIsTheOneTheServiceLoaderWouldFindSoMessagesAreBuiltAsBefore() {
        MailStreams.nameTheProvider();
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.PROVIDER);
        StreamProvider named = StreamProvider.provider();
        StreamProvider found = java.util.ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow();
        assertThat(named.getClass()).isEqualTo(found.getClass());
    }
}
