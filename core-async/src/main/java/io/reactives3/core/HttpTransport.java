package io.reactives3.core;

/** The HTTP client under the SDK's async S3 client. */
public enum HttpTransport {
    /** The SDK's Netty client (default): pure Java, honours backpressure on response bodies. */
    NETTY,
    /** The AWS Common Runtime HTTP client (native code in the aws-crt jar): lower CPU per byte on large bodies. */
    CRT
}
