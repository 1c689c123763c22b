package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One seed, the same faults for the same payments: the dice key on the payment's {@code reference} (the merchant's
 * order reference), not on the order calls arrive in nor on the caller's fresh {@code outTradeNo}s.
 */
class SameSeedTest {

    private static final Faults HALF = new Faults(0.5, 0.5, 0, 5_000, 0, 0, 0.5);
    private static final List<String> REFERENCES = IntStream.rangeClosed(1, 24).mapToObj(i -> "SHOP-" + i).toList();

    @TempDir
    Path dir;

    NotifyReceiver receiver = new NotifyReceiver();
    List<SandboxServer> sandboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        sandboxes.forEach(SandboxServer::close);
        receiver.close();
    }

    @Test
    void twoSandboxesWithOneSeedStrikeTheSamePaymentsWhateverOrderTheCallsArriveIn() {
        var shuffled = new ArrayList<>(REFERENCES);
        Collections.shuffle(shuffled, new Random(3));

        Map<String, String> first = faultsStruck(start("first", 11L), REFERENCES, "run1");
        Map<String, String> second = faultsStruck(start("second", 11L), shuffled, "run2");

        assertThat(second).isEqualTo(first);
        assertThat(first.values()).as("the dice are not all one way").anyMatch(f -> f.contains("create=500"))
                .anyMatch(f -> f.contains("create=201")).anyMatch(f -> f.contains("DROPPED"))
                .anyMatch(f -> f.contains("copies=2")).anyMatch(f -> f.contains("copies=1"));
    }

    @Test
    void anotherSeedStrikesOtherPayments() {
        Map<String, String> first = faultsStruck(start("first", 11L), REFERENCES, "run1");
        Map<String, String> other = faultsStruck(start("other", 12L), REFERENCES, "run1");

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theReferenceIsKeptAndShownAndAControlCharacterIsRefused() {
        var client = new SandboxClient(start("refs", 1L).url());

        var created = client.post("/v1/payments", """
                {"outTradeNo": "pay_r1", "amount": 100, "currency": "CNY", "notifyUrl": "%s",
                 "reference": "SHOP 1001 · 乌龙"}""".formatted(receiver.url()));
        var refused = client.post("/v1/payments", """
                {"outTradeNo": "pay_r2", "amount": 100, "currency": "CNY", "notifyUrl": "%s",
                 "reference": "a\\u0000b"}""".formatted(receiver.url()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(client.get("/v1/payments?outTradeNo=pay_r1").json().get("reference").asString())
                .isEqualTo("SHOP 1001 · 乌龙");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reference");
    }

    private SandboxServer start(String name, long seed) {
        var sandbox = SandboxServer.start(Sandboxes.config(dir.resolve(name)).withSeed(seed).withFaults(HALF));
        sandboxes.add(sandbox);
        return sandbox;
    }

    /**
     * Opens a payment per reference (with this run's own outTradeNo, as Orderkeep's attempt ids differ from run to
     * run), pays them all in the given order, and says per reference which faults struck.
     */
    private Map<String, String> faultsStruck(SandboxServer sandbox, List<String> order, String run) {
        var client = new SandboxClient(sandbox.url());
        var struck = new TreeMap<String, String>();
        for (String reference : order) {
            var create = client.post("/v1/payments", """
                    {"outTradeNo": "%s", "amount": 100, "currency": "CNY", "notifyUrl": "%s", "reference": "%s"}"""
                    .formatted(run + "-" + reference, receiver.url(), reference));
            struck.put(reference, "create=" + create.status());
        }
        for (String reference : order) {
            String ref = client.get("/v1/payments?outTradeNo=" + run + "-" + reference).json().get("providerRef")
                    .asString();
            var pay = client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"SUCCEEDED\"}");
            JsonNode copies = client.get("/v1/payments/" + ref + "/notifications").json().get("data");
            boolean dropped = StreamSupport.stream(copies.spliterator(), false)
                    .anyMatch(n -> n.get("state").asString().equals("DROPPED"));
            struck.merge(reference, " pay=" + pay.status() + (dropped ? " DROPPED" : " copies=" + copies.size()),
                    String::concat);
        }
        return struck;
    }
}
