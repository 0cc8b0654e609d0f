package io.reactives3.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The S3 error response the proxy sends for a {@link io.reactives3.testkit.Fault.Action#RESPOND} fault: an XML error
 * document with {@code x-amz-request-id}, and {@code Connection: close}.
 *
 * @param bytes     the whole response, head and body
 * @param bodyBytes the body length (0 for HEAD requests, which get the head only)
 */
record ErrorResponse(byte[] bytes, int bodyBytes) {

    /** The {@code <Message>} of every injected error. */
    static final String MESSAGE = "injected by reactive-s3 testkit";

    /**
     * Renders the response to a request; HEAD requests get the head only, as HTTP requires.
     *
     * @param message the {@code <Message>}, or {@code null} for {@link #MESSAGE}
     * @param close   whether to announce {@code Connection: close}
     */
    static ErrorResponse render(int status, String code, String message, boolean headRequest, boolean close) {
        return render(status, code, message, headRequest, close, null);
    }

    /** As {@link #render(int, String, String, boolean, boolean)}, with a {@code Location} header unless null. */
    static ErrorResponse render(int status, String code, String message, boolean headRequest, boolean close,
                                String location) {
        String requestId = String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong());
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + escape(String.valueOf(code))
                + "</Code><Message>" + escape(message == null ? MESSAGE : message) + "</Message><RequestId>" + requestId + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\n"
                + "Content-Type: application/xml\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amz-request-id: " + requestId + "\r\n"
                + (location != null ? "Location: " + location + "\r\n" : "")
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        int bodyBytes = headRequest ? 0 : body.length;
        byte[] bytes = new byte[headBytes.length + bodyBytes];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(body, 0, bytes, headBytes.length, bodyBytes);
        return new ErrorResponse(bytes, bodyBytes);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Injected Error";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
