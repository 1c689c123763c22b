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

    /** The sandbox provider's settlement file (API.md). */
    static SettlementReader sandbox() {
        return of(CsvMapping.sandbox());
    }

    /** The reader for any provider's CSV described by a mapping. */
    static SettlementReader of(CsvMapping mapping) {
        return new CsvSettlementReader(mapping);
    }
}
