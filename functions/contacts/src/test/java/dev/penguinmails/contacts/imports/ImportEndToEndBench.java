package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.shared.aws.BatchWrites;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 10's end-to-end benchmark (docs/benchmarks/contacts-imports.md): the import of a generated CSV through the
 * presigned upload, the S3 event, the queue and the worker, on dynalite, as a ratio to dynalite's own BatchWriteItem
 * ceiling measured in the same run (items of a contact's size, 25 per call, before and after the import), and the
 * JVM's peak heap during the import. Not a test: its name keeps it out of the default run (surefire takes *Test);
 * {@code -Dtest=ImportEndToEndBench -Dbench.csv=FILE} runs it (samples/bench-contacts-imports-e2e.sh).
 */
@MicronautTest
class ImportEndToEndBench extends ImportTestBase {

    /** A workspace without a plan may hold the whole file (the free plan's 500 contacts would stop it). */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.contacts.plan-limits.default-contacts", Integer.toString(Integer.MAX_VALUE));
    }

    @Test
    void importRateAgainstTheBatchWriteCeiling() throws IOException {
        Path csv = Path.of(System.getProperty("bench.csv", "target/bench-contacts-imports/contacts-10000.csv"));
        byte[] file = Files.readAllBytes(csv);
        long rows = Files.lines(csv).count() - 1;
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(declare(owner, ws, "seats", "number").status()).isEqualTo(201);
        assertThat(declare(owner, ws, "plan", "text").status()).isEqualTo(201);
        assertThat(http.post(suppressions(ws), "{\"domain\":\"blocked.example\",\"reason\":\"manual\"}", owner.headers())
                .status()).isEqualTo(201);

        int ceilingItems = Integer.getInteger("bench.ceiling-items", 20_000);
        double before = ceiling(ceilingItems, "before");
        resetPeaks();
        long t0 = System.nanoTime();
        JsonNode done = importFile(owner, ws, "csv", file, "\"dedupe\":\"skip\"");
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        double after = ceiling(ceilingItems, "after");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(rows);
        double rate = rows / seconds;
        double ceiling = (before + after) / 2;
        String result = String.format("file %s, %d rows, %d bytes; load average %.2f; max heap %d MiB%n"
                        + "ceiling BatchWriteItem before %.0f items/s, after %.0f items/s, mean %.0f%n"
                        + "import %.1f s, %.0f rows/s, ratio to the ceiling %.1f%%%n"
                        + "counts created %d, updated %d, skipped %d, failed %d%n"
                        + "peak heap during the import (sum of heap pools' peaks, whole JVM) %d MiB%n",
                csv, rows, file.length, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, before, after, ceiling, seconds, rate, 100 * rate / ceiling,
                done.path("created").asLong(), done.path("updated").asLong(), done.path("skipped").asLong(),
                done.path("failed").asLong(), peak >> 20);
        System.out.print(result);
        Files.writeString(Path.of("target", "import-e2e-bench.txt"), result);
    }

    /** Items/s of BatchWriteItem (25 a call, as the worker writes) of {@code n} items shaped like a contact. */
    private double ceiling(int n, String label) {
        List<WriteRequest> writes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("WS#ws_bench_ceiling#CONTACT"));
            item.put("sk", AttributeValue.fromS(label + "-" + i));
            item.put("email", AttributeValue.fromS("lead" + i + ".abcdef@company" + (i % 997) + ".io"));
            item.put("emailHash", AttributeValue.fromS("h".repeat(43)));
            item.put("firstName", AttributeValue.fromS("Priya"));
            item.put("lastName", AttributeValue.fromS("Ivanova"));
            item.put("company", AttributeValue.fromS("Wonka BV"));
            item.put("title", AttributeValue.fromS("Head of Sales"));
            item.put("phone", AttributeValue.fromS("+14155551001"));
            item.put("timezone", AttributeValue.fromS("Europe/Berlin"));
            item.put("custom", AttributeValue.fromS("{\"seats\":313,\"plan\":\"starter\"}"));
            item.put("createdAt", AttributeValue.fromS("2026-12-06T18:00:00.000Z"));
            item.put("version", AttributeValue.fromN("1"));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        long t0 = System.nanoTime();
        BatchWrites.writeAll(dynamo(), table(), writes);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
