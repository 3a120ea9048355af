package dev.latchkey.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.Map;

/** Turns a service's error answer into an {@link ApiProblem}, whatever the client method returns. */
public class ProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        try {
            String body = response.readEntity(String.class);
            return ApiProblem.of(response.getStatus(), JSON.readValue(body, new TypeReference<Map<String, Object>>() { }));
        } catch (RuntimeException | java.io.IOException e) {
            return ApiProblem.unreadable(response.getStatus());
        }
    }
}
