package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.service.CallRefusedException;
import dev.latchkey.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A call the gateway refused or could not complete, as the problem it names. */
public class CallProblems {

    @ServerExceptionMapper
    public Response refused(CallRefusedException e, UriInfo uri) {
        return Problem.of(e.kind(), e.title(), e.status(), e.getMessage(), Problem.instance(uri)).toResponse();
    }
}
