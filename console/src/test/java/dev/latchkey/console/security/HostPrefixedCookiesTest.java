package dev.latchkey.console.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Cookie header quarkus-oidc reads: its own cookies only when the browser sent them under the prefix. */
class HostPrefixedCookiesTest {

    @Test
    void prefixedSignInCookiesReachTheSignInUnderTheirOwnNames() {
        assertEquals("q_session_chunk_1=a; q_session_chunk_2=b",
                HostPrefixedCookies.unprefixed("__Host-q_session_chunk_1=a; __Host-q_session_chunk_2=b"));
        assertEquals("q_auth_4f1c=state|x", HostPrefixedCookies.unprefixed("__Host-q_auth_4f1c=state|x"));
    }

    @Test
    void unprefixedSignInCookiesAreLeftOutAndOthersKept() {
        assertEquals("q_session=mine; theme=dark",
                HostPrefixedCookies.unprefixed("q_session=planted; __Host-q_session=mine;theme=dark"));
        assertEquals("", HostPrefixedCookies.unprefixed("q_session=planted"));
        assertEquals("__Host-other=1", HostPrefixedCookies.unprefixed(" __Host-other=1 ; "));
    }
}
