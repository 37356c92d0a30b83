package org.trackwell.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.shared.ErrorDetail;

/**
 * Query and form fields obey {@link TextRules} before anything reads them, so that no page or
 * search can store or show a control character or a hidden direction override. JSON bodies are
 * checked as they are read, by {@link StrictJson}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = firstProblem(request.getParameterMap());
        if (problem.isPresent()) {
            ErrorDetail.send(request, response, 400, problem.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> firstProblem(Map<String, String[]> fields) {
        for (Map.Entry<String, String[]> field : fields.entrySet()) {
            String name = field.getKey();
            Optional<String> problem = TextRules.problem("", name).map(why -> "A field name " + why);
            for (String value : field.getValue()) {
                problem = problem.or(() -> TextRules.problem(name, value).map(why -> fieldLabel(name) + " " + why));
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static String fieldLabel(String name) {
        return "The field \"" + name + "\"";
    }
}
