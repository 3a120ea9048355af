package dev.latchkey.platform.openapi;

import dev.latchkey.platform.problem.Problem;
import dev.latchkey.platform.security.Permission;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.IndexView;

import java.util.List;
import java.util.Map;

/**
 * Writes into every service's OpenAPI document what libs/platform answers on each {@code @Requires} operation: the
 * bearer scheme, 401 and 403, 400 where the operation reads a body or parameters, 404 where its path names something,
 * 429 with {@code Retry-After} (the caller's or its tenant's rate: {@code RateLimits}), and any other failure; every
 * error response of those operations (the ones resources declare too: 409, 412, ...) is an
 * {@code application/problem+json} {@link Problem}. Public pages ({@code @PermitAll}) describe their own answers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    static final String BEARER = "bearer";
    /** The scheme of the MCP server's operation: a toolkit token, which no OIDC issuer makes. */
    static final String TOOLKIT_TOKEN = "toolkitToken";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private final SecuredOperations secured;

    public OpenApiContract(IndexView index) {
        this.secured = new SecuredOperations(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().setSecuritySchemes(Map.of(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the platform's OIDC issuer with the audience latchkey, naming the tenant and roles"),
                TOOLKIT_TOKEN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("lkt_")
                .description("A toolkit token (lkt_...), issued by connected-apps-service's POST /api/v1/toolkits/{id}/tokens")));
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            secured.permission(method, path).ifPresent(permission ->
                    describe(operation, permission == Permission.CALL_TOOLKIT ? TOOLKIT_TOKEN : BEARER));
        }));
    }

    private static void describe(Operation operation, String scheme) {
        operation.security(List.of(OASFactory.createSecurityRequirement().addScheme(scheme)));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            addIfAbsent(responses, "400", "Invalid input: a validation problem naming the fields that are wrong");
        }
        addIfAbsent(responses, "401", "No valid bearer token");
        addIfAbsent(responses, "403", "The token names no tenant, or its roles lack the permission this needs");
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Nothing of that id in the caller's tenant");
        }
        addIfAbsent(responses, "429", "Too many requests from this caller or its tenant, per replica: try again after Retry-After");
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("Any other refusal (405, 406, 413, 414, 415) or failure (500)"));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (!code.startsWith("2") && !code.startsWith("3") && response.getContent() == null) {
                response.content(problemContent());
            }
        });
        if (responses.getDefaultValue().getContent() == null) {
            responses.getDefaultValue().content(problemContent());
        }
        APIResponse tooMany = responses.getAPIResponse("429");
        if (tooMany != null && tooMany.getHeaders() == null) {
            tooMany.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** {@link Problem} as RFC 9457 and docs/security.md describe it; the contract tests hold every answer to it. */
    private static Schema problemSchema() {
        Schema fieldError = object().addProperty("field", string(null)).addProperty("message", string(null));
        return object().description("An RFC 9457 problem detail")
                .addProperty("type", string("uri").description("Stable, under https://latchkey.dev/problems/"))
                .addProperty("title", string(null))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string(null))
                .addProperty("instance", string("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .addProperty("correlationId", string(null).description("For unexpected failures: where to look in the log"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string(String format) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING);
        return format == null ? schema : schema.format(format);
    }
}
