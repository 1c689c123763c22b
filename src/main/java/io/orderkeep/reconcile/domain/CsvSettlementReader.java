package io.orderkeep.reconcile.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads any CSV settlement file described by a {@link CsvMapping}. Bytes that are not valid in the mapping's
 * charset decode to U+FFFD and reject their row, rather than failing the file.
 */
final class CsvSettlementReader implements SettlementReader {

    private final CsvMapping mapping;
    private final Pattern summary;

    CsvSettlementReader(CsvMapping mapping) {
        this.mapping = mapping;
        this.summary = mapping.summaryMarker() == null ? null : Pattern.compile(mapping.summaryMarker());
    }

    @Override
    public Stream<ReadOutcome> read(InputStream file) {
        CsvRecords records = new CsvRecords(new InputStreamReader(file, mapping.charset()), mapping.delimiter());
        try {
            for (int i = 0; i < mapping.skipLines(); i++) {
                records.next();
            }
            CsvRecord header = nextContent(records);
            if (header == null) {
                throw new SettlementFormatException("the file has no header line");
            }
            RowMapper mapper = new RowMapper(mapping, header.fields());
            Iterator<ReadOutcome> rows = new Rows(records, mapper);
            return StreamSupport.stream(
                            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                            false)
                    .onClose(() -> close(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record that is neither blank nor a note line, or {@code null} at the end. */
    private CsvRecord nextContent(CsvRecords records) throws IOException {
        CsvRecord record = records.next();
        while (record != null && (record.isBlank() || isNote(record))) {
            record = records.next();
        }
        return record;
    }

    private boolean isNote(CsvRecord record) {
        String prefix = mapping.commentPrefix();
        return prefix != null && record.fields().getFirst().stripLeading().startsWith(prefix);
    }

    private boolean startsSummary(CsvRecord record) {
        return summary != null
                && summary.matcher(FieldText.clean(record.fields().getFirst(), mapping.fieldPrefix())).matches();
    }

    private static void close(InputStream file) {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Rows implements Iterator<ReadOutcome> {

        private final CsvRecords records;
        private final RowMapper mapper;
        private CsvRecord pending;
        private boolean done;

        Rows(CsvRecords records, RowMapper mapper) {
            this.records = records;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !done) {
                try {
                    pending = nextContent(records);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // The summary runs to the end of the file: nothing after it is read.
                if (pending == null || startsSummary(pending)) {
                    pending = null;
                    done = true;
                }
            }
            return pending != null;
        }

        @Override
        public ReadOutcome next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CsvRecord record = pending;
            pending = null;
            return mapper.map(record);
        }
    }
}
