package org.trackwell.help.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The help, read once from the Markdown files of docs/help that the build copies into the jar
 * ({@code help/*.md}), in the order of their names. Rendered with raw HTML escaped and unsafe links
 * dropped, so that what it shows is safe under the pages' content security policy.
 */
@Component
public class HelpCentre {

    /** A part of the help under one heading: what a help link and a search result point to. */
    public record Section(String anchor, String title, String text, Optional<String> tipHtml) {}

    private static final String TIP = "Tip:";

    private final String html;
    private final List<Section> sections;

    HelpCentre() {
        this(files());
    }

    HelpCentre(List<String> files) {
        Parser parser = Parser.builder().build();
        Document document = new Document();
        for (String markdown : files) {
            Node page = parser.parse(markdown);
            lowerHeadings(page);
            while (page.getFirstChild() != null) {
                document.appendChild(page.getFirstChild());
            }
        }
        Map<Heading, String> anchors = anchors(document);
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading heading && anchors.containsKey(heading)) {
                        attributes.put("id", anchors.get(heading));
                    }
                    if (node instanceof BlockQuote) {
                        attributes.put("class", "help-tip");
                    }
                })
                .build();
        this.html = renderer.render(document);
        this.sections = sections(document, anchors, renderer);
    }

    /** The whole help as HTML, every heading with its anchor. */
    public String html() {
        return html;
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String anchor) {
        return sections.stream().filter(s -> s.anchor().equals(anchor)).findFirst();
    }

    /** Sections holding every word asked for, those with a word in their title first. */
    public List<Section> search(String query) {
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"))
                .filter(word -> !word.isBlank())
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return sections.stream()
                .filter(s -> words.stream()
                        .allMatch(w -> (s.title() + " " + s.text())
                                .toLowerCase(Locale.ROOT)
                                .contains(w)))
                .sorted(Comparator.comparing((Section s) -> words.stream()
                        .noneMatch(w -> s.title().toLowerCase(Locale.ROOT).contains(w))))
                .toList();
    }

    /** The help page has its own title: each file's title becomes a second-level heading. */
    private static void lowerHeadings(Node page) {
        for (Node node = page.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
            }
        }
    }

    private static Map<Heading, String> anchors(Document document) {
        IdGenerator ids = IdGenerator.builder().build();
        Map<Heading, String> anchors = new IdentityHashMap<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                anchors.put(heading, ids.generateId(plain(heading)));
            }
        }
        return anchors;
    }

    /** A section for each file and each of its parts, up to the next one. */
    private static List<Section> sections(Document document, Map<Heading, String> anchors, HtmlRenderer renderer) {
        List<Section> sections = new ArrayList<>();
        Node node = document.getFirstChild();
        while (node != null) {
            if (node instanceof Heading heading && heading.getLevel() <= 3) {
                StringBuilder text = new StringBuilder();
                @Nullable String tip = null;
                Node body = heading.getNext();
                while (body != null && !(body instanceof Heading next && next.getLevel() <= 3)) {
                    if (body instanceof BlockQuote quote
                            && quote.getFirstChild() instanceof Paragraph first
                            && plain(first).startsWith(TIP)) {
                        tip = renderer.render(first).replaceFirst("<strong>" + TIP + "</strong>\\s*", "");
                    }
                    text.append(plain(body)).append('\n');
                    body = body.getNext();
                }
                sections.add(new Section(
                        Objects.requireNonNull(anchors.get(heading), "every heading has its anchor"),
                        plain(heading),
                        text.toString().strip(),
                        Optional.ofNullable(tip)));
                node = body;
            } else {
                node = node.getNext();
            }
        }
        return List.copyOf(sections);
    }

    private static String plain(Node node) {
        return TextContentRenderer.builder().build().render(node).strip();
    }

    private static List<String> files() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:help/*.md");
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .map(HelpCentre::read)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
