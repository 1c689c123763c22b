package io.orderkeep.cli;

import io.orderkeep.ops.OrderEvidence;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderkeep evidence ORDER_ID}: prints one order's evidence document (JSON) with its audit chain proof. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Print one order's whole story with its audit chain proof, as JSON.")
class EvidenceCommand extends DatabaseCommand {

    @Parameters(paramLabel = "ORDER_ID", description = "The order (ord_…).")
    String orderId;

    @Option(names = "--mask-contact", description = "Mask the customer's e-mail and phone (for sharing outside).")
    boolean maskContact;

    @Override
    int run(ConfigurableApplicationContext context) {
        var document = context.getBean(OrderEvidence.class).of(orderId, !maskContact);
        if (document.isEmpty()) {
            err().println("error: order '" + orderId + "' does not exist.");
            return 1;
        }
        out().println(context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(document.get()));
        return 0;
    }
}
