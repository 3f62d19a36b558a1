package io.cebgw.sandbox;

import io.cebgw.core.envelope.TransInfo;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.crypto.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads just the TransInfo of an envelope the envelope reader refused (bad base64 in Data, a missing element),
 * so the sender can still be told with a DxpRep 0001. Garbage that is not XML, or has no sender, yields nothing.
 */
final class TransInfoSalvage {
    private TransInfoSalvage() {
    }

    static Optional<TransInfo> of(byte[] bytes) {
        try {
            Document doc = SafeDom.parse(bytes);
            NodeList infos = doc.getElementsByTagNameNS(Namespaces.DXP, "TransInfo");
            if (infos.getLength() == 0) {
                return Optional.empty();
            }
            Element info = (Element) infos.item(0);
            List<String> receivers = new ArrayList<>();
            NodeList ids = info.getElementsByTagNameNS(Namespaces.DXP, "ReceiverId");
            for (int i = 0; i < ids.getLength(); i++) {
                receivers.add(ids.item(i).getTextContent().strip());
            }
            return Optional.of(new TransInfo(text(info, "CopMsgId"), text(info, "SenderId"), receivers,
                    text(info, "CreatTime"), text(info, "MsgType")));
        } catch (SafeDom.Unreadable | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(Namespaces.DXP, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }
}
