package dev.latchkey.platform.rest;

import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem.FieldError;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.OptionalLong;

/** A resource's version as its ETag, and the If-Match a caller sends to refuse lost updates. */
public final class Versions {

    private Versions() {
    }

    /** A 200 answer tagged with the version. */
    public static Response.ResponseBuilder tagged(long version) {
        return Response.ok().tag(new EntityTag(String.valueOf(version)));
    }

    /** {@code "3"} (or weak {@code W/"3"}) to 3; no header means no precondition. */
    public static OptionalLong ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The request has invalid fields.",
                    List.of(new FieldError("If-Match", "must be the ETag of a version this API gave out")));
        }
    }
}
