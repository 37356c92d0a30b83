package org.trackwell.clients.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.trackwell.clients.ReachedClient;

/**
 * How the API description shows a {@link ReachedClient} parameter: not as the reference the
 * resolver makes, but as the {@code {code}} in the path it comes from, the client's pseudonym code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ReachedClientsDescription {

    @Bean
    OperationCustomizer clientCodeInThePath() {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(ReachedClient.class);
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                ReachedClient reached = parameter.getParameterAnnotation(ReachedClient.class);
                if (reached != null && reached.field().isEmpty()) {
                    operation.addParametersItem(new Parameter()
                            .in("path")
                            .name("code")
                            .required(true)
                            .description("The client's pseudonym code, as Trackwell shows it")
                            .schema(new StringSchema().maxLength(32).example("ABC-DEF7")));
                }
            }
            return operation;
        };
    }
}
