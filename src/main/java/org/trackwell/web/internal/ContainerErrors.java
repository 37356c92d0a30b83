package org.trackwell.web.internal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of an error that the container raises before a request reaches the application (a
 * malformed URL, request line or header): the same problem+json or error page, with the layout, as
 * the application's own errors. Nothing of such a request is trusted: its path only chooses
 * between the two, and none of it is echoed back.
 */
@Component
class ContainerErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<ITemplateEngine> templates;
    private final ObjectProvider<ServletContext> servletContext;

    ContainerErrors(ObjectProvider<ITemplateEngine> templates, ObjectProvider<ServletContext> servletContext) {
        this.templates = templates;
        this.servletContext = servletContext;
    }

    /** The content type and body; the caller writes the body once the headers are set. */
    record Body(String contentType, String text) {}

    Body of(HttpServletRequest request, HttpServletResponse response) {
        Problem problem = Problem.ofStatus(response.getStatus());
        String path = request.getRequestURI();
        if (path != null && Problem.isApi(path)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("detail", problem.detail());
            json.put("status", problem.status());
            json.put("title", problem.title());
            return new Body(MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsString(json));
        }
        return new Body(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", page(problem, request, response));
    }

    private String page(Problem problem, HttpServletRequest request, HttpServletResponse response) {
        ServletContext site = servletContext.getObject();
        var exchange = JakartaServletWebApplication.buildApplication(site)
                .buildExchange(new AtTheRoot(request, site), new UnchangedLinks(response));
        WebContext context = new WebContext(exchange, Locale.UK);
        context.setVariable("status", problem.status());
        context.setVariable("title", problem.title());
        context.setVariable("detail", problem.detail());
        context.setVariable("errors", List.of());
        return templates.getObject().process("error", context);
    }

    /**
     * The request as if it had reached the site: its links are made against the site's root,
     * whatever the malformed path was.
     */
    private static final class AtTheRoot extends HttpServletRequestWrapper {

        private final ServletContext site;

        AtTheRoot(HttpServletRequest request, ServletContext site) {
            super(request);
            this.site = site;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public ServletContext getServletContext() {
            return site;
        }
    }

    /** No session id is ever added to a link: such a request has no session. */
    private static final class UnchangedLinks extends HttpServletResponseWrapper {

        UnchangedLinks(HttpServletResponse response) {
            super(response);
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }
    }
}
