package dev.latchkey.console.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gives the sign-in's cookies (quarkus-oidc's {@code q_session}, {@code q_auth_<state>}, …) the {@code __Host-} prefix,
 * which quarkus-oidc has no setting for. A browser keeps a {@code __Host-} cookie only when it is {@code Secure}, has
 * {@code Path=/} and no {@code Domain}, so no other host (a sibling subdomain, a plain-HTTP page) can set or shadow the
 * console's session. Each request's {@code __Host-q_*} cookies reach quarkus-oidc under their own names and unprefixed
 * {@code q_*} ones never do; each {@code q_*} cookie an answer sets leaves under the prefix.
 */
@ApplicationScoped
public class HostPrefixedCookies {

    static final String PREFIX = "__Host-";
    private static final String SIGN_IN = "q_";
    /** Ahead of every other filter, the authentication's among them, which reads the cookies. */
    private static final int BEFORE_AUTHENTICATION = 10_000;

    void install(@Observes Filters filters) {
        filters.register(this::handle, BEFORE_AUTHENTICATION);
    }

    private void handle(RoutingContext context) {
        String cookies = context.request().getHeader(HttpHeaders.COOKIE);
        if (cookies != null) {
            context.request().headers().set(HttpHeaders.COOKIE, unprefixed(cookies));
        }
        context.addHeadersEndHandler(ignored -> prefix(context));
        context.next();
    }

    /** The Cookie header as quarkus-oidc is to read it: prefixed sign-in cookies renamed, unprefixed ones left out. */
    static String unprefixed(String header) {
        List<String> kept = new ArrayList<>();
        for (String pair : header.split(";")) {
            String cookie = pair.strip();
            if (cookie.startsWith(PREFIX + SIGN_IN)) {
                kept.add(cookie.substring(PREFIX.length()));
            } else if (!cookie.startsWith(SIGN_IN) && !cookie.isEmpty()) {
                kept.add(cookie);
            }
        }
        return String.join("; ", kept);
    }

    /** Renames the sign-in cookies this answer sets, just before its headers are written. */
    private static void prefix(RoutingContext context) {
        HttpServerResponse response = context.response();
        List<Cookie> changed = context.request().cookies().stream()
                .filter(cookie -> cookie.getName().startsWith(SIGN_IN) && ((ServerCookie) cookie).isChanged())
                .collect(Collectors.toList());
        for (Cookie cookie : changed) {
            response.removeCookie(cookie.getName(), false);
            response.addCookie(Cookie.cookie(PREFIX + cookie.getName(), cookie.getValue())
                    .setPath("/")
                    .setSecure(true)
                    .setHttpOnly(cookie.isHttpOnly())
                    .setSameSite(cookie.getSameSite())
                    .setMaxAge(cookie.getMaxAge()));
        }
    }
}
