package dev.latchkey.probes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.platform.outbound.CappedBody;

/**
 * Azure Blob Storage over its REST API, authorized as the connection string says: Shared Key (the account key signs
 * the request) or a shared access signature. With a container, Get Container Properties proves it exists and may be
 * read; without, List Containers proves the account. The error code of the answer says what is wrong.
 */
final class AzureBlobProbe implements Probe {

    /** A service version every Blob service and Azurite since 2021 accepts. */
    static final String VERSION = "2021-08-06";
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final String NOT_AUTHENTICATED = "Server failed to authenticate the request";

    @Override
    public Set<String> drivers() {
        return Set.of("azure-blob");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        AzureConnectionString account = AzureConnectionString.parse(target.required("connectionString"));
        Optional<String> container = target.optional("container");
        String path = container.map(name -> "/" + name).orElse("/");
        String query = container.isPresent() ? "restype=container" : "comp=list&maxresults=1";
        URI url = url(account.blobEndpoint().replaceAll("/+$", "") + path + "?" + query
                + account.sharedAccessSignature().map(sas -> "&" + sas).orElse(""));
        HttpRequest.Builder request = HttpRequest.newBuilder(target.checked(url).connectUri()).timeout(target.timeout()).GET();
        SharedKey.sign(request, "GET", account, url);
        HttpResponse<String> answer = ProbeHttp.client(target).send(request.build(), CappedBody.ofString(ProbeHttp.MAX_ANSWER));
        if (answer.statusCode() == 200) {
            return container.map(name -> "read container " + name).orElse("listed the containers") + " of storage account "
                    + account.accountName();
        }
        throw failure(answer, container);
    }

    /** The request's URL; a malformed one is named without quoting it, since its query holds the signature. */
    private static URI url(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException malformed) {
            throw new ProbeFailure(FailureCategory.CONFIG, "the BlobEndpoint, container or SharedAccessSignature does not make a valid URL");
        }
    }

    /**
     * By the error code, except that a signature the service could not verify is a refused key whatever the code: the
     * Blob service says AuthenticationFailed, Azurite AuthorizationFailure, both with this message.
     */
    private static ProbeFailure failure(HttpResponse<String> answer, Optional<String> container) {
        Matcher code = ERROR_CODE.matcher(answer.body());
        String error = code.find() ? code.group(1) : answer.headers().firstValue("x-ms-error-code").orElse("HTTP " + answer.statusCode());
        if (answer.body().contains(NOT_AUTHENTICATED)) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the storage account refused the key or signature (" + error + ")");
        }
        return switch (error) {
            case "AuthenticationFailed", "InvalidAuthenticationInfo", "NoAuthenticationInformation" ->
                    new ProbeFailure(FailureCategory.AUTH_FAILED, "the storage account refused the key or signature (" + error + ")");
            case "AuthorizationFailure", "AuthorizationPermissionMismatch", "AuthorizationResourceTypeMismatch" ->
                    new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the key or signature may not "
                            + container.map(name -> "read container " + name).orElse("list containers") + " (" + error + ")");
            case "ContainerNotFound" -> new ProbeFailure(FailureCategory.CONFIG, "container " + container.orElse("") + " does not exist");
            default -> new ProbeFailure(FailureCategory.CONFIG, "the Blob service answered " + answer.statusCode() + " (" + error
                    + "); is this a Blob Storage endpoint?");
        };
    }
}
