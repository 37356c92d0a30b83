package org.trackwell.backup.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.S3Location;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A backup store in an S3 bucket, for copies off the site. A file is uploaded as it is written, in
 * parts of {@value #PART} bytes (a multipart upload), and becomes visible under its name only when
 * the upload completes at close; a failed upload is aborted. Small files go up in one request.
 */
final class S3Store implements BackupStore {

    /** Above S3's 5 MiB minimum part; 10,000 parts make files of up to 80 GiB. */
    static final int PART = 8 * 1024 * 1024;

    private final S3Client s3;
    private final S3Location location;

    S3Store(S3Location location) {
        this.location = location;
        this.s3 = client(location);
    }

    private static S3Client client(S3Location location) {
        // The SDK waits forever by default: a store that stops answering must fail the run instead,
        // so that the failure shows in health and reaches the operators. A part is at most 8 MiB.
        S3ClientBuilder builder = S3Client.builder()
                .forcePathStyle(location.pathStyle())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofMinutes(2))
                        .apiCallTimeout(Duration.ofMinutes(10))
                        .build());
        if (location.endpoint() != null) {
            builder.endpointOverride(location.endpoint());
        }
        if (location.region() != null) {
            builder.region(Region.of(location.region()));
        }
        if (location.accessKeyId() != null && location.secretAccessKey() != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(location.accessKeyId(), location.secretAccessKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Override
    public OutputStream create(String name) {
        return new Upload(key(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(location.bucket()).key(key(name)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(name + " in " + describe());
        } catch (SdkException e) {
            throw new IOException("cannot read " + name + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String name) {
        try {
            s3.headObject(request -> request.bucket(location.bucket()).key(key(name)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        try {
            return s3
                    .listObjectsV2Paginator(
                            request -> request.bucket(location.bucket()).prefix(key(prefix)))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .map(key -> key.substring(location.prefix().length()))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw new IOException("cannot list " + prefix + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String name) throws IOException {
        try {
            return s3.headObject(request -> request.bucket(location.bucket()).key(key(name)))
                    .contentLength();
        } catch (SdkException e) {
            throw new IOException("cannot read " + name + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(key(name)));
        } catch (SdkException e) {
            throw new IOException("cannot delete " + name + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return location.describe();
    }

    private String key(String name) {
        if (name.startsWith("/") || name.contains("..")) {
            throw new IllegalArgumentException("not a backup file name: " + name);
        }
        return location.prefix() + name;
    }

    /** One file on its way up: buffered a part at a time, completed at close. */
    private final class Upload extends OutputStream {

        private final String key;
        private final ByteArrayOutputStream part = new ByteArrayOutputStream(64 * 1024);
        private final List<CompletedPart> parts = new ArrayList<>();
        private @Nullable String uploadId;
        private boolean closed;

        Upload(String key) {
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int taken = Math.min(length, PART - part.size());
                part.write(bytes, offset, taken);
                offset += taken;
                length -= taken;
                if (part.size() == PART) {
                    sendPart();
                }
            }
        }

        private void sendPart() throws IOException {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(
                                    request -> request.bucket(location.bucket()).key(key))
                            .uploadId();
                }
                int number = parts.size() + 1;
                String etag = s3.uploadPart(
                                request -> request.bucket(location.bucket())
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number),
                                RequestBody.fromBytes(part.toByteArray()))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part.reset();
            } catch (SdkException e) {
                abort();
                throw new IOException("cannot upload " + key + " to " + describe() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (uploadId == null) {
                    s3.putObject(
                            request -> request.bucket(location.bucket()).key(key),
                            RequestBody.fromBytes(part.toByteArray()));
                    return;
                }
                if (part.size() > 0) {
                    sendPart();
                }
                s3.completeMultipartUpload(request -> request.bucket(location.bucket())
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(parts)));
            } catch (SdkException e) {
                abort();
                throw new IOException("cannot upload " + key + " to " + describe() + ": " + e.getMessage(), e);
            }
        }

        private void abort() {
            if (uploadId == null) {
                return;
            }
            try {
                s3.abortMultipartUpload(
                        request -> request.bucket(location.bucket()).key(key).uploadId(uploadId));
            } catch (SdkException ignored) {
                // the store's lifecycle rules remove abandoned parts; the file itself never appeared
            }
        }
    }
}
