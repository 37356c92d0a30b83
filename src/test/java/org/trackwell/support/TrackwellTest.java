package org.trackwell.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The whole application over HTTPS on a random port, against the tests' real PostgreSQL. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "trackwell.data-dir=target/test-data",
            "trackwell.web.http-port=0",
            "trackwell.operator.first-start=false"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface TrackwellTest {}
