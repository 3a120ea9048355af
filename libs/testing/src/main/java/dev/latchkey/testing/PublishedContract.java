package dev.latchkey.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every service's OpenAPI document must hold against the running service: the answers a test can provoke
 * without knowing the domain (401 without a token, 403 or success as a viewer, 404 for an unknown id, 400 for a body
 * that is no JSON, success for the lists) are declared for their operation, with the media type sent; and the
 * bad-input corpus ({@link MalformedRequests}) gets no 5xx and nothing but problems. A service's test extends this
 * class, adds {@code @QuarkusTest @WithPostgres @WithKafka @WithOidcServer}, and proves its own successes (201, 204)
 * with {@link #assertDeclared}.
 */
public abstract class PublishedContract {

    protected final String tenant = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** A token that may do everything in the test's fresh tenant: admin, credentials:read, connections:call and service. */
    protected String mayDoEverything() {
        return OidcTestServer.current().accessToken(tenant, "contract-admin", "admin", "credentials:read", "connections:call",
                "service");
    }

    @Test
    void everyOperationDeclaresItsAnswerWithoutAToken() {
        List<String> wrong = new ArrayList<>();
        for (ApiOperation operation : OpenApiDocument.published().operations()) {
            if (operation.isPage()) {
                continue;
            }
            HttpAnswer answer = call(operation, null).send();
            if (operation.secured() && answer.status() != 401) {
                wrong.add(operation + " answered " + answer + " without a token; it declares a bearer scheme");
            }
            check(operation, answer, wrong);
        }
        assertNothingWrong(wrong);
    }

    @Test
    void everyOperationDeclaresHowItSucceeds() {
        List<String> wrong = OpenApiDocument.published().operations().stream()
                .filter(operation -> operation.declared(200).isEmpty() && operation.declared(201).isEmpty()
                        && operation.declared(204).isEmpty() && operation.declared(303).isEmpty())
                .map(operation -> operation + " declares no success (200, 201, 204 or 303)").toList();
        assertNothingWrong(wrong);
    }

    @Test
    void everyOperationDeclaresItsAnswerToAViewer() {
        String viewer = OidcTestServer.current().accessToken(tenant, "contract-viewer", "viewer");
        List<String> wrong = new ArrayList<>();
        secured().forEach(operation -> check(operation, call(operation, viewer).send(), wrong));
        assertNothingWrong(wrong);
    }

    @Test
    void everyOperationDeclaresNotFoundForAnUnknownId() {
        List<String> wrong = new ArrayList<>();
        secured().stream().filter(operation -> !operation.parameters("path").isEmpty())
                .forEach(operation -> check(operation, call(operation, mayDoEverything()).send(), wrong));
        assertNothingWrong(wrong);
    }

    @Test
    void everyOperationDeclaresInvalidInputForABodyThatIsNoJson() {
        List<String> wrong = new ArrayList<>();
        for (ApiOperation operation : secured()) {
            if (operation.takesJson()) {
                HttpAnswer answer = call(operation, mayDoEverything()).withBody("application/json", "{".getBytes()).send();
                if (answer.status() != 400) {
                    wrong.add(operation + " answered " + answer + " to the body '{'");
                }
                check(operation, answer, wrong);
            }
        }
        assertNothingWrong(wrong);
    }

    @Test
    void everyListDeclaresItsSuccess() {
        List<String> wrong = new ArrayList<>();
        secured().stream().filter(operation -> operation.method().equals("GET") && operation.parameters("path").isEmpty())
                .forEach(operation -> {
                    HttpAnswer answer = call(operation, mayDoEverything()).send();
                    if (answer.status() / 100 != 2) {
                        wrong.add(operation + " answered " + answer + " to a caller who may do everything");
                    }
                    check(operation, answer, wrong);
                });
        assertNothingWrong(wrong);
    }

    @Test
    void malformedRequestsAreProblemsNeverServerErrors() {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (ApiOperation operation : OpenApiDocument.published().operations()) {
            for (ApiCall call : new MalformedRequests(operation, tenant, mayDoEverything()).all()) {
                HttpAnswer answer = call.send();
                sent++;
                if (answer.status() >= 500 || answer.status() == 0) {
                    wrong.add(call + " → " + answer);
                } else if (answer.status() >= 400 && !(operation.isPage() && answer.mediaType().equals("text/html"))) {
                    answer.notAProblem().ifPresent(why -> wrong.add(call + " → " + answer + ": " + why));
                }
            }
        }
        assertTrue(sent > 0, "the corpus sent nothing: the document lists no operation");
        assertNothingWrong(wrong);
    }

    /**
     * Fails unless the document declares {@code answer}'s status for the operation {@code method path}, with the media
     * type it came with (or no content, for an answer without a body); a problem must also be one.
     */
    protected static void assertDeclared(String method, String path, HttpAnswer answer) {
        List<String> wrong = new ArrayList<>();
        check(OpenApiDocument.published().operation(method, path), answer, wrong);
        assertNothingWrong(wrong);
    }

    private static void check(ApiOperation operation, HttpAnswer answer, List<String> wrong) {
        Set<String> declared = operation.declared(answer.status()).orElse(null);
        if (declared == null) {
            wrong.add(operation + " answered " + answer.status() + ", which its document does not declare (" + answer + ")");
        } else if (answer.mediaType().isEmpty() ? !declared.isEmpty() : !declared.contains(answer.mediaType())) {
            wrong.add(operation + " answered " + answer.status() + " as '" + answer.mediaType() + "', declared as " + declared);
        }
        if (answer.status() >= 400 && !operation.isPage()) {
            answer.notAProblem().ifPresent(why -> wrong.add(operation + " answered " + answer + ", which " + why));
        }
    }

    private List<ApiOperation> secured() {
        List<ApiOperation> operations = OpenApiDocument.published().operations().stream().filter(ApiOperation::takesIssuersTokens)
                .toList();
        if (operations.isEmpty()) {
            fail("the document declares no operation that takes a bearer token");
        }
        return operations;
    }

    /** The operation with ids no one has (the test's tenant where the path names one), and an empty JSON body if it takes one. */
    private ApiCall call(ApiOperation operation, String token) {
        String path = operation.path(name -> name.equals("tenant") ? tenant : UUID.randomUUID().toString());
        return ApiCall.json(operation.method(), path, token, operation.takesBody() ? "{}" : null);
    }

    private static void assertNothingWrong(List<String> wrong) {
        assertEquals(List.of(), wrong, wrong.size() + " answers break the published contract:\n" + String.join("\n", wrong));
    }
}
