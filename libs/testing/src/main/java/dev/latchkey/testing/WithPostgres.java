package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The test's Quarkus application gets a fresh PostgreSQL database for this test JVM, dropped afterwards. */
@QuarkusTestResource(PostgresResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithPostgres {
}
