package dev.latchkey.platform.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;

/** Fails in each way an endpoint can, so the problem responses can be checked. */
@PermitAll
@Path("/problem-test")
public class ProblemTestResource {

    public record NewThing(@NotBlank String name, @Size(max = 3) String code) {
    }

    @POST
    @Path("/validated")
    public String validated(@Valid NewThing thing) {
        return thing.name();
    }

    @GET
    @Path("/invalid")
    public String invalid() {
        throw new InvalidInputException("The form has errors.", List.of(new Problem.FieldError("scopes", "unknown scope 'x'")));
    }

    @GET
    @Path("/missing")
    public String missing() {
        throw new NotFoundException();
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ConflictException("The auth config is used by 3 connections.");
    }

    @GET
    @Path("/stale")
    public String stale() {
        throw new PreconditionFailedException("The auth config changed since version 4.");
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("secret-looking internals: password=hunter2");
    }
}
