package org.trackwell.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.trackwell.help.internal.HelpCentre;
import org.trackwell.help.internal.HelpSections;
import org.trackwell.support.TrackwellTest;

/**
 * Walks every page (a GET route that answers with a view) and fails for one whose help link has no
 * part of the help to open, or opens an anchor the help does not have.
 */
@TrackwellTest
class HelpSectionsIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    HelpCentre help;

    @Test
    void everyPageHasAHelpLinkToASectionThatExists() {
        List<String> pages = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
                    mapping.getHandlerMethods().entrySet()) {
                if (route.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)
                        && answersWithAView(route.getValue())) {
                    pages.addAll(route.getKey().getPatternValues());
                }
            }
        }
        assertThat(pages).contains("/", "/clients/{code}", "/medication/round", "/help");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            HelpSections.forRoute(page)
                    .ifPresentOrElse(
                            anchor -> {
                                if (help.section(anchor).isEmpty()) {
                                    problems.add(page + " links to #" + anchor + ", which the help does not have");
                                }
                            },
                            () -> problems.add(page + " has no part of the help"));
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theHelpIsEscapedAndHasTheGlossary() {
        assertThat(help.section("caseness")).isPresent();
        assertThat(help.section("mar-codes").orElseThrow().text()).contains("R refused");
        assertThat(help.html()).doesNotContain("<script").contains("id=\"the-medication-round\"");
    }

    private static boolean answersWithAView(HandlerMethod handler) {
        Class<?> returned = handler.getReturnType().getParameterType();
        return !handler.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                && (returned == String.class || returned == ModelAndView.class)
                && !handler.getBeanType().getName().contains("ErrorPages");
    }
}
