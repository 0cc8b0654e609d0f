package io.reactives3.transfer.model;

import io.reactives3.transfer.TransferBackend;
import java.nio.file.Path;

/**
 * A finished download to a file.
 *
 * @param bucket          bucket
 * @param key             key
 * @param destination     the file written
 * @param size            bytes written
 * @param eTag            the ETag every part was read with, quotes removed
 * @param versionId       the version read, or {@code null}
 * @param parts           ranged GETs used
 * @param backend         the machinery that moved the bytes
 * @param contentVerified whether the bytes were checked against a digest ({@link io.reactives3.transfer.IntegrityMode#MD5}
 *                        or {@code AUTO}, and an ETag that is one: a plain MD5, or a multipart ETag whose part
 *                        layout is known);
 *                        {@code false} when only lengths and ETag consistency could be checked
 */
public record DownloadResult(String bucket, String key, Path destination, long size, String eTag, String versionId,
                             int parts, TransferBackend backend, boolean contentVerified) {
}
