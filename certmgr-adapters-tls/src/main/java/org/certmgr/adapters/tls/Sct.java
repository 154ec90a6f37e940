package org.certmgr.adapters.tls;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.Arrays;

/**
 * An RFC 6962 v1 signed certificate timestamp and its binary TLS encoding (section 3.2):
 * {@code version(1) id(32) timestamp(8) extensions<0..2^16-1> digitally-signed}, where the
 * digitally-signed part is {@code hash(1) signature_algorithm(1) signature<0..2^16-1>}.
 */
record Sct(byte[] logId, long timestamp, byte[] extensions, int hashAlgorithm, int signatureAlgorithm,
           byte[] signature) {
    /** The TLS HashAlgorithm sha256. */
    static final int SHA256 = 4;
    /** The TLS SignatureAlgorithm rsa. */
    static final int RSA = 1;
    /** The TLS SignatureAlgorithm ecdsa. */
    static final int ECDSA = 3;

    /**
     * Builds an SCT from the fields of an {@code add-chain} answer.
     *
     * @param digitallySigned the {@code signature} field: the encoded digitally-signed struct
     */
    static Sct of(byte[] logId, long timestamp, byte[] extensions, byte[] digitallySigned) {
        ByteBuffer in = ByteBuffer.wrap(digitallySigned);
        try {
            int hash = in.get() & 0xff;
            int algorithm = in.get() & 0xff;
            byte[] signature = opaque16(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after the signature");
            }
            return new Sct(logId, timestamp, extensions, hash, algorithm, signature);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the signature is truncated", e);
        }
    }

    /** Parses the binary encoding of a v1 SCT. */
    static Sct parse(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            int version = in.get() & 0xff;
            if (version != 0) {
                throw new IllegalArgumentException("SCT version " + version + " is not v1");
            }
            byte[] id = new byte[32];
            in.get(id);
            long timestamp = in.getLong();
            byte[] extensions = opaque16(in);
            int hash = in.get() & 0xff;
            int algorithm = in.get() & 0xff;
            byte[] signature = opaque16(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after the SCT");
            }
            return new Sct(id, timestamp, extensions, hash, algorithm, signature);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the SCT is truncated", e);
        }
    }

    /** The binary TLS encoding, as {@code .sct} files hold it. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(logId);
        out.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        writeOpaque16(out, extensions);
        out.write(hashAlgorithm);
        out.write(signatureAlgorithm);
        writeOpaque16(out, signature);
        return out.toByteArray();
    }

    /**
     * The data the log signed for an {@code x509_entry} (RFC 6962 section 3.2):
     * version, signature_type certificate_timestamp, timestamp, entry type, the leaf, extensions.
     */
    byte[] signedData(byte[] leafDer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(8).putLong(timestamp).array());
        out.write(0);
        out.write(0);
        out.write(leafDer.length >>> 16);
        out.write(leafDer.length >>> 8);
        out.write(leafDer.length);
        out.writeBytes(leafDer);
        writeOpaque16(out, extensions);
        return out.toByteArray();
    }

    private static byte[] opaque16(ByteBuffer in) {
        byte[] value = new byte[in.getShort() & 0xffff];
        in.get(value);
        return value;
    }

    private static void writeOpaque16(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sct other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Sct[timestamp=" + timestamp + "]";
    }
}
