package io.orderkeep.reconcile;

import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.SettlementReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Builds settlement files in the sandbox provider's format, and reads files back, for tests. */
final class SandboxCsv {

    static final String HEADER = "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at";

    private SandboxCsv() {}

    static String payment(String txId, String providerRef, String outTradeNo, long amount, Instant at) {
        return row(txId, providerRef, outTradeNo, "PAYMENT", "SUCCESS", Long.toString(amount), "CNY", at);
    }

    static String row(String txId, String providerRef, String outTradeNo, String type, String status,
            String amount, String currency, Instant at) {
        return String.join(",", txId, providerRef, outTradeNo, type, status, amount, currency, "0", at.toString());
    }

    static List<ReadOutcome> read(CsvMapping mapping, byte[] file) {
        try (var rows = SettlementReader.of(mapping).read(new ByteArrayInputStream(file))) {
            return rows.toList();
        }
    }

    static List<ReadOutcome> readSandbox(String text) {
        return read(CsvMapping.sandbox(), text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }
}
