package dev.latchkey.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.catalog.Catalog;
import dev.latchkey.catalog.action.Action;
import dev.latchkey.catalog.action.ActionAnswer;
import dev.latchkey.catalog.action.ActionCall;
import dev.latchkey.catalog.form.FormValidator;
import dev.latchkey.events.AccessEvents.ActionRun;
import dev.latchkey.gateway.client.CallBody;
import dev.latchkey.gateway.client.ProviderAnswer;
import dev.latchkey.gateway.config.GatewayConfig;
import dev.latchkey.gateway.events.CallEventWriter;
import dev.latchkey.gateway.service.ConnectionApis.ConnectionApi;
import dev.latchkey.platform.problem.InvalidInputException;
import dev.latchkey.platform.problem.Problem;
import dev.latchkey.platform.problem.UnavailableException;
import dev.latchkey.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Runs a connection's catalog actions ({@link Action}): the input checked against the action's schema, the request
 * rendered ({@link ActionCall}) and made through the connection like any proxied call ({@link CallsThrough}: fresh
 * token, one refresh after a 401, Digest, Retry-After, each exchange an {@code access.proxied} event), the answer read
 * whole and mapped to the action's output ({@link ActionAnswer}), a next-page URL's cursor sealed ({@link PageCursors}).
 * Every run that names an action of the connection is an {@code access.action_run} event, and its caller learns how it
 * ended only once that event is committed.
 */
@ApplicationScoped
public class ActionRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final ConnectionApis apis;
    private final CallsThrough calls;
    private final CallEventWriter events;
    private final PageCursors cursors;
    private final long maxAnswerBytes;

    public ActionRuns(Catalog catalog, ConnectionApis apis, CallsThrough calls, CallEventWriter events, PageCursors cursors,
            GatewayConfig config) {
        this.catalog = catalog;
        this.apis = apis;
        this.calls = calls;
        this.events = events;
        this.cursors = cursors;
        this.maxAnswerBytes = config.maxActionAnswerBytes().asLongValue();
    }

    /** The connection's actions; none for a custom auth config's connection, which has no catalog entry. */
    public Uni<List<Action>> of(Caller caller, UUID connectionId) {
        return apis.of(caller.tenant(), connectionId).map(api -> catalog.actions(api.provider()));
    }

    /**
     * The action's output.
     *
     * @param toolkitId the toolkit the call came through, null for a direct run
     * @throws NotFoundException (failed Uni) when the connection is not the caller's tenant's or has no such action
     * @throws InvalidInputException (failed Uni) when the input does not fit the action
     * @throws ActionFailedException (failed Uni) when the provider refused the action
     */
    public Uni<ObjectNode> run(Caller caller, UUID connectionId, String name, JsonNode input, UUID toolkitId) {
        long started = System.nanoTime();
        return apis.of(caller.tenant(), connectionId).chain(api -> {
            Action action = catalog.action(api.provider(), name).orElseThrow(() -> new NotFoundException(
                    "The connection's catalog entry has no action '" + name + "'."));
            Run run = new Run(caller, api, action, toolkitId, started);
            ActionCall call;
            try {
                call = prepared(action, input, api);
            } catch (InvalidInputException invalid) {
                return ended(run, null, "invalid_input").chain(() -> Uni.createFrom().failure(invalid));
            }
            return calls.call(caller, connectionId, incoming(call))
                    .onFailure().recoverWithUni(failure -> unreachable(run, null, failure))
                    .chain(answer -> read(answer)
                            .onFailure().recoverWithUni(failure -> unreachable(run, answer.status(), failure))
                            .chain(body -> outcome(run, answer, body)));
        });
    }

    /** A run that got no answer it could read: its event first, then the failure (or a 503 when the event is not durable). */
    private <T> Uni<T> unreachable(Run run, Integer status, Throwable failure) {
        return ended(run, status, "unreachable").chain(() -> Uni.createFrom().failure(failure));
    }

    private ActionCall prepared(Action action, JsonNode input, ConnectionApi api) {
        if (input == null || !input.isObject()) {
            throw new InvalidInputException("An action's input is a JSON object.", List.of(new Problem.FieldError("input",
                    "must be a JSON object")));
        }
        List<Problem.FieldError> errors = FormValidator.errors("input", action.inputSchema(), input).stream()
                .map(problem -> new Problem.FieldError(problem.field(), problem.message())).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The input does not fit the action's input schema.", errors);
        }
        if (PageCursors.sealed(action) && input.path(Action.CURSOR).isTextual()) {
            ObjectNode opened = ((ObjectNode) input).deepCopy();
            opened.put(Action.CURSOR, cursors.open(api, action, input.get(Action.CURSOR).textValue()));
            input = opened;
        }
        try {
            return ActionCall.of(action, input, api.config());
        } catch (ActionCall.InvalidInput invalid) {
            throw new InvalidInputException("The input cannot be used for this action.",
                    List.of(new Problem.FieldError("input." + invalid.field(), invalid.getMessage())));
        }
    }

    private static IncomingCall incoming(ActionCall call) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
        call.headers().forEach(headers::set);
        if (call.contentType() != null) {
            headers.set("Content-Type", call.contentType());
        }
        CallBody body = call.body() == null ? CallBody.Whole.NONE : new CallBody.Whole(Buffer.buffer(call.body()));
        return new IncomingCall(call.method(), call.rawPath(), call.rawQuery(), headers, body, true);
    }

    /** The answer's body whole, or a failure past the action's cap. */
    private Uni<Buffer> read(ProviderAnswer answer) {
        if (answer.declaredLength() > maxAnswerBytes) {
            answer.abandon().run();
            return Uni.createFrom().failure(tooLarge());
        }
        return answer.body().collect().in(Buffer::buffer, (whole, chunk) -> {
            if (whole.length() + chunk.length() > maxAnswerBytes) {
                throw tooLarge();
            }
            whole.appendBuffer(chunk);
        });
    }

    private CallRefusedException tooLarge() {
        return new CallRefusedException(502, "upstream", "Bad gateway", "The API's answer is larger than an action reads ("
                + maxAnswerBytes + " bytes).");
    }

    private Uni<ObjectNode> outcome(Run run, ProviderAnswer answer, Buffer body) {
        JsonNode json = parsed(body);
        Redactions redactions = Redactions.of(run.api().request());
        boolean succeeded = answer.status() / 100 == 2 && json != null && ActionAnswer.expected(run.action(), json);
        if (!succeeded) {
            ActionFailedException failed = ActionFailedException.of(run.action().name(), answer.status(), body, redactions);
            return ended(run, answer.status(), "provider_error").chain(() -> Uni.createFrom().failure(failed));
        }
        ObjectNode output;
        try {
            output = ActionAnswer.output(run.action(), redactions.apply(json), answer.headers().getAll("Link"),
                    run.api().request().baseUrl(), run.api().request().query().keySet());
        } catch (IllegalStateException outside) {
            return ended(run, answer.status(), "provider_error").chain(() -> Uni.createFrom().failure(
                    new CallRefusedException(502, "upstream", "Bad gateway", "The API answered: " + outside.getMessage() + ".")));
        }
        if (PageCursors.sealed(run.action()) && output.hasNonNull(Action.NEXT_CURSOR)) {
            output.put(Action.NEXT_CURSOR, cursors.seal(run.api(), run.action(), output.get(Action.NEXT_CURSOR).textValue()));
        }
        return ended(run, answer.status(), "succeeded").replaceWith(output);
    }

    /** The answer as JSON: an empty body is an empty object (a 204), and what is not JSON is null. */
    private static JsonNode parsed(Buffer body) {
        if (body.length() == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(body.getBytes());
        } catch (IOException notJson) {
            return null;
        }
    }

    /** One run under way. */
    private record Run(Caller caller, ConnectionApi api, Action action, UUID toolkitId, long startedNanos) {
    }

    /** How the run ended, as its event: nobody learns of the end before the event is durable (a 503 when it cannot be). */
    private Uni<Void> ended(Run run, Integer status, String outcome) {
        long durationMs = (System.nanoTime() - run.startedNanos()) / 1_000_000;
        ConnectionApi api = run.api();
        return events.actionRun(run.caller(), new ActionRun(api.connectionId(), api.environment(), api.provider(),
                        run.action().name(), run.toolkitId(), status, outcome, durationMs))
                .onFailure().transform(failure -> new UnavailableException("The action's run could not be recorded in"
                        + " the audit log just now, so how it ended is not passed on; try again shortly."));
    }
}
