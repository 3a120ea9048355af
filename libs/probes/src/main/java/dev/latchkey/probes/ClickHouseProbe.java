package dev.latchkey.probes;

import dev.latchkey.platform.outbound.CappedBody;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClickHouse over its HTTP interface (clickhouse.com/docs/interfaces/http): {@code SELECT version()} in the database,
 * signed in with basic authentication. A refusal carries the server's error code ({@code X-ClickHouse-Exception-Code},
 * else {@code Code: N.} in the body), which says what is wrong.
 */
final class ClickHouseProbe implements Probe {

    /** AUTHENTICATION_FAILED, UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD (ClickHouse's ErrorCodes.cpp). */
    private static final Set<String> AUTHENTICATION = Set.of("516", "192", "193", "194");
    private static final String UNKNOWN_DATABASE = "81";
    private static final String ACCESS_DENIED = "497";
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)[.,]");
    private static final Pattern VERSION = Pattern.compile("^\\d+(\\.\\d+)+");

    @Override
    public Set<String> drivers() {
        return Set.of("clickhouse");
    }

    @Override
    public String probe(ProbeTarget target) throws Exception {
        boolean tls = target.flag("tls", true);
        String host = target.checkedHost(target.required("host"), tls);
        String database = target.optional("database").orElse("default");
        URI url = URI.create((tls ? "https" : "http") + "://" + ProbeTarget.inUrl(host) + ":" + target.integer("port", tls ? 8443 : 8123)
                + "/?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&query=" + URLEncoder.encode("SELECT version()",
                StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(target.timeout()).GET()
                .header("Authorization", ProbeHttp.basic(target.required("username"), target.optional("password").orElse(""))).build();
        HttpResponse<String> answer = ProbeHttp.client(target).send(request, CappedBody.ofString(ProbeHttp.MAX_ANSWER));
        Matcher version = VERSION.matcher(answer.body().strip());
        if (answer.statusCode() == 200 && version.find()) {
            return "connected to ClickHouse " + version.group() + ", database " + database;
        }
        throw failure(answer, database);
    }

    private static ProbeFailure failure(HttpResponse<String> answer, String database) {
        Matcher inBody = CODE.matcher(answer.body());
        String code = answer.headers().firstValue("X-ClickHouse-Exception-Code").orElse(inBody.find() ? inBody.group(1) : "");
        if (AUTHENTICATION.contains(code)) {
            return new ProbeFailure(FailureCategory.AUTH_FAILED, "the server refused the user name or password");
        }
        if (code.equals(UNKNOWN_DATABASE)) {
            return new ProbeFailure(FailureCategory.CONFIG, "database " + database + " does not exist");
        }
        if (code.equals(ACCESS_DENIED)) {
            return new ProbeFailure(FailureCategory.PERMISSION_DENIED, "the user may not read database " + database);
        }
        return new ProbeFailure(FailureCategory.CONFIG, "the server answered HTTP " + answer.statusCode()
                + (code.isEmpty() ? " without a ClickHouse error code; is this ClickHouse's HTTP port?" : " (ClickHouse error " + code + ")"));
    }
}
