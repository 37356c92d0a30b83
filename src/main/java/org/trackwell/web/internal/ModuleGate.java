package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.OptionalModule;

/**
 * Hides a module the tenant has switched off, once for all its routes: every page and API route
 * of the module's own package, and the reports about it, answers 404 as if it did not exist, before
 * anything is read or recorded. The module's home-page parts are hidden the same way ({@link
 * #shows}). Its data stays; switching the module on again shows it.
 */
@Configuration(proxyBeanMethods = false)
class ModuleGate implements WebMvcConfigurer, HandlerInterceptor {

    private static final Map<String, OptionalModule> PACKAGES = Map.of(
            "org.trackwell.outcomes", OptionalModule.OUTCOMES,
            "org.trackwell.medication", OptionalModule.MEDICATION);

    /** Routes of other modules that are about one optional module: its reports and their exports. */
    private static final Map<String, OptionalModule> PATHS = Map.of(
            "/reports/outcomes", OptionalModule.OUTCOMES,
            "/api/v1/reports/outcomes", OptionalModule.OUTCOMES,
            "/reports/medication", OptionalModule.MEDICATION,
            "/api/v1/reports/medication", OptionalModule.MEDICATION);

    /** Asked on every request, so each controller's module is worked out once. */
    private static final ClassValue<Optional<OptionalModule>> MODULE_OF_CLASS = new ClassValue<>() {
        @Override
        protected Optional<OptionalModule> computeValue(Class<?> type) {
            String name = type.getPackageName();
            for (Map.Entry<String, OptionalModule> entry : PACKAGES.entrySet()) {
                if (name.equals(entry.getKey()) || name.startsWith(entry.getKey() + ".")) {
                    return Optional.of(entry.getValue());
                }
            }
            return Optional.empty();
        }
    };

    private final ModulesUsed modules;

    ModuleGate(ModulesUsed modules) {
        this.modules = modules;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<OptionalModule> module = ofClass(method.getBeanType()).or(() -> ofPath(pathOf(request)));
        if (module.isPresent() && !modules.on(module.get())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
        return true;
    }

    /** Whether a part of a page, offered by a bean of some module, may show for the current tenant. */
    boolean shows(Object part) {
        return ofClass(ClassUtils.getUserClass(part)).map(modules::on).orElse(true);
    }

    static Optional<OptionalModule> ofClass(Class<?> type) {
        return MODULE_OF_CLASS.get(type);
    }

    static Optional<OptionalModule> ofPath(String path) {
        for (Map.Entry<String, OptionalModule> entry : PATHS.entrySet()) {
            String route = entry.getKey();
            if (path.startsWith(route) && (path.length() == route.length() || path.charAt(route.length()) == '/')) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
