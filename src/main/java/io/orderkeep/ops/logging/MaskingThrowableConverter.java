package io.orderkeep.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * The stack trace of the text log pattern ({@code %wEx} and its kin), masked: an exception's message may quote
 * what it failed on — a driver's error the rejected row, a client's error the URL with its token — and the trace
 * goes to the same place as the message (registered in {@code logback-spring.xml}).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogMasking.mask(super.convert(event));
    }
}
