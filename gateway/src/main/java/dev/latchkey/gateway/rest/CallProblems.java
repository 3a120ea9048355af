package dev.latchkey.gateway.rest;

import dev.latchkey.gateway.service.ActionFailedException;
import dev.latchkey.gateway.service.CallRefusedException;
import dev.latchkey.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A call the gateway refused or could not complete, or an action the provider did not carry out, as the problem it names. */
public class CallProblems {

    @ServerExceptionMapper
    public Response refused(CallRefusedException e, UriInfo uri) {
        return Problem.of(e.kind(), e.title(), e.status(), e.getMessage(), Problem.instance(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response actionFailed(ActionFailedException e, UriInfo uri) {
        return Problem.of("action-failed", "Action failed", 502, e.getMessage(), Problem.instance(uri)).toResponse();
    }
}
