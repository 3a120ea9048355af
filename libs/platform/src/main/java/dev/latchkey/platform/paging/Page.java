package dev.latchkey.platform.paging;

import java.util.List;

/** One page of any list endpoint; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
