package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the real logback console appender (configured by shared's JsonLogging) writes, by
 * swapping System.out: logback's console target looks System.out up on every write.
 */
public final class CapturedStdout implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public CapturedStdout() {
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** Every line that was a JSON object, parsed. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("A log line that is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
