/**
 * The resource API: boto3's {@code boto3.resource('s3')} in reactive Java. Start at {@link
 * io.reactives3.resource.ReactiveS3}.
 *
 * <h2>The seed's rows</h2>
 * <pre>{@code
 * ReactiveS3 s3 = ReactiveS3.create(client);                                  // construction (owns an engine)
 * s3.buckets().all()                                                          // Flux<Bucket>
 * s3.createBucket("photos"); s3.bucket("photos").delete();                    // Mono<Bucket>, Mono<Void>
 * Bucket bucket = s3.bucket("photos");
 * bucket.objects().all(); bucket.objects().filter(prefix("2024/")).all();     // Flux<ObjectSummary>, on demand
 * bucket.objects().filter(prefix("x/")).limit(100).pageSize(50).pages();      // Flux<Page<ObjectSummary>>
 * bucket.uploadFile(path, "a.jpg"); bucket.putObject("a.txt", "hi");          // Transfer<UploadResult>, Mono
 * bucket.downloadFile("a.jpg", path); s3.object("photos", "a.txt").get();     // Transfer<DownloadResult>, Mono
 * s3.object("dest", "new").copyFrom(CopySource.of("photos", "a.txt"));        // Mono<CopyObjectResult>
 * s3.bucket("dest").copy(CopySource.of("photos", "a.txt"), "new");            // Transfer<CopyResult>
 * s3.object("photos", "a.txt").delete(); bucket.objects().delete();           // Mono, Transfer<BatchDeleteResult>
 * s3.object("photos", "a.txt").metadata(); s3.object("photos", "a.txt").reload();  // lazy head, refresh
 * s3.objectAcl("photos", "a.txt").put(CannedAcl.PUBLIC_READ);
 * s3.bucketVersioning("photos").enable(); ... .status(); bucket.objectVersions().all();
 * s3.bucketTagging("photos").tagSet(); s3.bucketTagging("photos").put(Map.of("team", "web"));
 * s3.bucketLifecycleConfiguration("photos").put(rules); s3.bucketPolicy("photos").put(json); s3.bucketCors("photos");
 * s3.object("photos", "a.txt").presignedGet(Duration.ofMinutes(10)); bucket.presignedPost(policy);
 * bucket.waitUntilExists(); s3.object("photos", "a.txt").waitUntilNotExists();
 * bucket.multipartUploads().filter(initiatedBefore(yesterday)).abort();       // the orphan janitor
 * }</pre>
 *
 * <p>Records come from {@code io.reactives3.core.model} (client results), {@code io.reactives3.transfer.model}
 * (transfer results) and {@link io.reactives3.resource.model} (pages, janitor results).
 */
@NullMarked
package io.reactives3.resource;

import org.jspecify.annotations.NullMarked;
