package org.trackwell.support;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route the application maps, for tests that call each one. */
public final class MappedRoutes {

    /** A route mapped for any method. */
    public static final String ANY_METHOD = "*";

    private MappedRoutes() {}

    /** Every path pattern and method of every handler mapping, as {@code METHOD /path}, by path. */
    public static Set<String> of(ApplicationContext context) {
        Set<String> routes = new TreeSet<>((a, b) -> {
            int byPath = a.substring(a.indexOf(' ')).compareTo(b.substring(b.indexOf(' ')));
            return byPath != 0 ? byPath : a.compareTo(b);
        });
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.add(ANY_METHOD);
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> routes.add(method + " " + pattern));
                }
            }
        }
        return routes;
    }
}
