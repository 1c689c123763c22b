package io.orderkeep.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated customer: when the order is placed, what is in it, and what the customer does at the pay page
 * after thinking for a while. The whole plan comes from the seed, so one seed is one run's traffic.
 */
record Customer(int index, Duration placedAfter, List<Map<String, Object>> items, Choice choice, Duration think) {

    enum Choice {
        PAY, FAIL, WALK_AWAY
    }

    private static final List<Map<String, Object>> CATALOGUE = List.of(
            Map.of("sku", "TEA-01", "name", "Oolong 100g", "unitAmount", 1250),
            Map.of("sku", "TEA-02", "name", "Longjing 50g", "unitAmount", 3800),
            Map.of("sku", "TEA-03", "name", "Pu'er cake 357g", "unitAmount", 8900),
            Map.of("sku", "CUP-01", "name", "Celadon cup", "unitAmount", 2600),
            Map.of("sku", "POT-01", "name", "Yixing teapot", "unitAmount", 26800));

    /** {@code orders} customers spread over {@code duration}: 70 % pay, 15 % fail to pay, 15 % walk away. */
    static List<Customer> plan(long seed, int orders, Duration duration, DemoTimings timings) {
        var random = new Random(seed);
        long spacing = orders <= 1 ? 0 : duration.toMillis() / orders;
        long thinkMin = timings.thinkMin().toMillis();
        long thinkSpan = timings.thinkMax().toMillis() - thinkMin;
        var customers = new ArrayList<Customer>(orders);
        for (int i = 0; i < orders; i++) {
            long at = i * spacing + (spacing == 0 ? 0 : random.nextLong(spacing));
            var items = new ArrayList<Map<String, Object>>();
            int lines = 1 + random.nextInt(3);
            for (int line = 0; line < lines; line++) {
                var product = new java.util.LinkedHashMap<String, Object>(CATALOGUE.get(random.nextInt(CATALOGUE.size())));
                product.put("sku", product.get("sku") + "-" + line);
                product.put("quantity", 1 + random.nextInt(3));
                items.add(product);
            }
            double roll = random.nextDouble();
            Choice choice = roll < 0.70 ? Choice.PAY : roll < 0.85 ? Choice.FAIL : Choice.WALK_AWAY;
            customers.add(new Customer(i + 1, Duration.ofMillis(at), List.copyOf(items), choice,
                    Duration.ofMillis(thinkMin + random.nextLong(thinkSpan + 1))));
        }
        return List.copyOf(customers);
    }
}
