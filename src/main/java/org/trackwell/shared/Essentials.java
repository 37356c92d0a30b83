package org.trackwell.shared;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time and randomness are dependencies, so tests can move the clock instead of sleeping. */
@Configuration(proxyBeanMethods = false)
class Essentials {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
