package dev.latchkey.gateway.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code Retry-After} as RFC 9110 §10.2.3 writes it: seconds, or an HTTP date; anything else is no wait to honour. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @Test
    void secondsAndDatesAreReadAndAPastDateIsNoWait() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.delay(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(60)), RetryAfter.delay("Wed, 21 Oct 2015 07:28:00 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.delay("Wed, 21 Oct 2015 07:00:00 GMT", NOW));
    }

    @Test
    void whatIsNeitherIsNoWaitToHonour() {
        assertEquals(Optional.empty(), RetryAfter.delay(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.delay("", NOW));
        assertEquals(Optional.empty(), RetryAfter.delay("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.delay("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.delay("99999999999999999999", NOW));
    }
}
