package org.certmgr.adapters.tls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The plain-text part of a connection before STARTTLS. Reads byte by byte, so that nothing
 * after the server's go-ahead is consumed before the TLS handshake takes over the socket;
 * every read is bounded in size (and in time by the socket's timeout).
 */
final class PlainChannel {
    /** Longer than any line or XML fragment of a greeting we need. */
    static final int MAX_BYTES = 64 * 1024;
    private final InputStream in;
    private final OutputStream out;
    private int budget = MAX_BYTES;

    PlainChannel(Socket socket) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Reads one line, without its CR LF. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = next()) != '\n') {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Reads until the text read so far ends with one of the markers; returns all of it. */
    String readUntil(String... markers) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            text.write(next());
            String sofar = text.toString(StandardCharsets.UTF_8);
            for (String marker : markers) {
                if (sofar.endsWith(marker)) {
                    return sofar;
                }
            }
        }
    }

    /** Reads exactly {@code count} bytes. */
    byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) next();
        }
        return bytes;
    }

    /** Sends a line with CR LF. */
    void writeLine(String line) throws IOException {
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends text as is. */
    void writeText(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as is. */
    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private int next() throws IOException {
        if (budget-- <= 0) {
            throw new IOException("the server sent more than " + MAX_BYTES + " bytes before TLS");
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }
}
