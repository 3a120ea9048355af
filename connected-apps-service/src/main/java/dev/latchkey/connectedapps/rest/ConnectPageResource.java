package dev.latchkey.connectedapps.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.connectedapps.service.ConnectSessions;
import dev.latchkey.connectedapps.service.ConnectSessions.ConnectSessionUsedException;
import dev.latchkey.connectedapps.service.ConnectSessions.Opened;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.problem.UpstreamException;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosted connect page an end user opens from a connect link. Public: the link's token, random, single use
 * and short lived, is the credential. OAuth2 apps start the provider's flow; other schemes show their form.
 */
@Path("/connect/{token}")
@PermitAll
@TemplateData(target = FieldError.class)
@Produces(MediaType.TEXT_HTML)
public class ConnectPageResource {

    private final ConnectSessions sessions;
    private final Template connect;

    public ConnectPageResource(ConnectSessions sessions, Template connect) {
        this.sessions = sessions;
        this.connect = connect;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The form, or the button that starts the provider's flow",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "The link cannot be used: unknown, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> page(@PathParam("token") String token) {
        return sessions.open(token).map(opened -> opened == null ? unusable()
                : render(200, token, opened, JsonNodeFactory.instance.objectNode(), List.of()));
    }

    /** The form of a key-based scheme (and the button of client credentials): makes the connection. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "303", description = "On to the return URL, or to the provider to authorize")
    @APIResponse(responseCode = "400", description = "The form again, naming the fields to correct",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "The link cannot be used: unknown, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "502", description = "The provider refused the connection",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> submit(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        return sessions.open(token).chain(opened -> {
            if (opened == null) {
                return Uni.createFrom().item(unusable());
            }
            Map<String, String> values = new HashMap<>();
            form.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
            ObjectNode credentials = ConnectFormField.credentials(opened.form(), values);
            return sessions.connect(token, credentials)
                    .map(created -> OAuthCallbackResource.back(opened.session().returnUrl(), created.connection().id, null))
                    .onFailure(InvalidInputException.class).recoverWithItem(failure -> render(400, token, opened,
                            plainValues(credentials, opened), ((InvalidInputException) failure).errors()))
                    .onFailure(ConnectSessionUsedException.class).recoverWithItem(failure -> unusable())
                    .onFailure(UpstreamException.class).recoverWithItem(failure -> CallbackPage.failed(502,
                            "The provider refused the connection", failure.getMessage()));
        });
    }

    /** OAuth2: makes the PENDING connection and sends the user to the provider. */
    @POST
    @Path("/authorize")
    @APIResponse(responseCode = "303", description = "On to the return URL, or to the provider to authorize")
    @APIResponse(responseCode = "404", description = "The link cannot be used: unknown, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> authorize(@PathParam("token") String token) {
        return sessions.connect(token, JsonNodeFactory.instance.objectNode())
                .map(created -> Response.seeOther(URI.create(created.authorizationUrl())).build())
                .onFailure(ConnectSessionUsedException.class).recoverWithItem(failure -> unusable());
    }

    private Response render(int status, String token, Opened opened, ObjectNode submitted, List<FieldError> errors) {
        String html = connect.data("token", token)
                .data("app", opened.appName())
                .data("oauth", opened.authType() == AuthType.OAUTH2)
                .data("fields", ConnectFormField.of(opened.form(), submitted))
                .data("errors", errors)
                .render();
        return CallbackPage.secured(Response.status(status).entity(html)).build();
    }

    /** The plain values typed, to fill the form again; secret ones are never sent back. */
    private static ObjectNode plainValues(ObjectNode credentials, Opened opened) {
        ObjectNode plain = credentials.deepCopy();
        opened.form().secretNames().forEach(plain::remove);
        return plain;
    }

    private static Response unusable() {
        return CallbackPage.failed(404, "This link cannot be used", new ConnectSessionUsedException().getMessage());
    }
}
