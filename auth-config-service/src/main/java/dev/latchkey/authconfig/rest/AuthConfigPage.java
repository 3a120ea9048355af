package dev.latchkey.authconfig.rest;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. */
public record AuthConfigPage(List<AuthConfigView> items, String nextCursor) {
}
