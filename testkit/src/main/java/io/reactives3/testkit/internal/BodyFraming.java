package io.reactives3.testkit.internal;

import java.net.ProtocolException;

/**
 * How the body of one HTTP/1.1 message is delimited (RFC 9112, section 6).
 *
 * @param kind   the delimiting rule
 * @param length the body length for {@link Kind#FIXED}, otherwise 0
 */
record BodyFraming(Kind kind, long length) {

    /** The ways a message body can be delimited. */
    enum Kind {
        /** There is no body. */
        NONE,
        /** {@code Content-Length} bytes follow the head. */
        FIXED,
        /** {@code Transfer-Encoding: chunked}: chunks, a last chunk, trailer fields and an empty line. */
        CHUNKED,
        /** The body ends when the sender closes the connection (responses only). */
        UNTIL_CLOSE
    }

    static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);
    static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, 0);
    static final BodyFraming UNTIL_CLOSE = new BodyFraming(Kind.UNTIL_CLOSE, 0);

    /**
     * The framing of a request body: chunked, {@code Content-Length}, or none.
     *
     * @throws ProtocolException when the length is malformed or the transfer coding is not chunked
     */
    static BodyFraming ofRequest(MessageHead head) throws ProtocolException {
        String transferEncoding = head.field("transfer-encoding");
        if (transferEncoding != null) {
            if (endsWithChunked(transferEncoding)) {
                return CHUNKED;
            }
            throw new ProtocolException("request transfer-encoding is not chunked: " + transferEncoding);
        }
        String contentLength = head.field("content-length");
        return contentLength == null ? NONE : new BodyFraming(Kind.FIXED, parseLength(contentLength));
    }

    /**
     * The framing of a response body, which also depends on the request method and the status.
     *
     * @throws ProtocolException when the length is malformed
     */
    static BodyFraming ofResponse(MessageHead head, int status, boolean answersHeadRequest) throws ProtocolException {
        if (answersHeadRequest || status / 100 == 1 || status == 204 || status == 304) {
            return NONE;
        }
        String transferEncoding = head.field("transfer-encoding");
        if (transferEncoding != null) {
            return endsWithChunked(transferEncoding) ? CHUNKED : UNTIL_CLOSE;
        }
        String contentLength = head.field("content-length");
        return contentLength == null ? UNTIL_CLOSE : new BodyFraming(Kind.FIXED, parseLength(contentLength));
    }

    private static boolean endsWithChunked(String transferEncoding) {
        String[] codings = transferEncoding.split(",");
        return codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
    }

    /** Parses a {@code Content-Length}; repeated fields (joined with commas) must all agree. */
    private static long parseLength(String contentLength) throws ProtocolException {
        long length = -1;
        for (String value : contentLength.split(",")) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed content-length: " + contentLength);
            }
            if (parsed < 0 || (length >= 0 && parsed != length)) {
                throw new ProtocolException("malformed content-length: " + contentLength);
            }
            length = parsed;
        }
        return length;
    }
}
