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
        String name = type.getPackageName();
        return PACKAGES.entrySet().stream()
                .filter(entry -> name.equals(entry.getKey()) || name.startsWith(entry.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    static Optional<OptionalModule> ofPath(String path) {
        return PATHS.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
