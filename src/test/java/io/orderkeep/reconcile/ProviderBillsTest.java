package io.orderkeep.reconcile;

import static io.orderkeep.reconcile.SandboxCsv.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.reconcile.domain.AmountUnit;
import io.orderkeep.reconcile.domain.CsvColumns;
import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.RejectedRow;
import io.orderkeep.reconcile.domain.RowType;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Providers' own bills read through a mapping alone: no code per provider. */
class ProviderBillsTest {

    private static final String WECHAT_HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    private static final String ALIPAY_HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,"
            + "终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    @Test
    void readsAWechatPayTradeBillWithBacktickFieldsYuanAmountsAndASummary() {
        String bill = "\uFEFF" + WECHAT_HEADER + "\r\n"
                + wechat("2026-11-21 10:15:30", "4200001234202611211234567890", "pay_01", "SUCCESS", "12.50",
                        "0", "0", "0.00", "0.08", "12.50", "0.00") + "\r\n"
                + wechat("2026-11-21 18:00:00", "4200001234202611211234567890", "pay_01", "REFUND", "12.50",
                        "50300001232026112112345", "ref_01", "5.00", "-0.03", "12.50", "5.00") + "\r\n"
                + wechat("2026-11-21 23:59:59", "4200009999202611219999999999", "pay_02", "SUCCESS", "12.505",
                        "0", "0", "0.00", "0.08", "12.505", "0.00") + "\r\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
                + "`3,`25.00,`5.00,`0.00,`0.05,`25.00,`5.00\r\n";

        List<ReadOutcome> rows = read(CsvMapping.wechatPayTradeBill(), bill.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).containsExactly(
                new SettlementRow(2, "4200001234202611211234567890", "4200001234202611211234567890", "pay_01",
                        null, RowType.PAYMENT, SettlementStatus.SUCCEEDED, 1250, "CNY", 8,
                        Instant.parse("2026-11-21T02:15:30Z")),
                new SettlementRow(3, "50300001232026112112345", "4200001234202611211234567890", "pay_01",
                        "ref_01", RowType.REFUND, SettlementStatus.SUCCEEDED, 500, "CNY", -3,
                        Instant.parse("2026-11-21T10:00:00Z")),
                new RejectedRow(4, "订单金额: '12.505' has more decimals than CNY allows (2)"));
    }

    @Test
    void readsAnAlipayTradeBillInGbkWithNoteLinesBeforeAndAfter() {
        String bill = "#支付宝交易记录明细查询\r\n"
                + "#账号：[20881234567890120156]\r\n"
                + "#起始日期：[2026年11月21日 00:00:00]   终止日期：[2026年11月22日 00:00:00]\r\n"
                + "#-----------------------------------------业务明细列表----------------------------------------\r\n"
                + ALIPAY_HEADER + "\r\n"
                + alipay("2026112122001400001234567890", "pay_01", "交易", "2026-11-21 10:15:30", "12.50", "", "-0.08")
                + "\r\n"
                + alipay("2026112122001400001234567890", "pay_01", "退款", "2026-11-21 18:00:00", "-5.00", "ref_01",
                        "0.03") + "\r\n"
                + alipay("2026112122001400005555555555", "pay_02", "转账", "2026-11-21 19:00:00", "1.00", "", "0.00")
                + "\r\n"
                + "#-----------------------------------------业务明细列表结束------------------------------------\r\n"
                + "#交易合计：1笔，商家实收：12.50元，服务费：-0.08元\r\n"
                + "#退款合计：1笔，商家实收：-5.00元，服务费：0.03元\r\n"
                + "#导出时间：[2026年11月22日 09:00:00]\r\n";

        List<ReadOutcome> rows = read(CsvMapping.alipayTradeBill(), bill.getBytes(Charset.forName("GBK")));

        assertThat(rows).containsExactly(
                new SettlementRow(6, "2026112122001400001234567890", "2026112122001400001234567890", "pay_01",
                        null, RowType.PAYMENT, SettlementStatus.SUCCEEDED, 1250, "CNY", -8,
                        Instant.parse("2026-11-21T02:15:30Z")),
                new SettlementRow(7, "2026112122001400001234567890", "2026112122001400001234567890", "pay_01",
                        "ref_01", RowType.REFUND, SettlementStatus.SUCCEEDED, 500, "CNY", 3,
                        Instant.parse("2026-11-21T10:00:00Z")),
                new RejectedRow(8, "业务类型: unknown type '转账'"));
        assertThat(((SettlementRow) rows.get(0)).key()).isNotEqualTo(((SettlementRow) rows.get(1)).key());
    }

    @Test
    void rejectsRowsWhoseBytesAreNotValidInTheMappingsCharset() {
        String row = alipay("2026112122001400001234567890", "pay_01", "交易", "2026-11-21 10:15:30", "12.50", "",
                "0") + "\r\n";
        CsvMapping utf8 = new CsvMapping("alipay-as-utf8", CsvMapping.alipayTradeBill().columns(), AmountUnit.MAJOR,
                "CNY", CsvMapping.alipayTradeBill().zone(), "uuuu-MM-dd HH:mm:ss",
                CsvMapping.alipayTradeBill().statusValues(), CsvMapping.alipayTradeBill().typeValues(), ',',
                StandardCharsets.UTF_8, 0, "#", null, null);
        byte[] header = (ALIPAY_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] gbkRow = row.getBytes(Charset.forName("GBK"));
        byte[] file = new byte[header.length + gbkRow.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(gbkRow, 0, file, header.length, gbkRow.length);

        List<ReadOutcome> rows = read(utf8, file);

        assertThat(rows).containsExactly(new RejectedRow(2, "field 3 holds bytes that are not valid UTF-8"));
    }

    @Test
    void aMappingOfPlainValuesReadsAnyOtherLayout() {
        CsvMapping custom = new CsvMapping("custom",
                new CsvColumns(null, null, "Order", "Kind", "State", "Value", "Cur", null, "When", null, null, null),
                AmountUnit.MAJOR, null, ZoneId.of("Asia/Kuwait"), "dd.MM.uuuu HH:mm",
                Map.of("ok", SettlementStatus.SUCCEEDED), Map.of("sale", RowType.PAYMENT), ';',
                StandardCharsets.ISO_8859_1, 2, null, "^Total$", null);
        String file = "Report;generated\nfor;merchant 42\n"
                + "Order;Kind;State;Value;Cur;When\n"
                + "pay_01;sale;ok;1,250;KWD;21.11.2026 09:00\n"
                + "pay_02;sale;ok;1.250;KWD;21.11.2026 09:00\n"
                + "Total\n1 row;whatever\n";

        List<ReadOutcome> rows = read(custom, file.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(rows).containsExactly(
                new RejectedRow(4, "Value: '1,250' is not a decimal amount"),
                new SettlementRow(5, "pay_02", null, "pay_02", null, RowType.PAYMENT, SettlementStatus.SUCCEEDED,
                        1250, "KWD", 0, Instant.parse("2026-11-21T06:00:00Z")));
    }

    @Test
    void convertsMajorUnitsExactlyByTheCurrencysDigits() {
        assertThat(AmountUnit.MAJOR.toMinor("12.5", Currency.getInstance("CNY"))).isEqualTo(1250);
        assertThat(AmountUnit.MAJOR.toMinor("1500", Currency.getInstance("JPY"))).isEqualTo(1500);
        assertThat(AmountUnit.MAJOR.toMinor("1.234", Currency.getInstance("KWD"))).isEqualTo(1234);
        assertThat(AmountUnit.MAJOR.toMinor("-0.03", Currency.getInstance("CNY"))).isEqualTo(-3);
        for (String[] bad : new String[][] {{"1500.5", "JPY"}, {"1.2345", "KWD"}, {"1e3", "CNY"}, {"1,000.00", "CNY"},
                {"", "CNY"}, {"99999999999999999.99", "CNY"}}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> AmountUnit.MAJOR.toMinor(bad[0], Currency.getInstance(bad[1])));
        }
    }

    private static String wechat(String time, String wxOrder, String outTradeNo, String status, String orderAmount,
            String wxRefund, String outRefund, String refundAmount, String fee, String total, String requested) {
        return Stream.of(time, "wx2421b1c4370ec43b", "10000100", "0", "", wxOrder, outTradeNo,
                        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "JSAPI", status, "CMB_DEBIT", "CNY", orderAmount, "0.00",
                        wxRefund, outRefund, refundAmount, "0.00", status.equals("REFUND") ? "ORIGINAL" : "",
                        status.equals("REFUND") ? "SUCCESS" : "", "乌龙茶 100g", "", fee, "0.60%", total, requested, "")
                .map(field -> "`" + field)
                .collect(Collectors.joining(","));
    }

    private static String alipay(String tradeNo, String outTradeNo, String type, String finished, String amount,
            String refundNo, String fee) {
        return String.join(",", tradeNo, outTradeNo, type, "乌龙茶 100g", "2026-11-21 10:15:00", finished, "", "", "",
                "", "li***@example.com", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
                refundNo, fee, "0.00", "");
    }
}
