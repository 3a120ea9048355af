package dev.latchkey.platform.paging;

import dev.latchkey.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void noLimitIsTheDefaultAndTheBoundsAreAccepted() {
        assertEquals(PageRequest.DEFAULT_LIMIT, read(null, null).limit());
        assertEquals(1, read("1", null).limit());
        assertEquals(PageRequest.MAX_LIMIT, read("100", null).limit());
        assertEquals(Optional.empty(), read("", " ").after());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "abc", "2.5"})
    void aLimitOutsideTheRangeOrNotANumberNamesLimit(String limit) {
        read(limit, null);
        assertEquals(List.of("limit"), fields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "bm90LWEtbnVtYmVy"})
    void aCursorThisListDidNotGiveOutNamesCursor(String cursor) {
        read(null, cursor);
        assertEquals(List.of("cursor"), fields());
    }

    @Test
    void aBadLimitAndABadCursorAreReportedTogether() {
        read("0", "%%%");
        assertEquals(List.of("limit", "cursor"), fields());
    }

    @Test
    void theNextCursorReadsBackAsThePositionAfterThePageLastItem() {
        PageRequest<Long> first = read("2", null);
        Page<String> page = first.page(List.of(30L, 20L, 10L), String::valueOf, seq -> "#" + seq);

        assertEquals(List.of("#30", "#20"), page.items());
        assertEquals(Optional.of(20L), read("2", page.nextCursor()).after());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theLastPageHasNoNextCursor() {
        Page<Long> page = read("2", null).page(List.of(30L, 20L), String::valueOf, Function.identity());
        assertEquals(List.of(30L, 20L), page.items());
        assertNull(page.nextCursor());
    }

    @Test
    void aKeysetRoundTripsAndATimedOneRefusesAnotherSortsValue() {
        Keyset keyset = new Keyset(Instant.parse("2026-11-26T09:00:00Z"), UUID.randomUUID());
        assertEquals(keyset, Keyset.parseTimed(keyset.text()));
        Keyset named = new Keyset("a|b", UUID.randomUUID());
        assertEquals(named, Keyset.parse(named.text()));

        PageRequest.read(null, cursor(named.text()), Keyset::parseTimed, errors);
        assertEquals(List.of("cursor"), fields());
    }

    private PageRequest<Long> read(String limit, String cursor) {
        return PageRequest.read(limit, cursor, Long::parseLong, errors);
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }

    private static String cursor(String position) {
        return Base64.getUrlEncoder().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
