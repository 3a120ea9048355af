package dev.latchkey.refresher.service;

import dev.latchkey.secrets.SecretPath;
import dev.latchkey.secrets.SecretVersion;
import dev.latchkey.testing.ScriptedTokenEndpoint.Answer;
import dev.latchkey.testing.WithKafka;
import dev.latchkey.testing.WithOidcServer;
import dev.latchkey.testing.WithPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a refresh makes of each kind of provider answer, against a scripted token endpoint. */
@QuarkusTest
@WithPostgres
@WithKafka
@WithOidcServer
class RefreshOutcomesTest extends RefresherTestBase {

    @Test
    void aRotatedRefreshTokenIsStoredAndSentTheNextTime() {
        UUID id = connection("refresh-0", Duration.ofMinutes(1));

        refreshNow(id).statusCode(200).body("refreshed", equalTo(true));
        String rotated = tokens(id).get("refreshToken");
        assertEquals("refresh-1", rotated);
        assertTrue(tokenEvents(id, "token.refreshed").get(0).contains("\"refreshTokenRotated\":true"));
        assertEquals(List.of(2L), secrets.versions(SecretPath.connection(tenant, id)).await().indefinitely().stream()
                .map(SecretVersion::version).toList(), "the rotated-out refresh token is erased");

        makeDue(id);
        drainDue();
        assertEquals(1, provider.requestsWith("refresh-0"));
        assertEquals(1, provider.requestsWith(rotated));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("latchkey_refresher_refreshes_total{trigger=\"on-demand\"}"))
                .body(containsString("latchkey_refresher_refreshes_total{trigger=\"worker\"}"))
                .body(containsString("latchkey_refresher_schedule_lag_seconds"));
    }

    @Test
    void aTokenAnApiRefusedIsRefreshedThoughNotDueAndNotAgainByACallerThatAskedBefore() {
        UUID id = connection("refresh-0", Duration.ofHours(1));

        refreshNow(id).statusCode(200).body("refreshed", equalTo(false));
        refreshRefused(id).statusCode(200).body("refreshed", equalTo(true));

        assertEquals(1, provider.requestsWith("refresh-0"));
        assertEquals("access-1", tokens(id).get("accessToken"));
    }

    @Test
    void aResponseWithoutARefreshTokenKeepsTheStoredOne() {
        provider.rotateRefreshTokens(false);
        UUID id = connection("refresh-keep", Duration.ofMinutes(1));

        refreshNow(id).statusCode(200);

        assertEquals("refresh-keep", tokens(id).get("refreshToken"));
        assertEquals("access-1", tokens(id).get("accessToken"));
    }

    @Test
    void invalidGrantEndsTheConnectionForGood() {
        provider.then(Answer.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Token is not active\"}"));
        UUID id = connection("refresh-revoked", Duration.ofMinutes(1));

        refreshNow(id).statusCode(409).body("detail", containsString("invalid_grant"));

        assertNull(scheduled(id), "no more refreshes");
        String failed = tokenEvents(id, "token.refresh_failed").get(0);
        assertTrue(failed.contains("\"permanent\":true") && failed.contains("invalid_grant"), failed);
        assertEquals("refresh-revoked", tokens(id).get("refreshToken"));
        given().get("/q/metrics").then()
                .body(containsString("latchkey_refresher_failures_total{permanent=\"true\",reason=\"invalid_grant\"}"));
    }

    @Test
    void serverErrorsAreRetriedLaterWithBackoffAndThenSucceed() {
        provider.then(Answer.json(500, "{}")).then(Answer.json(503, "{\"error\": \"temporarily_unavailable\"}"));
        UUID id = connection("refresh-flaky", Duration.ofMinutes(1));

        refreshNow(id).statusCode(502);
        assertEquals(1, scheduled(id).getInteger("attempts"));
        Instant firstRetry = scheduled(id).getOffsetDateTime("refresh_at").toInstant();
        assertTrue(firstRetry.isAfter(Instant.now().plusSeconds(20)), "about 30 s later, with jitter: " + firstRetry);
        refreshNow(id).statusCode(502);
        assertEquals(2, scheduled(id).getInteger("attempts"));
        assertTrue(scheduled(id).getOffsetDateTime("refresh_at").toInstant().isAfter(firstRetry), "the wait grows");
        String failed = tokenEvents(id, "token.refresh_failed").get(0);
        assertTrue(failed.contains("\"permanent\":false") && failed.contains("\"nextAttemptAt\""), failed);

        refreshNow(id).statusCode(200).body("refreshed", equalTo(true));
        assertEquals(0, scheduled(id).getInteger("attempts"));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheProviderSays() {
        provider.then(Answer.json(429, "{}").withHeader("Retry-After", "120"));
        UUID id = connection("refresh-busy", Duration.ofMinutes(1));

        refreshNow(id).statusCode(502);

        OffsetDateTime retry = scheduled(id).getOffsetDateTime("refresh_at");
        long wait = Duration.between(Instant.now(), retry.toInstant()).toSeconds();
        assertTrue(wait > 110 && wait <= 120, "Retry-After 120 s, waited " + wait);
    }

    @Test
    void aProviderSlowerThanTheTimeoutIsRetriedLater() {
        provider.then(Answer.json(200, "{\"access_token\": \"too-late\", \"expires_in\": 3600}").after(Duration.ofSeconds(4)));
        UUID id = connection("refresh-slow", Duration.ofMinutes(1));

        refreshNow(id).statusCode(502).body("detail", containsString("did not answer"));

        assertEquals(1, scheduled(id).getInteger("attempts"));
        assertFalse(tokens(id).containsValue("too-late"));
    }

    @Test
    void aProviderFailingAgainAndAgainIsPausedWithoutCountingAgainstConnections() {
        List<UUID> connections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            provider.then(Answer.json(500, "{}"));
            connections.add(connection("refresh-outage-" + i, Duration.ofMinutes(1)));
        }
        for (int i = 0; i < 5; i++) {
            refreshNow(connections.get(i)).statusCode(502);
        }

        refreshNow(connections.get(5)).statusCode(502).body("detail", containsString("paused"));

        assertEquals(5, provider.requests().size(), "no request while the circuit is open");
        assertEquals(0, scheduled(connections.get(5)).getInteger("attempts"));
        assertTrue(scheduled(connections.get(5)).getOffsetDateTime("refresh_at").toInstant().isAfter(Instant.now().plusSeconds(20)));
    }

    @Test
    void aTokenThatIsNotDueIsNotRefreshed() {
        UUID id = connection("refresh-fresh", Duration.ofHours(2));

        refreshNow(id).statusCode(200).body("refreshed", equalTo(false));

        assertEquals(0, provider.requests().size());
    }

    @Test
    void aConnectionWhoseCredentialsAreGoneLeavesTheScheduleForGood() {
        UUID id = connection("refresh-gone", Duration.ofMinutes(1));
        secrets.destroy(SecretPath.connection(tenant, id)).await().indefinitely();

        refreshNow(id).statusCode(409).body("detail", containsString("authorize it again"));

        assertNull(scheduled(id), "not due again at every tick");
        assertTrue(tokenEvents(id, "token.refresh_failed").get(0).contains("credentials_missing"));
        assertEquals(0, provider.requests().size());
    }

    @Test
    void aConnectionTheRefresherDoesNotKnowIsNotFound() {
        refreshNow(UUID.randomUUID()).statusCode(404);
    }

    @Test
    void aConnectionAskedForUnderAnotherTenantIsNotFoundAndNotRefreshed() {
        UUID id = connection("refresh-elsewhere", Duration.ofMinutes(1));

        refreshIn("another" + tenant, id).statusCode(404);

        assertEquals(0, provider.requests().size());
        assertEquals("access-0", tokens(id).get("accessToken"));
        refreshNow(id).statusCode(200).body("refreshed", equalTo(true));
    }
}
