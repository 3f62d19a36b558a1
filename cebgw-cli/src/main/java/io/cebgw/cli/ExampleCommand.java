package io.cebgw.cli;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "example", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = "打印一份完整、有效的示例报文 / print a complete, valid example message.",
        footer = {"", "TYPE: CEB303 CEB304 CEB403 CEB404 CEB505 CEB506 CEB507 CEB508 CEB509 CEB510 CEB603 CEB604",
                "      CEB605 CEB606 CEB607 CEB608 CEB213 CEB214 CEB215 CEB216 CEB701 CEB702 CEB792 CEB900",
                "      (603 or CEB603Message work too)",
                "", "Examples / 示例:",
                "  ./cebgw example CEB603 --trade-mode 9810 > booking-list.xml",
                "  ./cebgw example CEB303 --order-type B --items 5",
                "  ./cebgw example --flow 9810 -o flow-9810      一票货物的全部单证（303 505 603 607 507 509），可一起校验 / a whole shipment",
                "  ./cebgw validate flow-9810/*.xml"})
final class ExampleCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "报文类型 / message type, e.g. CEB603")
    String type;

    @Option(names = "--flow", paramLabel = "9710|9810|9610|1210",
            description = "写出一票货物的全部单证（订单、运单、清单、总分单、运抵单、离境单），编号、表体与合计彼此一致；-o 为目录（默认 flow-贸易方式）/ "
                    + "write a whole shipment (order, waybill, list, 总分单, arrival, departure) whose numbers, lines and totals agree; "
                    + "-o names a folder (default flow-MODE)")
    String flow;

    @Option(names = "--trade-mode", paramLabel = "9710|9810|9610|1210", description = "贸易方式 / trade mode (default 9710)")
    String tradeMode;

    @Option(names = "--order-type", paramLabel = "E|B|W", description = "订单类型 / order type (B with 9710, W with 9810, E with 9610/1210)")
    String orderType;

    @Option(names = "--items", defaultValue = "2", description = "商品项数 / item lines, 1..100 (default ${DEFAULT-VALUE})")
    int items;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (flow != null) {
            return flow();
        }
        if (type == null) {
            root.error("缺少报文类型 TYPE，或用 --flow 写出整票单证（见 cebgw example --help）",
                    "a message TYPE is missing, or use --flow for a whole shipment (see cebgw example --help)");
            return ExitCode.UNREADABLE;
        }
        MessageType messageType = MessageType.lookup(type).orElse(null);
        if (messageType == null) {
            root.error("未知的报文类型：" + type + "（见 cebgw example --help）", "unknown message type: " + type + " (see cebgw example --help)");
            return ExitCode.UNREADABLE;
        }
        ExampleOptions options = options(tradeMode);
        if (options == null) {
            return ExitCode.UNREADABLE;
        }
        byte[] xml = new CebWriter().write(new ExampleFactory().create(messageType, options));
        output.write(xml, root.out);
        return ExitCode.OK;
    }

    /** The documents of one shipment into a folder, numbered in the order they are declared. */
    private Integer flow() throws IOException {
        if (type != null) {
            root.error("--flow 写出整票单证，不再需要 TYPE", "--flow writes a whole shipment: leave out TYPE");
            return ExitCode.UNREADABLE;
        }
        ExampleOptions options = options(flow);
        if (options == null) {
            return ExitCode.UNREADABLE;
        }
        Path dir = output.file != null ? output.file : Path.of("flow-" + flow);
        Files.createDirectories(dir);
        List<CebMessage> messages = new ExampleFactory().flow(options);
        for (int i = 0; i < messages.size(); i++) {
            Path file = dir.resolve((i + 1) + "-" + messages.get(i).type().rootName() + ".xml");
            Files.write(file, new CebWriter().write(messages.get(i)));
            root.out.println(file);
        }
        root.out.flush();
        return ExitCode.OK;
    }

    /** The options asked for, or null after saying on one line why they do not go together. */
    private ExampleOptions options(String mode) {
        try {
            return new ExampleOptions(mode, orderType == null ? null : orderType.toUpperCase(Locale.ROOT), items);
        } catch (IllegalArgumentException e) {
            root.err.println("cebgw: " + e.getMessage());
            return null;
        }
    }
}
