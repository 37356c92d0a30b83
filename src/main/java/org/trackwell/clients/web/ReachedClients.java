package org.trackwell.clients.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.internal.ClientNotFound;
import org.trackwell.identity.SignedInUser;

/**
 * Resolves each {@link ReachedClient} parameter from the request's {@code {code}} (or the form
 * field it names), once.
 */
@Component
class ReachedClients implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Clients clients;

    ReachedClients(Clients clients) {
        this.clients = clients;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ReachedClient.class) && parameter.getParameterType() == ClientRef.class;
    }

    @Override
    public ClientRef resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory)
            throws MissingServletRequestParameterException {
        ReachedClient reached = parameter.getParameterAnnotation(ReachedClient.class);
        if (reached == null) {
            throw new IllegalStateException(parameter + " is no @ReachedClient");
        }
        boolean inForm = !reached.field().isEmpty();
        String code = inForm
                ? request.getParameter(reached.field())
                : pathVariables(request).get("code");
        if (code == null && inForm) {
            throw new MissingServletRequestParameterException(reached.field(), "String");
        }
        SignedInUser user = signedInUser().orElseThrow(ClientNotFound::new);
        if (code == null) {
            throw new IllegalStateException(parameter + " needs a {code} in its route");
        }
        return clients.reach(
                user, code, reached.value(), Arrays.stream(reached.viewed()).findFirst());
    }

    private static Optional<SignedInUser> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(NativeWebRequest request) {
        Object variables =
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
