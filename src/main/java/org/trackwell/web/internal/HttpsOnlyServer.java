package org.trackwell.web.internal;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.trackwell.web.WebProperties;

/**
 * HTTPS is the only way in: the plain-HTTP port answers every request with a redirect to the HTTPS
 * port, before any application code runs. Errors Tomcat raises itself get the application's
 * problem+json or error page, never Tomcat's, and Tomcat's notes on such requests never carry
 * what was sent.
 */
@Component
class HttpsOnlyServer
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
                ApplicationListener<WebServerInitializedEvent> {

    private final WebProperties properties;
    private final ContainerErrors errors;
    private @Nullable Connector http;

    HttpsOnlyServer(WebProperties properties, ContainerErrors errors) {
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Tomcat logs what it could not parse (a request line, a parameter, a cookie) with the
        // input in it; NONE keeps user data out of the log. Read as Tomcat meets its first request.
        System.setProperty("org.apache.juli.logging.UserDataHelper.CONFIG", "NONE");
        factory.addContextCustomizers(context -> {
            SecurityConstraint confidential = new SecurityConstraint();
            confidential.setUserConstraint("CONFIDENTIAL");
            SecurityCollection everything = new SecurityCollection();
            everything.addPattern("/*");
            confidential.addCollection(everything);
            context.addConstraint(confidential);
            if (context.getParent() instanceof StandardHost host) {
                // Tomcat adds a valve of this class only if the host has none yet.
                host.getPipeline().addValve(new QuietErrorReportValve(errors));
                host.setErrorReportValveClass(QuietErrorReportValve.class.getName());
            }
        });
        if (properties.httpPort() >= 0 && factory.getSsl() != null) {
            Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            this.http = http;
            http.setScheme("http");
            http.setPort(properties.httpPort());
            http.setSecure(false);
            http.setRedirectPort(factory.getPort());
            factory.addAdditionalConnectors(http);
        }
    }

    /**
     * The HTTPS port is known only once the server listens (it may have been chosen at random).
     * The management server's start is announced here too, and is not the one to redirect to.
     */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (http != null && event.getApplicationContext().getServerNamespace() == null) {
            http.setRedirectPort(event.getWebServer().getPort());
        }
    }

    int httpPort() {
        return http == null ? -1 : http.getLocalPort();
    }
}
