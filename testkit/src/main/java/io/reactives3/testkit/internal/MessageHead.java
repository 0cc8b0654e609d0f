package io.reactives3.testkit.internal;

import io.reactives3.testkit.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The start line and header fields of one HTTP/1.1 message, together with its bytes exactly as received so they can
 * be forwarded verbatim.
 */
final class MessageHead {

    /** The largest head accepted, start line and header fields included. */
    static final int MAX_SIZE = 64 * 1024;

    private static final Pattern SIGV4_SIGNATURE = Pattern.compile("\\bSignature=[0-9a-fA-F]+");

    private final String startLine;
    private final Map<String, String> fields;
    private final byte[] raw;

    private MessageHead(String startLine, Map<String, String> fields, byte[] raw) {
        this.startLine = startLine;
        this.fields = Collections.unmodifiableMap(fields);
        this.raw = raw;
    }

    /**
     * Reads a message head: a start line, header fields and the empty line that ends them. Empty lines before the
     * start line are tolerated (and forwarded).
     *
     * @return the head, or {@code null} when the stream ends before a message starts
     * @throws EOFException      when the stream ends inside the head
     * @throws ProtocolException when a header line is malformed or the head exceeds {@link #MAX_SIZE}
     */
    static MessageHead read(HttpInput in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
        String startLine = "";
        while (startLine.isEmpty()) {
            byte[] line = in.readLine(MAX_SIZE - raw.size());
            if (line == null) {
                return null;
            }
            raw.write(line);
            startLine = text(line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String previousName = null;
        while (true) {
            byte[] line = in.readLine(MAX_SIZE - raw.size());
            if (line == null) {
                throw new EOFException("connection closed inside a message head");
            }
            raw.write(line);
            String text = text(line);
            if (text.isEmpty()) {
                return new MessageHead(startLine, fields, raw.toByteArray());
            }
            boolean continuation = text.charAt(0) == ' ' || text.charAt(0) == '\t';
            if (continuation && previousName != null) {
                // obsolete line folding: the line continues the previous field's value
                fields.merge(previousName, text.trim(), (value, more) -> value + " " + more);
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header line: " + text);
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            fields.merge(name, text.substring(colon + 1).trim(), (value, more) -> value + "," + more);
            previousName = name;
        }
    }

    /** The start line without its line terminator: a request line or a status line. */
    String startLine() {
        return startLine;
    }

    /** The value of the field named {@code lowerCaseName}, repeated fields joined with {@code ","}; or null. */
    String field(String lowerCaseName) {
        return fields.get(lowerCaseName);
    }

    /** The head's bytes as received, start line through the empty line. */
    byte[] raw() {
        return raw;
    }

    /** Whether the comma-separated field {@code lowerCaseName} lists {@code token} (case-insensitively). */
    boolean hasToken(String lowerCaseName, String token) {
        String value = fields.get(lowerCaseName);
        if (value == null) {
            return false;
        }
        for (String element : value.split(",")) {
            if (element.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP version of a request line ({@code GET / HTTP/1.1}) or a status line ({@code HTTP/1.1 200 OK}). */
    String version() {
        String[] parts = startLine.split(" ");
        return parts[0].startsWith("HTTP/") ? parts[0] : parts[parts.length - 1];
    }

    /** Whether the connection ends after this message ({@code Connection: close}, or HTTP/1.0 without keep-alive). */
    boolean closesConnection() {
        if (hasToken("connection", "close")) {
            return true;
        }
        return version().equals("HTTP/1.0") && !hasToken("connection", "keep-alive");
    }

    /** Whether this request waits for {@code 100 Continue} before sending its body. */
    boolean expectsContinue() {
        return hasToken("expect", "100-continue");
    }

    /**
     * The status code of a status line.
     *
     * @throws ProtocolException when the start line is not a status line
     */
    int statusCode() throws ProtocolException {
        String[] parts = startLine.split(" ", 3);
        try {
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new NumberFormatException();
            }
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed status line: " + startLine);
        }
    }

    /**
     * This request head as the public {@link RequestHead}: method, raw path and query, header fields with the
     * signature in {@code authorization} redacted.
     *
     * @throws ProtocolException when the start line is not a request line
     */
    RequestHead toRequestHead() throws ProtocolException {
        String[] parts = startLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            throw new ProtocolException("malformed request line: " + startLine);
        }
        String target = originForm(parts[1]);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        Map<String, String> headers = new LinkedHashMap<>(fields);
        headers.computeIfPresent("authorization", (name, value) -> redactSignature(value));
        return new RequestHead(parts[0], path, query, headers);
    }

    /**
     * Replaces the signature of an {@code authorization} value: SigV4 {@code Signature=<hex>} becomes
     * {@code Signature=<redacted>}, SigV2 {@code AWS key:signature} becomes {@code AWS key:<redacted>}.
     */
    static String redactSignature(String authorization) {
        if (authorization.startsWith("AWS ") && authorization.indexOf(':') > 0) {
            return authorization.substring(0, authorization.lastIndexOf(':') + 1) + "<redacted>";
        }
        return SIGV4_SIGNATURE.matcher(authorization).replaceAll("Signature=<redacted>");
    }

    /** The path and query of a request target, also when a client sent the absolute form. */
    private static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (target.startsWith("/") || scheme < 0) {
            return target;
        }
        int pathStart = target.indexOf('/', scheme + 3);
        int queryStart = target.indexOf('?', scheme + 3);
        if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
            return "/" + (queryStart < 0 ? "" : target.substring(queryStart));
        }
        return target.substring(pathStart);
    }

    /** The line's text without its CR LF; bytes map one-to-one to chars (ISO-8859-1), as HTTP heads are bytes. */
    static String text(byte[] line) {
        int length = line.length;
        if (length > 0 && line[length - 1] == '\n') {
            length--;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
}
