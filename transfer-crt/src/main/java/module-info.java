/**
 * reactive-s3's transfer engine: {@link io.reactives3.transfer.S3TransferEngine}, its settings and progress, and the
 * result records in {@code io.reactives3.transfer.model}. Built on the client's exported SPI only.
 */
@SuppressWarnings("module") // the SDK and the CRT are automatic modules
module io.reactives3.transfer {
    exports io.reactives3.transfer;
    exports io.reactives3.transfer.model;

    requires transitive io.reactives3.core;
    requires org.slf4j;
    // the CRT's resume token hands multipart uploads the engine created to the CRT client (CrtFileBackend); the
    // jar has no module name of its own, and is optional as the CRT backend is
    requires static aws.crt;
}
