package io.cebgw.core.lifecycle;

import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle table of every declaration type, walked status by status; the statuses' names and meanings. */
class LifecycleTest {

    /** type, the good path, the status that ends it. */
    @ParameterizedTest(name = "{0}: {1} ends at {2}")
    @CsvSource({
            "CEB303, 2 120, 120",
            "CEB403, 2 120, 120",
            "CEB505, 2 120, 120",
            "CEB603, 2 120 300 399 500 800 899, 899",
            "CEB605, 2 120 399, 399",
            "CEB607, 2 120 399, 399",
            "CEB507, 2 120 399, 399",
            "CEB509, 2 120 399, 399",
            "CEB701, 2 120 399, 399",
            "CEB213, 2 120 399, 399",
            "CEB215, 2 120 399, 399"})
    void everyDeclarationTypeWalksItsPathToItsLastStatus(MessageType type, String path, String last) {
        Lifecycle lifecycle = Lifecycle.of(type);
        List<String> codes = Arrays.asList(path.split(" "));
        assertThat(lifecycle.pathCodes()).isEqualTo(codes);
        assertThat(lifecycle.last().code()).isEqualTo(last);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            assertThat(lifecycle.isFinal(code)).as("%s %s final", type, code).isEqualTo(code.equals(last));
            // each status on the path reaches itself and every one before it, none after it
            for (int j = 0; j < codes.size(); j++) {
                assertThat(Lifecycle.reached(code, ReturnStatus.of(codes.get(j)))).as("%s reached %s", code, codes.get(j)).isEqualTo(j <= i);
            }
        }
        // refused, processing errors, format and exchange errors end every type, and free its business key
        for (String bad : List.of("100", "-301010", "-1", "900", "E0001", "E2001")) {
            assertThat(lifecycle.isFinal(bad)).as("%s %s", type, bad).isTrue();
            assertThat(Lifecycle.holdsKey(bad)).as(bad).isFalse();
            assertThat(Lifecycle.failed(bad)).as(bad).isTrue();
        }
        assertThat(lifecycle.isFinal((String) null)).isFalse();
    }

    @ParameterizedTest(name = "{0}: change allowed in {1}: {2}")
    @CsvSource({"CEB603, , true", "CEB603, 2, true", "CEB603, 120, true", "CEB603, 300, true", "CEB603, 100, true",
            "CEB603, 399, false", "CEB603, 500, false", "CEB603, 800, false", "CEB603, 899, false",
            "CEB303, 120, true", "CEB607, 399, false"})
    void modificationStopsOnceCustomsConcluded(MessageType type, String status, boolean allowed) {
        assertThat(Lifecycle.of(type).allowsChange(status)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
            "1, 电子口岸已暂存, Saved at E-Port, IN_PROGRESS",
            "2, 电子口岸申报中, Submitted to E-Port, IN_PROGRESS",
            "3, 发送海关成功, Sent to customs, IN_PROGRESS",
            "4, 发送海关失败, Sending to customs failed, SETBACK",
            "100, 海关退单, Rejected by customs, FINAL_BAD",
            "120, 海关入库, Accepted by customs, ACCEPTED",
            "300, 人工审核, Manual review, IN_PROGRESS",
            "399, 海关审结, Concluded, ACCEPTED",
            "500, 海关查验, Inspection, IN_PROGRESS",
            "800, 放行, Released, ACCEPTED",
            "899, 结关, Cleared, FINAL_GOOD",
            "900, 报文格式错误, Format error, PROCESSING_ERROR",
            "-301010, 处理异常：已存在相同编号的订单, Processing error: an order with the same number exists, PROCESSING_ERROR",
            "-999999, 处理异常：海关处理异常, Processing error: processing error at customs, PROCESSING_ERROR",
            "E0001, 交换错误：报文格式错误, Exchange error: malformed message, PROCESSING_ERROR",
            "E1001, 交换错误：数字签名无效, Exchange error: invalid digital signature, PROCESSING_ERROR",
            "E7777, 交换错误：数据交换错误, Exchange error: exchange error, PROCESSING_ERROR",
            "123, 回执状态 123, Receipt status 123, IN_PROGRESS"})
    void everyStatusIsNamedAndMeansSomething(String code, String zh, String en, Meaning meaning) {
        ReturnStatus status = ReturnStatus.of(code);
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.zh()).isEqualTo(zh);
        assertThat(status.en()).isEqualTo(en);
        assertThat(status.meaning()).isEqualTo(meaning);
        assertThat(status.label(Locale.CHINA)).isEqualTo(zh + "（" + code + "）");
        assertThat(status.label(Locale.ENGLISH)).isEqualTo(en + " (" + code + ")");
    }

    @Test
    void storedFormsNameTheirSource() {
        assertThat(ReturnStatus.exchange("2001")).isEqualTo(ReturnStatus.of("E2001"));
        assertThat(ReturnStatus.of("E2001").source()).isEqualTo(StatusSource.EXCHANGE);
        assertThat(ReturnStatus.of("900").source()).isEqualTo(StatusSource.FORMAT_CHECK);
        assertThat(ReturnStatus.of("120").source()).isEqualTo(StatusSource.CUSTOMS);
        assertThat(ReturnStatus.of(" 120 ")).isSameAs(ReturnStatus.ENTERED);
        assertThat(ReturnStatus.named()).extracting(ReturnStatus::code).contains("1", "2", "100", "120", "399", "800", "899", "900")
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnknownCodeNeverEndsADocument() {
        for (Lifecycle lifecycle : Lifecycle.all()) {
            assertThat(lifecycle.isFinal("777")).as(lifecycle.type().name()).isFalse();
        }
        assertThat(Lifecycle.holdsKey("777")).isTrue();
        assertThat(Lifecycle.holdsKey(null)).isTrue();
        assertThat(Lifecycle.reached(null, ReturnStatus.DECLARING)).isFalse();
        assertThat(Lifecycle.reached("4", ReturnStatus.DECLARING)).as("a setback reaches nothing").isFalse();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void exactlyTheDeclarationsHaveALifecycle(MessageType type) {
        assertThat(Lifecycle.lookup(type).isPresent()).as(type.name()).isEqualTo(type.isDeclaration());
        if (!type.isDeclaration()) {
            assertThatThrownBy(() -> Lifecycle.of(type)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void outcomesAndOutboxStatesAreNamed() {
        for (ReceiptOutcome o : ReceiptOutcome.values()) {
            assertThat(ReceiptOutcome.parse(o.name())).isSameAs(o);
            assertThat(o.label(Locale.CHINA)).isNotBlank().isNotEqualTo(o.label(Locale.ENGLISH));
        }
        assertThat(ReceiptOutcome.parse("NONSENSE")).isNull();
        assertThat(ReceiptOutcome.APPLIED.applied()).isTrue();
        for (OutboxState s : OutboxState.values()) {
            assertThat(s.label(Locale.CHINA)).isNotBlank().isNotEqualTo(s.label(Locale.ENGLISH));
        }
    }
}
