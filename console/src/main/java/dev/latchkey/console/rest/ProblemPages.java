package dev.latchkey.console.rest;

import dev.latchkey.console.client.ApiProblem;
import io.quarkus.qute.Template;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a service refuses or a page does not exist: the problem's own words, as a page, or as a
 * fragment where htmx asked for one. The services' problems never hold a secret, and neither does this.
 */
public class ProblemPages {

    private final Template problem;
    private final Template problemFragment;

    public ProblemPages(Template problem, Template problemFragment) {
        this.problem = problem;
        this.problemFragment = problemFragment;
    }

    @ServerExceptionMapper
    public Response refused(ApiProblem refused, HttpHeaders headers) {
        return page(refused.status(), refused.title(), refused.detail(), headers);
    }

    @ServerExceptionMapper
    public Response failed(WebApplicationException failure, HttpHeaders headers) {
        int status = failure.getResponse().getStatus();
        String title = status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Something went wrong";
        String detail = status == 404 ? "There is nothing at this address, or it was deleted."
                : status >= 500 ? "The console could not finish this request." : failure.getMessage();
        return page(status, title, detail, headers);
    }

    /** A service that did not answer in time, or at all. */
    @ServerExceptionMapper
    public Response unanswered(ProcessingException failure, HttpHeaders headers) {
        return page(503, "A service is not answering", "Try again in a moment.", headers);
    }

    private Response page(int status, String title, String detail, HttpHeaders headers) {
        boolean fragment = headers.getHeaderString("HX-Request") != null;
        String html = (fragment ? problemFragment : problem).data("title", title).data("detail", detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
