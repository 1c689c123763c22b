package io.orderkeep.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets an appender write only when its format is the chosen one ({@code orderkeep.log-format}): both console
 * appenders stay configured (logback has no conditionals without Janino) and exactly one of them writes: the JSON
 * one for {@code json}, the text one for anything else, so that a mistyped value still logs.
 */
public class FormatGate extends Filter<ILoggingEvent> {

    private String format = "";
    private String chosen = "text";

    public void setFormat(String format) {
        this.format = format;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean jsonChosen = "json".equalsIgnoreCase(chosen.trim());
        return "json".equals(format) == jsonChosen ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
