package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API answers are views of the controllers' own (docs/api.md): no API route answers with a type
 * from a module's top-level or internal package, directly or inside a view, or reads a request
 * body into one, so that a change inside a module cannot change the API by accident. Enumerations are answered by name and may
 * be any module's.
 */
class ApiResponseViewsTest {

    /** A measure's definition is a data format of its own (docs/outcomes.md), the one an import reads. */
    private static final String MEASURE = "org.trackwell.outcomes.internal.Measure";

    @Test
    void apiRoutesAnswerWithViewsOfTheirOwn() throws ClassNotFoundException {
        assertThat(moduleTypes(method -> Stream.of(method.getGenericReturnType())))
                .as("module types that API routes answer with as they stand (map them to a view in web)")
                .isEmpty();
    }

    @Test
    void apiRoutesTakeRequestsOfTheirOwn() throws ClassNotFoundException {
        assertThat(moduleTypes(method -> Arrays.stream(method.getParameters())
                        .filter(parameter -> parameter.isAnnotationPresent(RequestBody.class)
                                || parameter.isAnnotationPresent(ParameterObject.class))
                        .map(Parameter::getParameterizedType)))
                .as("module types that API routes read requests into (take a request record of web's own)")
                .isEmpty();
    }

    private static Set<String> moduleTypes(Function<Method, Stream<Type>> typesOfRoute) throws ClassNotFoundException {
        Set<String> domain = new TreeSet<>();
        for (Class<?> controller : apiControllers()) {
            for (Method method : controller.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class) && isApi(controller, method)) {
                    Set<Class<?>> used = new HashSet<>();
                    typesOfRoute.apply(method).forEach(type -> collect(type, used));
                    used.stream()
                            .filter(type ->
                                    !type.isEnum() && !type.getPackageName().contains(".web"))
                            .map(Class::getName)
                            .filter(name -> !name.equals(MEASURE) && !name.startsWith(MEASURE + "$"))
                            .forEach(domain::add);
                }
            }
        }
        return domain;
    }

    private static boolean isApi(Class<?> controller, Method method) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        RequestMapping route = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return Stream.concat(
                        type == null ? Stream.empty() : Arrays.stream(type.path()),
                        route == null ? Stream.empty() : Arrays.stream(route.path()))
                .anyMatch(path -> path.startsWith("/api/"));
    }

    private static Set<Class<?>> apiControllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> controllers = new HashSet<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.trackwell")) {
            controllers.add(ClassUtils.forName(found.getBeanClassName(), ApiResponseViewsTest.class.getClassLoader()));
        }
        return controllers;
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        switch (type) {
            case ParameterizedType generic -> {
                collect(generic.getRawType(), seen);
                for (Type argument : generic.getActualTypeArguments()) {
                    collect(argument, seen);
                }
            }
            case WildcardType wildcard -> {
                for (Type bound : wildcard.getUpperBounds()) {
                    collect(bound, seen);
                }
            }
            case Class<?> plain when plain.isArray() -> collect(plain.getComponentType(), seen);
            case Class<?> plain
            when plain.getName().startsWith("org.trackwell.") -> {
                if (seen.add(plain) && plain.isRecord()) {
                    for (RecordComponent component : plain.getRecordComponents()) {
                        collect(component.getGenericType(), seen);
                    }
                }
            }
            default -> {}
        }
    }
}
