package io.cebgw.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.transport.Transport;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON bodies of the regional HTTP style: a declaration is posted as {@code {"Message":{"MessageHead":{…},
 * "MessageBody":{"data":"<base64>"}}}} (the Hainan e-port's {@code cebcmsg} form) and answered {@code OK}; receipts
 * are polled as {@code {"messages":[{"seq":n,"id":"…","data":"<base64>"}]}}.
 */
final class HttpMessages {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SEND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private HttpMessages() {
    }

    static byte[] declaration(Transport.Envelope envelope, String senderId) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("Message");
        message.putObject("MessageHead")
                .put("MessageId", envelope.wireId())
                .put("MessageType", "DxpMsg")
                .put("SenderID", senderId == null ? "" : senderId)
                .put("ReceiverID", "PORT")
                .put("SendTime", LocalDateTime.now(BEIJING).format(SEND_TIME))
                .put("Version", "1.0");
        message.putObject("MessageBody").put("data", Base64.getEncoder().encodeToString(envelope.bytes()));
        return JSON.writeValueAsBytes(root);
    }

    /** A posted declaration as the exchange end reads it. */
    record Posted(String wireId, String id, byte[] bytes) {
    }

    static Posted readDeclaration(byte[] body) throws IOException {
        JsonNode message = JSON.readTree(body).path("Message");
        String wireId = message.path("MessageHead").path("MessageId").asText("");
        String data = message.path("MessageBody").path("data").asText(null);
        if (wireId.isBlank() || data == null) {
            throw new IOException("MessageHead.MessageId and MessageBody.data are required");
        }
        try {
            return new Posted(wireId, Transport.Envelope.idOf(wireId), Base64.getMimeDecoder().decode(data));
        } catch (IllegalArgumentException e) {
            throw new IOException("MessageBody.data is not base64");
        }
    }

    /** One receipt held by the exchange end, numbered in the order it was sent. */
    record Held(long seq, String id, byte[] bytes) {
    }

    static byte[] receipts(List<Held> held) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (Held h : held) {
            messages.addObject().put("seq", h.seq()).put("id", h.id()).put("data", Base64.getEncoder().encodeToString(h.bytes()));
        }
        return JSON.writeValueAsBytes(root);
    }

    static List<Held> readReceipts(byte[] body) throws IOException {
        List<Held> held = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body).path("messages")) {
            held.add(new Held(m.path("seq").asLong(), m.path("id").asText(), Base64.getDecoder().decode(m.path("data").asText())));
        }
        return held;
    }
}
