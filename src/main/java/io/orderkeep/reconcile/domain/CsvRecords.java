package io.orderkeep.reconcile.domain;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 parser reading one record at a time: quoted fields with embedded delimiters, quotes ({@code ""})
 * and line breaks; CRLF, LF or CR line ends; a leading byte-order mark dropped. A quote opens a quoted field only
 * at the field's start (elsewhere it is an ordinary character), so a stray quote cannot swallow the rest of the
 * file. Malformed records (text after a closing quote, a file ending inside quotes) are returned with the reason.
 */
final class CsvRecords {

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or {@code null} at the end of the input. */
    CsvRecord next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String malformation = null;
        boolean quoted = false;
        boolean closedQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (c == EOF) {
                if (quoted) {
                    malformation = "the file ends inside a quoted field";
                }
                break;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                        closedQuote = true;
                    }
                } else {
                    countLineBreak(c);
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                break;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                if (closedQuote && malformation == null) {
                    malformation = "text after the closing quote of field " + (fields.size() + 1);
                }
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
        fields.add(field.toString());
        return new CsvRecord(start, fields, malformation);
    }

    private void countLineBreak(int c) throws IOException {
        // CRLF counts once, on its LF.
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
        }
    }

    private int read() throws IOException {
        int c = peek();
        if (c != EOF) {
            position++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        if (!started) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                position = 1;
                return limit > 1 || fill();
            }
        }
        return true;
    }
}
