package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's Quarkus application trusts a real OIDC server in this JVM; mint tokens with
 * {@code OidcTestServer.current().accessToken(tenant, subject, roles...)}.
 */
@QuarkusTestResource(OidcServerResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithOidcServer {
}
