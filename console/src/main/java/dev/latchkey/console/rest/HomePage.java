package dev.latchkey.console.rest;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The first page a newcomer opens, and the page after signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Template signedOut;

    public HomePage(Template signedOut) {
        this.signedOut = signedOut;
    }

    @GET
    public Response home() {
        return Pages.seeOther("/auth-configs");
    }

    @GET
    @Path("/signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
