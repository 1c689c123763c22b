package io.orderkeep.cli;

import io.orderkeep.access.Merchants;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orderkeep merchants create|list}. */
@Command(name = "merchants", description = "Create and list merchants.", mixinStandardHelpOptions = true,
        subcommands = {MerchantsCommand.Create.class, MerchantsCommand.List.class})
class MerchantsCommand {

    @Command(name = "create", description = "Create a merchant.")
    static class Create extends DatabaseCommand {

        @Option(names = "--id", required = true, description = "The merchant's id, e.g. m_acme.")
        String id;

        @Option(names = "--name", required = true, description = "Its name, e.g. \"Acme Tea\".")
        String name;

        @Option(names = "--locale", description = "Default locale of its customers: zh-CN or en (default en).")
        String locale;

        @Option(names = "--time-zone", description = "Its time zone, e.g. Asia/Shanghai (default UTC).")
        String timeZone;

        @Override
        int run(ConfigurableApplicationContext context) {
            var merchant = context.getBean(Merchants.class).create(id, name, locale, timeZone, ACTOR);
            out().println("Created merchant " + merchant.id() + " (" + merchant.name() + ", "
                    + merchant.defaultLocale() + ", " + merchant.timeZone() + ").");
            return 0;
        }
    }

    @Command(name = "list", description = "List merchants.")
    static class List extends DatabaseCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            out().printf("%-20s %-7s %-20s %-24s %s%n", "ID", "LOCALE", "TIME ZONE", "CREATED", "NAME");
            for (var m : context.getBean(Merchants.class).list()) {
                out().printf("%-20s %-7s %-20s %-24s %s%n", m.id(), m.defaultLocale(), m.timeZone(), m.createdAt(),
                        m.name());
            }
            return 0;
        }
    }
}
