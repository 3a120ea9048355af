package dev.latchkey.testing;

import io.quarkus.test.common.QuarkusTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The test's Quarkus application talks to a real Kafka broker ({@code KAFKA_BOOTSTRAP} or one in this JVM). */
@QuarkusTestResource(KafkaResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithKafka {
}
