package io.orderkeep.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.orderkeep.sandbox.Faults;
import io.orderkeep.sandbox.core.FaultDice;
import io.orderkeep.sandbox.core.SandboxException;
import io.orderkeep.sandbox.core.Settlement;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Faults at run time, the daily settlement file, and a health check for scripts that wait for the sandbox. */
public final class OpsApi {

    private final FaultDice dice;
    private final Settlement settlement;

    public OpsApi(FaultDice dice, Settlement settlement) {
        this.dice = dice;
        this.settlement = settlement;
    }

    void faults(HttpExchange ex) throws IOException {
        Http.json(ex, 200, dice.faults().toMap());
    }

    /** The posted object replaces the whole setting: a fault left out is switched off. */
    void setFaults(HttpExchange ex) throws IOException {
        Faults next = Faults.parse(Http.jsonBody(ex));
        dice.set(next);
        Http.json(ex, 200, next.toMap());
    }

    void settlement(HttpExchange ex, String date) throws IOException {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw SandboxException.validation("date", "must be a day as yyyy-MM-dd");
        }
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"sandbox-" + day + ".csv\"");
        Http.text(ex, 200, "text/csv", settlement.csv(day));
    }

    void health(HttpExchange ex) throws IOException {
        Http.json(ex, 200, Map.of("status", "UP"));
    }
}
