package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.outcomes.internal.ChartLinks;
import org.trackwell.outcomes.internal.ClientProgress;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureLinks;

/** What a client's device calls with a link's token: no account, nothing identifying shown. */
@RestController
@RequestMapping("/api/v1/client-links")
class ClientLinksApi {

    private final MeasureLinks links;
    private final ChartLinks charts;

    ClientLinksApi(MeasureLinks links, ChartLinks charts) {
        this.charts = charts;
        this.links = links;
    }

    record FormView(String service, List<Measure> measures) {}

    record Answers(@NotNull Map<String, Map<String, @Nullable Integer>> answers) {}

    record Pin(@NotNull @Size(max = 12) String pin) {}

    /** The client's current episode's charts. */
    record ChartsView(String primaryMeasure, List<ProgressApi.MeasureProgressView> measures) {}

    @GetMapping("/{token}")
    FormView form(@PathVariable String token) {
        MeasureLinks.MeasureForm form = links.openMeasureLink(token);
        return new FormView(form.serviceName(), form.measures());
    }

    @PostMapping("/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void submit(@PathVariable String token, @Valid @RequestBody Answers body) {
        links.submit(token, body.answers());
    }

    @PostMapping("/{token}/charts")
    ChartsView charts(@PathVariable String token, @Valid @RequestBody Pin body) {
        ClientProgress progress = charts.viewCharts(token, body.pin()).progress();
        return new ChartsView(
                progress.primaryMeasure(), ProgressApi.MeasureProgressView.of(progress.currentMeasures()));
    }
}
