package dev.latchkey.console.rest;

import dev.latchkey.console.client.AuthConfigsApi;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The App Gallery: the catalog as cards, searched and filtered; each card connects or makes an auth config. */
@Path("/gallery")
@Produces(MediaType.TEXT_HTML)
public class GalleryPage {

    private final AuthConfigsApi api;
    private final Template gallery;

    public GalleryPage(@RestClient AuthConfigsApi api, Template gallery) {
        this.api = api;
        this.gallery = gallery;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String text, @QueryParam("category") String category,
            @QueryParam("authType") String authType, @QueryParam("cursor") String cursor) {
        return gallery.data("page", api.catalog(Pages.blankToNull(text), Pages.blankToNull(category),
                        Pages.blankToNull(authType), Pages.blankToNull(cursor), 48))
                .data("q", text).data("category", category).data("authType", authType);
    }
}
