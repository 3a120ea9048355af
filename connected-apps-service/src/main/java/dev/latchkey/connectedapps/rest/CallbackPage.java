package dev.latchkey.connectedapps.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The small page a user lands on after authorizing; every text is escaped. */
final class CallbackPage {

    private CallbackPage() {
    }

    static Response connected(String name, UUID connectionId) {
        return page(200, "Connected", "\u201c" + name + "\u201d is connected. You can close this window.",
                "connection " + connectionId);
    }

    static Response failed(int status, String title, String explanation) {
        return page(status, title, explanation, "");
    }

    private static Response page(int status, String title, String text, String footnote) {
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.4rem}small{color:#777}</style></head>
                <body><h1>%s</h1><p>%s</p><small>%s</small></body></html>""".formatted(escape(title), escape(title),
                escape(text), escape(footnote));
        return secured(Response.status(status).entity(html)).build();
    }

    /**
     * What every page of the connect flow sends: HTML, never cached (a link's token is in the URL), never framed
     * (clickjacking), no referrer to the next site, no script.
     */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
