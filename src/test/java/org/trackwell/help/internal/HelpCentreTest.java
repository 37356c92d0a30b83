package org.trackwell.help.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackwell.help.internal.HelpCentre.Section;

class HelpCentreTest {

    private final HelpCentre help = new HelpCentre(List.of("""
            # Caseload

            Your clients.

            > **Tip:** Search by *code*.

            ## Finding a client

            Type the code. <script>alert(1)</script> [click](javascript:alert(1))
            """, """
            # Glossary

            ## Caseness

            A score at or above the cut-off, as on the caseload.
            """));

    @Test
    void rawHtmlIsEscapedAndUnsafeLinksDropped() {
        assertThat(help.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;")
                .doesNotContain("javascript:");
    }

    @Test
    void everyHeadingHasAnAnchorAndTheFilesTitlesAreSecondLevel() {
        assertThat(help.sections())
                .extracting(Section::anchor)
                .containsExactly("caseload", "finding-a-client", "glossary", "caseness");
        assertThat(help.html()).contains("<h2 id=\"caseload\">", "<h3 id=\"caseness\">");
    }

    @Test
    void aQuoteStartingWithTipIsThePartsFirstTimeTip() {
        assertThat(help.section("caseload").orElseThrow().tipHtml()).hasValue("<p>Search by <em>code</em>.</p>\n");
        assertThat(help.section("finding-a-client").orElseThrow().tipHtml()).isEmpty();
    }

    @Test
    void searchFindsPartsHoldingEveryWordTitlesFirst() {
        assertThat(help.search("caseload")).extracting(Section::anchor).containsExactly("caseload", "caseness");
        assertThat(help.search("CODE type")).extracting(Section::anchor).containsExactly("finding-a-client");
        assertThat(help.search("  ")).isEmpty();
    }
}
