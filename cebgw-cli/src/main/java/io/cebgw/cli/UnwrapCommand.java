package io.cebgw.cli;

import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.XmlLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "unwrap", mixinStandardHelpOptions = true, versionProvider = CebgwCommand.Version.class,
        description = {"从 DxpMsg / DxpMsgSv 中取出业务报文（原样字节），报文头信息打印到标准错误；DxpRep 打印其内容 /",
                "extract the business message (exact bytes) from a DxpMsg or DxpMsgSv, header on standard error; print a DxpRep."},
        footer = {"", "Example / 示例:", "  ./cebgw unwrap received.xml > CEB604Message.xml"})
final class UnwrapCommand implements Callable<Integer> {
    @ParentCommand
    CebgwCommand root;

    @Parameters(paramLabel = "FILE", description = "DXP 报文，- 表示标准输入 / the DXP envelope, - for standard input")
    String file;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Envelope envelope;
        try {
            envelope = new EnvelopeReader().read(Input.read(file, XmlLimits.DEFAULT));
        } catch (CebReadException e) {
            root.unreadable(file, e);
            return ExitCode.UNREADABLE;
        }
        Language lang = root.language();
        if (envelope instanceof DxpRep rep) {
            for (DxpRep.Response r : rep.responses()) {
                root.out.println("DxpRep  RecevierId=" + rep.receiverId() + "  ResponseCode=" + r.responseCode()
                        + "  " + (r.responseInfo() == null ? "" : r.responseInfo())
                        + "  CopMsgId=" + r.oriHead().copMsgId() + "  MsgType=" + r.oriHead().msgType());
            }
            return ExitCode.OK;
        }
        DxpMsg msg = envelope instanceof DxpMsgSv sv ? sv.dxpMsg() : (DxpMsg) envelope;
        root.err.println(lang.pick("报文头", "header") + ": " + envelope.rootName() + "  CopMsgId=" + msg.transInfo().copMsgId()
                + "  SenderId=" + msg.transInfo().senderId() + "  ReceiverIds=" + String.join(",", msg.transInfo().receiverIds())
                + "  MsgType=" + msg.transInfo().msgType() + "  CreatTime=" + msg.transInfo().creatTime());
        output.write(msg.data(), root.out);
        return ExitCode.OK;
    }
}
