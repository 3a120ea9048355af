package dev.latchkey.probes;

import dev.latchkey.platform.outbound.OutboundTarget;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.util.Set;

/**
 * Amazon S3 and S3-compatible stores (MinIO) with the AWS SDK for Java 2: lists at most one object of the
 * bucket, which proves the key, the signature, the region and read access to the bucket.
 */
final class S3Probe implements Probe {

    @Override
    public Set<String> drivers() {
        return Set.of("s3", "minio");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        String bucket = target.required("bucket");
        String region = target.optional("region").orElse("us-east-1");
        boolean pathStyle = target.flag("pathStyleAccess", target.driver().equals("minio"));
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(StaticCredentialsProvider.create(credentials(target)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(target.timeout())
                        .socketTimeout(target.timeout())
                        .tlsTrustManagersProvider(() -> TrustedCertificates.trustManagers(target.optional("caCertificate"))))
                .overrideConfiguration(override -> override
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(target.timeout())
                        .apiCallAttemptTimeout(target.timeout()));
        if (target.optional("endpoint").isPresent()) {
            builder.endpointOverride(endpoint(target, bucket, pathStyle));
        } else {
            // AWS itself: the SDK builds the regional host name; the guard checks it all the same.
            target.checkedAddress((pathStyle ? "" : bucket + ".") + "s3." + region + ".amazonaws.com");
        }
        try (S3Client s3 = builder.build()) {
            int objects = s3.listObjectsV2(request -> request.bucket(bucket).maxKeys(1)).keyCount();
            return "listed bucket " + bucket + " in " + region + (objects == 0 ? " (empty)" : "");
        } catch (S3Exception e) {
            throw classified(e, bucket, region);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new ProbeFailure(FailureCategory.TIMEOUT, "the store did not answer in time");
        } catch (SdkClientException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Plain http with path-style goes to the checked address. https keeps the name for the certificate check,
     * and virtual-hosted style keeps it because the SDK puts the bucket in front of it; the guard checks that
     * name (bucket.host) too.
     */
    private static URI endpoint(ProbeTarget target, String bucket, boolean pathStyle) {
        OutboundTarget checked = target.checkedUrl("endpoint");
        URI uri = checked.uri();
        if (!pathStyle) {
            target.checkedAddress(bucket + "." + uri.getHost());
            return uri;
        }
        if (uri.getScheme().equalsIgnoreCase("https")) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://" + ProbeTarget.inUrl(checked.address().getHostAddress())
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    private static AwsCredentials credentials(ProbeTarget target) {
        String keyId = target.required("accessKeyId");
        String secret = target.required("secretAccessKey");
        return target.optional("sessionToken")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
    }

    private static Exception classified(S3Exception e, String bucket, String region) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
        return switch (code) {
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "InvalidSecurity" ->
                    new ProbeFailure(FailureCategory.AUTH_FAILED, "the store refused the access key (" + code + ")");
            case "AccessDenied", "AllAccessDisabled" ->
                    new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the key may not list bucket " + bucket);
            case "NoSuchBucket" -> new ProbeFailure(FailureCategory.CONFIG, "bucket " + bucket + " does not exist");
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    new ProbeFailure(FailureCategory.CONFIG, "bucket " + bucket + " is not in region " + region);
            default -> switch (e.statusCode()) {
                case 401 -> new ProbeFailure(FailureCategory.AUTH_FAILED, "the store refused the access key");
                case 403 -> new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the key may not list bucket " + bucket);
                case 404 -> new ProbeFailure(FailureCategory.CONFIG, "bucket " + bucket + " does not exist");
                default -> new ProbeFailure(FailureCategory.CONFIG, "the store answered HTTP " + e.statusCode() + " " + code);
            };
        };
    }
}
