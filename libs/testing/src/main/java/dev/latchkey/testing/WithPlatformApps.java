package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class's Quarkus application (its own: other classes see no platform apps) has the operator's OAuth2 apps of {@link PlatformAppsResource}: one for {@code github}
 * and one for {@code keycloak} whose token endpoint is a real TLS server on loopback ({@code PlatformAppsResource.tokenEndpoint()}).
 */
@QuarkusTestResource(value = PlatformAppsResource.class, restrictToAnnotatedClass = true)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithPlatformApps {
}
