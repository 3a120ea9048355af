package dev.latchkey.secrets;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretPathTest {

    private static final UUID ID = UUID.fromString("0b7e3f0e-5c55-4c1e-9a4e-2f1d1f6b7a10");

    @Test
    void pathsFollowTheDocumentedLayout() {
        assertEquals("tenants/demo/auth-configs/" + ID, SecretPath.authConfig("demo", ID).toString());
        assertEquals("tenants/demo/connections/" + ID, SecretPath.connection("demo", ID).toString());
    }

    @Test
    void parseReadsBackWhatToStringWrites() {
        var path = SecretPath.connection("acme-corp", ID);
        assertEquals(path, SecretPath.parse(path.toString()));
    }

    @Test
    void tenantCannotEscapeItsSubtree() {
        assertThrows(IllegalArgumentException.class, () -> SecretPath.authConfig("../other", ID));
        assertThrows(IllegalArgumentException.class, () -> SecretPath.authConfig("demo/connections", ID));
        assertThrows(IllegalArgumentException.class, () -> SecretPath.authConfig("", ID));
        assertThrows(IllegalArgumentException.class,
                () -> SecretPath.parse("tenants/demo/../other/auth-configs/" + ID));
        assertThrows(IllegalArgumentException.class, () -> SecretPath.parse("tenants/demo/passwords/" + ID));
    }
}
