package io.orderkeep.reconcile.domain;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to read one provider's settlement CSV without new code. Plain fields, so that a mapping can come from
 * configuration ({@link CsvMappings}: the built-in layouts are written as the same keys).
 *
 * @param columns which header column holds which field
 * @param amountUnit whether amounts are minor units or major units with decimals
 * @param defaultCurrency ISO 4217 code used when the file has no currency column
 * @param zone the provider's time zone: local date-times in the file are read in it
 * @param timestampPattern a {@link java.time.format.DateTimeFormatter} pattern ({@code uuuu}, not {@code yyyy}:
 *     dates are resolved strictly), or {@code null} for ISO-8601 with or without an offset
 * @param statusValues the provider's status words mapped to ours; a word not listed rejects the row
 * @param typeValues the provider's type words mapped to ours; a word not listed rejects the row
 * @param skipLines lines before the header to skip whatever they hold
 * @param commentPrefix lines starting with it are notes, not rows, wherever they are ({@code null}: none)
 * @param summaryMarker a regular expression; the first line whose first field matches it starts a trailing
 *     summary section, ignored to the end of the file ({@code null}: none)
 * @param fieldPrefix stripped from the start of every field when present ({@code null}: none)
 */
public record CsvMapping(String name, CsvColumns columns, AmountUnit amountUnit, String defaultCurrency, ZoneId zone,
        String timestampPattern, Map<String, SettlementStatus> statusValues, Map<String, RowType> typeValues,
        char delimiter, Charset charset, int skipLines, String commentPrefix, String summaryMarker,
        String fieldPrefix) {

    public CsvMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(amountUnit, "amountUnit");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(charset, "charset");
        statusValues = Map.copyOf(statusValues);
        typeValues = Map.copyOf(typeValues);
        if (skipLines < 0) {
            throw new IllegalArgumentException("skipLines must not be negative: " + skipLines);
        }
        if (columns.currency() == null && defaultCurrency == null) {
            throw new IllegalArgumentException("a mapping without a currency column needs a default currency");
        }
        if (summaryMarker != null) {
            Pattern.compile(summaryMarker);
        }
    }

    /** The sandbox provider's file (API.md): minor units, ISO-8601 instants, UTF-8, comma. */
    public static CsvMapping sandbox() {
        return CsvMappings.builtIn(CsvMappings.SANDBOX);
    }

    /**
     * A WeChat Pay trade bill ("交易账单", type ALL): every field prefixed with a backtick, amounts in yuan, local
     * China time, the 交易状态 column giving both type and status, refund rows carrying 退款金额 and 微信退款单号,
     * and a summary from the 总交易单数 line on.
     */
    public static CsvMapping wechatPayTradeBill() {
        return CsvMappings.builtIn(CsvMappings.WECHAT);
    }

    /**
     * An Alipay trade bill ("业务明细"): GBK, {@code #} note lines before the header and after the rows, amounts in
     * yuan (a refund's written negative), local China time, 业务类型 交易/退款, only settled money listed (no status
     * column), a refund identified by its 退款批次号/请求号 beside the payment's 支付宝交易号.
     */
    public static CsvMapping alipayTradeBill() {
        return CsvMappings.builtIn(CsvMappings.ALIPAY);
    }
}
