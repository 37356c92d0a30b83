package org.trackwell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.trackwell.operator.OperatorCommandLine;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrackwellApplication {

    public static void main(String[] args) {
        if (OperatorCommandLine.handles(args)) {
            System.exit(OperatorCommandLine.run(TrackwellApplication.class, args));
        }
        if (!OperatorCommandLine.startsTheService(args)) {
            System.exit(OperatorCommandLine.refuse(args));
        }
        SpringApplication.run(TrackwellApplication.class, args);
    }
}
