package io.cebgw.server.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Message bytes as the database keeps them (documents' XML and envelopes, outbox payloads, archive entries): deflated,
 * (zlib, with its checksum) behind a 4-byte mark. A DXP envelope whose {@code <Data>} is plain base64 is kept with that part decoded — base64
 * hides the XML's repetitions from the compressor — and encoded again when read: the bytes read are always exactly
 * the bytes written. Values written before compression (no mark) are read as they are. ADR 0023.
 */
public final class StoredBytes {
    private static final byte[] DEFLATED = {0, 'C', 'Z', 1};
    private static final byte[] ENVELOPE = {0, 'C', 'Z', 2};
    private static final byte[] DATA_OPEN = "<Data>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_CLOSE = "</Data>".getBytes(StandardCharsets.US_ASCII);

    private StoredBytes() {
    }

    /** The bytes to store for {@code raw} (null stays null). */
    public static byte[] pack(byte[] raw) {
        if (raw == null) {
            return null;
        }
        int open = indexOf(raw, DATA_OPEN, 0);
        int start = open + DATA_OPEN.length;
        int end = open < 0 ? -1 : indexOf(raw, DATA_CLOSE, start);
        if (end > start) {
            byte[] text = Arrays.copyOfRange(raw, start, end);
            byte[] data = decodeExactly(text);
            if (data != null) {
                ByteBuffer parts = ByteBuffer.allocate(8 + raw.length);
                parts.putInt(start).put(raw, 0, start).putInt(data.length).put(data).put(raw, end, raw.length - end);
                return deflate(ENVELOPE, parts.array(), parts.position());
            }
        }
        return deflate(DEFLATED, raw, raw.length);
    }

    /** The bytes that were stored with {@link #pack} (or before compression, as they are). */
    public static byte[] unpack(byte[] stored) {
        if (stored == null || stored.length < 4 || stored[0] != 0 || stored[1] != 'C' || stored[2] != 'Z') {
            return stored;
        }
        byte[] inflated = inflate(stored);
        if (stored[3] == DEFLATED[3]) {
            return inflated;
        }
        ByteBuffer parts = ByteBuffer.wrap(inflated);
        byte[] prefix = new byte[parts.getInt()];
        parts.get(prefix);
        byte[] data = new byte[parts.getInt()];
        parts.get(data);
        byte[] text = Base64.getEncoder().encode(data);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(prefix.length + text.length + parts.remaining());
        raw.writeBytes(prefix);
        raw.writeBytes(text);
        raw.write(inflated, parts.position(), parts.remaining());
        return raw.toByteArray();
    }

    /** The decoded bytes when {@code text} is base64 that encodes back to exactly itself (no line breaks), else null. */
    private static byte[] decodeExactly(byte[] text) {
        try {
            byte[] data = Base64.getDecoder().decode(text);
            return Arrays.equals(Base64.getEncoder().encode(data), text) ? data : null;
        } catch (IllegalArgumentException notPlainBase64) {
            return null;
        }
    }

    private static byte[] deflate(byte[] mark, byte[] bytes, int length) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(bytes, 0, length);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 + 16);
            out.writeBytes(mark);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, 4, stored.length - 4);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 3);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored message is cut short (" + stored.length + " bytes)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored message cannot be inflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
