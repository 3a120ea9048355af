package dev.latchkey.connectedapps.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.form.FormField;
import dev.latchkey.connectedapps.service.ConnectSessions;
import dev.latchkey.connectedapps.service.ConnectSessions.ConnectSessionUsedException;
import dev.latchkey.connectedapps.service.ConnectSessions.Opened;
import dev.latchkey.connectedapps.service.ConnectSessions.Visit;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.problem.UpstreamException;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hosted connect page an end user opens from a connect link. Public: the link's token, random, single use
 * and short lived, is the credential, and only for the first visit: that swaps it for a secret in a {@code __Host-}
 * cookie and sends the browser on to a page without the token. The page, its form and the start of the OAuth2 flow
 * know the session by the cookie only; OAuth2 apps start the provider's flow, other schemes show their form.
 */
@Path("/connect")
@PermitAll
@TemplateData(target = FieldError.class)
@TemplateData(target = FormField.class)
@Produces(MediaType.TEXT_HTML)
public class ConnectPageResource {

    /** {@code __Host-}: set only over https, for this host only, for every path (RFC 6265bis §4.1.3.2). */
    static final String BROWSER_COOKIE = "__Host-latchkey-connect";

    private final ConnectSessions sessions;
    private final Template connect;

    public ConnectPageResource(ConnectSessions sessions, Template connect) {
        this.sessions = sessions;
        this.connect = connect;
    }

    /** The link's one visit: the browser gets the cookie and goes on to the page; the link opens nothing again. */
    @GET
    @Path("/{token}")
    @APIResponse(responseCode = "303", description = "On to the page, with the cookie that now stands for the link")
    @APIResponse(responseCode = "404", description = "The link cannot be used: unknown, opened before, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> visit(@PathParam("token") String token) {
        return sessions.visit(token).map(visit -> visit == null ? unusable()
                : Response.status(Response.Status.SEE_OTHER).header("Location", "/connect")
                        .header("Set-Cookie", cookie(visit))
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer").build());
    }

    @GET
    @APIResponse(responseCode = "200", description = "The form, or the button that starts the provider's flow",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No session in this browser's cookie: none, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> page(@CookieParam(BROWSER_COOKIE) String browser) {
        return sessions.open(browser).map(opened -> opened == null ? unusable()
                : render(200, opened, JsonNodeFactory.instance.objectNode(), List.of()));
    }

    /** The form of a key-based scheme (and the button of client credentials): makes the connection. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "303", description = "On to the return URL, or to the provider to authorize")
    @APIResponse(responseCode = "400", description = "The form again, naming the fields to correct",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No session in this browser's cookie: none, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "502", description = "The provider refused the connection",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> submit(@CookieParam(BROWSER_COOKIE) String browser, MultivaluedMap<String, String> form) {
        return sessions.open(browser).chain(opened -> {
            if (opened == null) {
                return Uni.createFrom().item(unusable());
            }
            ObjectNode credentials = FormField.values(opened.form().config(), form);
            credentials.setAll(FormField.values(opened.form().secrets(), form));
            return sessions.connect(browser, credentials)
                    .map(created -> OAuthCallbackResource.back(opened.session().returnUrl(), created.connection().id, null))
                    .onFailure(InvalidInputException.class).recoverWithItem(failure -> render(400, opened,
                            plainValues(credentials, opened), ((InvalidInputException) failure).errors()))
                    .onFailure(ConnectSessionUsedException.class).recoverWithItem(failure -> unusable())
                    .onFailure(UpstreamException.class).recoverWithItem(failure -> CallbackPage.failed(502,
                            "The provider refused the connection", failure.getMessage()));
        });
    }

    /** OAuth2: makes the PENDING connection, its state bound to this browser, and sends the user to the provider. */
    @POST
    @Path("/authorize")
    @APIResponse(responseCode = "303", description = "On to the return URL, or to the provider to authorize")
    @APIResponse(responseCode = "404", description = "No session in this browser's cookie: none, spent or expired",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Uni<Response> authorize(@CookieParam(BROWSER_COOKIE) String browser) {
        return sessions.connect(browser, JsonNodeFactory.instance.objectNode())
                .map(created -> Response.seeOther(URI.create(created.authorizationUrl())).build())
                .onFailure(ConnectSessionUsedException.class).recoverWithItem(failure -> unusable());
    }

    /** Lives as long as the session; {@code SameSite=Lax} still sends it on the provider's redirect to the callback. */
    private static String cookie(Visit visit) {
        long maxAge = Math.max(1, Duration.between(Instant.now(), visit.expiresAt()).toSeconds());
        return BROWSER_COOKIE + "=" + visit.browser() + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=" + maxAge;
    }

    private Response render(int status, Opened opened, ObjectNode submitted, List<FieldError> errors) {
        String html = connect.data("app", opened.appName())
                .data("oauth", opened.authType() == AuthType.OAUTH2)
                .data("fields", FormField.of(opened.form(), submitted))
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
