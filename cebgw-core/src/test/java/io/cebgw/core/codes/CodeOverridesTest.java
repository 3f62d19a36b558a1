package io.cebgw.core.codes;

import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.MessageValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's code-table file completes the partial tables, adds ports, and is refused line by line when wrong. */
class CodeOverridesTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aFileAddsCustomsAreasAndPortsAndTakesCodesOut() throws Exception {
        CodeTables shipped = CodeTables.shipped();
        assertThat(shipped.table(CodeTables.CUSTOMS_AREA).lookup("9999")).isEmpty();
        CodeTables tables = shipped.with(file("""
                # our own codes
                table,code,name_zh,name_en,status
                customs-area,9999,示例海关,Example customs,
                port,LAX,洛杉矶,Los Angeles,current
                currency,502,美元,US dollar,removed
                """));
        assertThat(tables.table(CodeTables.CUSTOMS_AREA).lookup("9999")).map(CodeEntry::nameZh).contains("示例海关");
        assertThat(tables.table(CodeTables.CUSTOMS_AREA).complete()).as("still partial: unknown areas stay warnings").isFalse();
        assertThat(tables.find(CodeTables.PORT)).isPresent();
        assertThat(tables.table(CodeTables.CURRENCY).lookup("502")).isEmpty();
        assertThat(shipped.table(CodeTables.CURRENCY).lookup("502")).as("the shipped tables are untouched").isPresent();
        assertThat(shipped.find(CodeTables.PORT)).isEmpty();

        CebMessage list = new ExampleFactory().create(MessageType.CEB603);
        list.businessRecords().get(0).head().set("POD", "SFO");
        assertThat(new MessageValidator(tables, null).validate(list).findings()).extracting(Finding::code, Finding::path)
                .contains(org.assertj.core.groups.Tuple.tuple("CEB-C002", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:POD"));
        assertThat(new MessageValidator(tables, null).validate(list).errors()).extracting(Finding::code).contains("CEB-C001");  // 502 removed
    }

    @Test
    void configuringMakesTheTablesTheOnesInUse() throws Exception {
        try {
            CodeTables.configure(file("table,code,name_zh,name_en,status\nport,LAX,洛杉矶,Los Angeles,current\n"));
            assertThat(CodeTables.standard().find(CodeTables.PORT)).isPresent();
            CebMessage list = new ExampleFactory().create(MessageType.CEB603);
            list.businessRecords().get(0).head().set("POD", "SFO");
            assertThat(new MessageValidator().validate(list).findings()).extracting(Finding::code).contains("CEB-C002");
        } finally {
            CodeTables.configure(file("table,code,name_zh,name_en,status\n"));
        }
        assertThat(CodeTables.standard().find(CodeTables.PORT)).isEmpty();
    }

    @Test
    void aBadFileIsRefusedWithTheLineAtFault() throws Exception {
        assertThatThrownBy(() -> CodeTables.shipped().with(file("table,code,name_zh,name_en,status\nharbour,LAX,洛杉矶,Los Angeles,\n")))
                .isInstanceOfSatisfying(CodeTableException.class, e -> {
                    assertThat(e.problem().code().code()).isEqualTo("CEB-N002");
                    assertThat(e.problem().zh()).contains("第 2 行").contains("harbour");
                    assertThat(e.problem().en()).contains("line 2");
                });
        assertThatThrownBy(() -> CodeTables.shipped().with(file("code,name\n"))).isInstanceOf(CodeTableException.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> CodeTables.shipped().with(file("table,code,name_zh,name_en,status\nport,L A,x,y,\n")))
                .hasMessageContaining("letters or digits");
        assertThatThrownBy(() -> CodeTables.shipped().with(file("table,code,name_zh,name_en,status\nport,LAX,x,y,gone\n")))
                .hasMessageContaining("current, obsolete or removed");
        assertThatThrownBy(() -> CodeTables.shipped().with(file("table,code,name_zh,name_en,status\nport,LAX,x,y\nport,LAX,x,y\n")))
                .hasMessageContaining("twice");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "table,code,name_zh,name_en,status\nport,LAX,\u00e9t\u00e9,y,\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CodeTables.shipped().with(latin1)).isInstanceOfSatisfying(CodeTableException.class,
                e -> assertThat(e.problem().code().code()).isEqualTo("CEB-N001"));
        assertThatThrownBy(() -> CodeTables.shipped().with(dir.resolve("missing.csv"))).isInstanceOf(CodeTableException.class);
    }
}
