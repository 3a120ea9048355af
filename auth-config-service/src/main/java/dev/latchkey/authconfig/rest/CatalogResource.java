package dev.latchkey.authconfig.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.latchkey.authconfig.domain.AuthConfigCategory;
import dev.latchkey.authconfig.domain.CustomType;
import dev.latchkey.authconfig.service.AuthConfigKinds;
import dev.latchkey.authconfig.service.CustomForms;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.CatalogEntry;
import dev.latchkey.catalog.Category;
import dev.latchkey.catalog.auth.AuthOption;
import dev.latchkey.catalog.auth.AuthType;
import dev.latchkey.catalog.auth.OAuth2;
import dev.latchkey.catalog.auth.OAuth2ClientCredentials;
import dev.latchkey.catalog.form.CredentialForm;
import dev.latchkey.catalog.form.CredentialForms;
import dev.latchkey.oauth.platform.PlatformApp;
import dev.latchkey.oauth.platform.PlatformApps;
import dev.latchkey.platform.paging.Page;
import dev.latchkey.platform.paging.PageRequest;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import dev.latchkey.platform.security.Permission;
import dev.latchkey.platform.security.Requires;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The App Gallery: every provider and connector an auth config can be made from. */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final Catalog catalog;
    private final AuthConfigMapper mapper;
    private final AuthConfigKinds kinds;
    private final PlatformApps platformApps;

    public CatalogResource(Catalog catalog, AuthConfigMapper mapper, AuthConfigKinds kinds, PlatformApps platformApps) {
        this.catalog = catalog;
        this.mapper = mapper;
        this.kinds = kinds;
        this.platformApps = platformApps;
    }

    @GET
    @Requires(Permission.VIEW)
    @Operation(summary = "Browse the catalog by category, auth type and free text")
    public Page<CatalogViews.Summary> list(@QueryParam("category") String category, @QueryParam("authType") String authType,
            @QueryParam("q") String text, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        Stream<CatalogEntry> entries = (text == null || text.isBlank() ? catalog.all() : catalog.search(text)).stream();
        if (category != null) {
            try {
                Category wanted = Category.of(category);
                entries = entries.filter(entry -> entry.category() == wanted);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("category", "is not a catalog category"));
            }
        }
        if (authType != null) {
            try {
                AuthType wanted = AuthType.of(authType);
                entries = entries.filter(entry -> entry.offers(wanted));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("authType", "is not an auth type"));
            }
        }
        PageRequest<Integer> paging = PageRequest.read(limit, cursor, CatalogResource::offset, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
        // The catalog does not change while the service runs, so an offset into the matching entries is a stable position.
        int offset = paging.after().orElse(0);
        List<CatalogEntry> rows = entries.skip(offset).limit(paging.fetchSize()).toList();
        return paging.page(rows, last -> String.valueOf(offset + paging.limit()), CatalogResource::summary);
    }

    @GET
    @Path("/custom")
    @Requires(Permission.VIEW)
    @Operation(summary = "The custom schemes: the form each one fills in, and the redirect URI for custom OAuth2")
    public CatalogViews.Custom custom() {
        List<CatalogViews.Option> options = Arrays.stream(CustomType.values())
                .map(type -> {
                    CredentialForm form = CustomForms.of(type);
                    return new CatalogViews.Option(type.id(), type.label(), null, Map.of(), List.of(), null, form.config(),
                            form.secrets(), false);
                }).toList();
        return new CatalogViews.Custom(options, mapper.redirectUri(AuthType.OAUTH2.id()));
    }

    @GET
    @Path("/{key}")
    @Requires(Permission.VIEW)
    @Operation(summary = "One entry: its auth options, the forms an auth config fills in, scopes, the redirect URI;"
            + " first, where the operator has one, OAuth2 with the platform's app")
    public CatalogViews.Detail get(String key) {
        CatalogEntry entry = catalog.find(key).orElseThrow(NotFoundException::new);
        List<CatalogViews.Option> options = new ArrayList<>();
        if (platformApps.find(key).isPresent()) {
            options.add(platformAppOption(entry));
        }
        entry.auth().stream().map(CatalogResource::option).forEach(options::add);
        return new CatalogViews.Detail(entry.key(), entry.name(), entry.category(), entry.description(), entry.docsUrl(),
                options, mapper.redirectUri(entry.offers(AuthType.OAUTH2) ? AuthType.OAUTH2.id() : null));
    }

    @GET
    @Path("/{key}/actions")
    @Requires(Permission.VIEW)
    @Operation(summary = "The catalog actions of one entry: what a toolkit can offer of its connections as tools")
    public List<CatalogViews.ActionSummary> actions(String key) {
        catalog.find(key).orElseThrow(NotFoundException::new);
        return catalog.actions(key).stream().map(action -> new CatalogViews.ActionSummary(action.name(), action.title(),
                action.description(), action.hints().readOnly(), action.hints().destructive())).toList();
    }

    private static CatalogViews.Summary summary(CatalogEntry entry) {
        return new CatalogViews.Summary(entry.key(), entry.name(), entry.category(), entry.description(),
                entry.auth().stream().map(option -> option.type().id()).distinct().toList(), entry.docsUrl());
    }

    private CatalogViews.Option platformAppOption(CatalogEntry entry) {
        OAuth2 oauth = (OAuth2) entry.option(AuthType.OAUTH2).orElseThrow();
        CredentialForm form = kinds.resolve(AuthConfigCategory.OAUTH2_PROVIDER, entry.key(), AuthType.OAUTH2.id(),
                JsonNodeFactory.instance.objectNode().put(PlatformApp.FIELD, true)).form();
        return new CatalogViews.Option(AuthType.OAUTH2.id(), entry.name() + " OAuth2 with the platform's app", oauth.helpUrl(),
                oauth.scopes(), oauth.defaultScopes(), null, form.config(), form.secrets(), true);
    }

    private static CatalogViews.Option option(AuthOption option) {
        CredentialForm form = CredentialForms.of(option);
        Map<String, String> scopes = Map.of();
        List<String> defaults = List.of();
        if (option instanceof OAuth2 oauth) {
            scopes = oauth.scopes();
            defaults = oauth.defaultScopes();
        } else if (option instanceof OAuth2ClientCredentials client) {
            scopes = client.scopes();
            defaults = client.defaultScopes();
        }
        return new CatalogViews.Option(option.type().id(), option.label(), option.helpUrl(), scopes, defaults,
                option.connectionParameters().schema(), form.config(), form.secrets(), false);
    }

    private static int offset(String text) {
        int offset = Integer.parseInt(text);
        if (offset < 0) {
            throw new IllegalArgumentException("a negative offset");
        }
        return offset;
    }
}
