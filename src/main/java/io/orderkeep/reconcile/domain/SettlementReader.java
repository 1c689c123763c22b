package io.orderkeep.reconcile.domain;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Reads a provider's settlement file lazily, one data row at a time, so that memory stays constant whatever the
 * file's size. Every data row of the file yields exactly one outcome, accepted or rejected (with its line and a
 * reason); note lines, header and a trailing summary are not data rows. Closing the stream closes the input.
 */
public interface SettlementReader {

    /** @throws SettlementFormatException when the file has no header or lacks a required column */
    Stream<ReadOutcome> read(InputStream file);

    /** The reader for a mapping; {@link CsvMapping#sandbox()} is the sandbox provider's own format. */
    static SettlementReader of(CsvMapping mapping) {
        return new CsvSettlementReader(mapping);
    }
}
