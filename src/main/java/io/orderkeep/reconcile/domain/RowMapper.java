package io.orderkeep.reconcile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Turns one CSV record into a {@link SettlementRow}, or into a {@link RejectedRow} saying which column is wrong.
 * Built once per file from its header.
 */
final class RowMapper {

    private final CsvMapping mapping;
    private final List<String> names;
    private final int width;
    private final int transactionId;
    private final int providerRef;
    private final int outTradeNo;
    private final int type;
    private final int status;
    private final int amount;
    private final int currency;
    private final int fee;
    private final int occurredAt;
    private final int refundTransactionId;
    private final int outRefundNo;
    private final int refundAmount;
    private final Timestamps timestamps;

    RowMapper(CsvMapping mapping, List<String> header) {
        this.mapping = mapping;
        List<String> names = new ArrayList<>(header.size());
        for (String name : header) {
            names.add(FieldText.clean(name, mapping.fieldPrefix()));
        }
        this.names = List.copyOf(names);
        CsvColumns c = mapping.columns();
        this.width = names.size();
        this.transactionId = index(names, c.transactionId());
        this.providerRef = index(names, c.providerRef());
        this.outTradeNo = index(names, c.outTradeNo());
        this.type = index(names, c.type());
        this.status = index(names, c.status());
        this.amount = index(names, c.amount());
        this.currency = index(names, c.currency());
        this.fee = index(names, c.fee());
        this.occurredAt = index(names, c.occurredAt());
        this.refundTransactionId = index(names, c.refundTransactionId());
        this.outRefundNo = index(names, c.outRefundNo());
        this.refundAmount = index(names, c.refundAmount());
        this.timestamps = new Timestamps(mapping.timestampPattern(), mapping.zone());
    }

    ReadOutcome map(CsvRecord record) {
        long line = record.line();
        if (record.malformation() != null) {
            return new RejectedRow(line, record.malformation());
        }
        List<String> raw = record.fields();
        if (raw.size() != width) {
            return new RejectedRow(line, "expected " + width + " fields, found " + raw.size());
        }
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).indexOf('\uFFFD') >= 0) {
                return new RejectedRow(line, "field " + (i + 1) + " holds bytes that are not valid "
                        + mapping.charset().name());
            }
        }
        try {
            return row(line, raw);
        } catch (IllegalArgumentException e) {
            return new RejectedRow(line, e.getMessage());
        }
    }

    private SettlementRow row(long line, List<String> raw) {
        RowType rowType = type < 0 ? RowType.PAYMENT : lookup(raw, type, mapping.typeValues(), "type");
        SettlementStatus rowStatus = status < 0
                ? SettlementStatus.SUCCEEDED : lookup(raw, status, mapping.statusValues(), "status");
        boolean refund = rowType == RowType.REFUND;
        String ref = text(raw, providerRef);
        String tradeNo = text(raw, outTradeNo);
        if (ref == null && tradeNo == null) {
            throw new IllegalArgumentException("neither a provider reference nor an out trade number");
        }
        String txId = refund && refundTransactionId >= 0 ? text(raw, refundTransactionId) : text(raw, transactionId);
        if (txId == null) {
            txId = ref != null ? ref : tradeNo;
        }
        String refundNo = refund ? text(raw, outRefundNo) : null;
        Currency cur = currency(raw);
        int amountColumn = refund && refundAmount >= 0 ? refundAmount : amount;
        long minor = minor(raw, amountColumn, cur);
        if (minor < 0 && !refund) {
            throw new IllegalArgumentException(header(amountColumn) + ": a payment cannot be negative");
        }
        long feeMinor = fee < 0 || text(raw, fee) == null ? 0 : minor(raw, fee, cur);
        Instant at = timestamps.parse(required(raw, occurredAt), header(occurredAt));
        return new SettlementRow(line, txId, ref, tradeNo, refundNo, rowType, rowStatus, Math.abs(minor),
                cur.getCurrencyCode(), feeMinor, at);
    }

    private Currency currency(List<String> raw) {
        String code = currency < 0 ? mapping.defaultCurrency() : required(raw, currency);
        Currency cur;
        try {
            cur = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(columnName(currency) + ": '" + code + "' is not an ISO 4217 code", e);
        }
        if (cur.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(columnName(currency) + ": '" + code + "' has no minor unit");
        }
        return cur;
    }

    private long minor(List<String> raw, int column, Currency cur) {
        try {
            return mapping.amountUnit().toMinor(required(raw, column), cur);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(header(column) + ": " + e.getMessage(), e);
        }
    }

    private <T> T lookup(List<String> raw, int column, Map<String, T> values, String what) {
        String word = required(raw, column);
        T value = values.get(word);
        if (value == null) {
            throw new IllegalArgumentException(header(column) + ": unknown " + what + " '" + word + "'");
        }
        return value;
    }

    private String required(List<String> raw, int column) {
        String value = text(raw, column);
        if (value == null) {
            throw new IllegalArgumentException(header(column) + ": empty");
        }
        return value;
    }

    private String text(List<String> raw, int column) {
        if (column < 0) {
            return null;
        }
        String value = FieldText.clean(raw.get(column), mapping.fieldPrefix());
        return value.isEmpty() ? null : value;
    }

    private String header(int column) {
        return names.get(column);
    }

    private String columnName(int column) {
        return column < 0 ? "currency" : header(column);
    }

    private static int index(List<String> names, String column) {
        if (column == null) {
            return -1;
        }
        int i = names.indexOf(column);
        if (i < 0) {
            throw new SettlementFormatException("the header has no column '" + column + "': " + names);
        }
        return i;
    }
}
