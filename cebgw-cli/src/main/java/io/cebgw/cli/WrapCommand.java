package io.cebgw.cli;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeException;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.XmlLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "wrap", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"把业务报文（原样，签名不受影响）装入 DxpMsg，或第三方平台用的 DxpMsgSv /",
                "wrap a business message (byte for byte, so its signature stays valid) in a DxpMsg, or a DxpMsgSv for third-party platforms."},
        footer = {"", "Examples / 示例:",
                "  ./cebgw wrap CEB603Message.xml --sender DXPENT0000012345 > out.xml",
                "  ./cebgw wrap CEB603Message.xml --sender DXPENT0000012345 --transfer --sta-node 00000002 --end-node 46000002"})
final class WrapCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "FILE", description = "业务报文，- 表示标准输入 / the business message, - for standard input")
    String file;

    @Option(names = "--sender", required = true, paramLabel = "DXPID", description = "发送方 DXP 编号 / the sender's DXP id (SenderId)")
    String sender;

    @Option(names = "--receiver", paramLabel = "DXPID", defaultValue = DxpMsg.EXPORT_RECEIVER,
            description = "接收方（可重复，最多 5 个）/ receiver, repeatable up to 5 (default ${DEFAULT-VALUE}, the export node)")
    List<String> receivers;

    @Option(names = "--cop-msg-id", paramLabel = "ID", description = "传输报文编号（默认新 UUID）/ CopMsgId (default: a new upper-case UUID)")
    String copMsgId;

    @Option(names = "--transfer", description = "生成传输节点报文 DxpMsgSv / produce a transfer-node DxpMsgSv")
    boolean transfer;

    @Option(names = "--sta-node", paramLabel = "NODE", description = "接入传输节点编号（8 位，--transfer 时必填）/ the 8-digit transfer node you attach to")
    String staNode;

    @Option(names = "--end-node", paramLabel = "NODE", description = "目的传输节点编号（--transfer 时必填）/ the destination transfer node")
    String endNode;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        ReadResult read;
        try {
            read = new CebReader().read(Input.read(file, XmlLimits.DEFAULT));
        } catch (CebReadException e) {
            root.unreadable(file, e);
            return ExitCode.UNREADABLE;
        }
        if (read.envelope() != null) {
            root.error(file + " 已经是 " + read.envelope().rootName() + "，请先 unwrap", file + " is already a " + read.envelope().rootName() + "; unwrap it first");
            return ExitCode.UNREADABLE;
        }
        if (transfer && (staNode == null || endNode == null)) {
            root.error("--transfer 需要 --sta-node 和 --end-node", "--transfer needs --sta-node and --end-node");
            return ExitCode.UNREADABLE;
        }
        Envelope envelope;
        try {
            Wrapping wrapping = new Wrapping();
            DxpMsg msg = wrapping.dxpMsg(read.businessXml(), read.message().type().rootName(), sender, receivers, copMsgId);
            envelope = transfer ? wrapping.dxpMsgSv(msg, staNode, endNode) : msg;
        } catch (EnvelopeException e) {
            root.error(e.describe(java.util.Locale.CHINESE), e.describe(java.util.Locale.ENGLISH));
            return ExitCode.UNREADABLE;
        }
        output.write(new EnvelopeWriter().write(envelope), root.out);
        return ExitCode.OK;
    }
}
