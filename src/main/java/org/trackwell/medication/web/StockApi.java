package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.Stock;
import org.trackwell.medication.internal.StockLevels;
import org.trackwell.medication.internal.StockMovement;
import org.trackwell.medication.internal.StockRegister;

/** A client's stock and the controlled-drug register: receipts, returns, disposals and counts. */
@RestController
@RequestMapping("/api/v1")
class StockApi {

    private final Stock stock;
    private final StockLevels levels;
    private final StockRegister register;

    StockApi(Stock stock, StockLevels levels, StockRegister register) {
        this.stock = stock;
        this.levels = levels;
        this.register = register;
    }

    record ReceiptRequest(
            @NotNull UUID medicineId,
            @NotNull BigDecimal quantity,
            @Nullable @Size(max = 100) String batch,
            @Nullable LocalDate expiresOn,
            @Nullable @Valid WitnessRequest witness) {}

    record RemovalRequest(
            @NotNull UUID medicineId,
            StockMovement.@NotNull Kind kind,
            @NotNull BigDecimal quantity,
            @NotNull @Size(max = 500) String reason,
            @Nullable @Valid WitnessRequest witness,
            @Nullable Boolean acknowledgeIdentifying) {}

    record CountRequest(
            @NotNull UUID medicineId,
            @NotNull BigDecimal counted,
            @Nullable @Valid WitnessRequest witness) {}

    record RegisterView(
            Instant at,
            StockMovement.Kind kind,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable String reason,
            UUID recordedBy,
            @Nullable UUID witnessId,
            BigDecimal balance) {}

    @GetMapping("/clients/{code}/stock")
    List<StockViews.StockLineView> stock(
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.STOCK_VIEWED)
                    ClientRef client) {
        return levels.of(client).stream().map(StockViews.StockLineView::of).toList();
    }

    @PostMapping("/clients/{code}/stock/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    StockViews.StockMovementView receive(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody ReceiptRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return StockViews.StockMovementView.of(stock.receive(
                user,
                client,
                body.medicineId(),
                body.quantity(),
                body.batch(),
                body.expiresOn(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request)));
    }

    @PostMapping("/clients/{code}/stock/removals")
    @ResponseStatus(HttpStatus.CREATED)
    StockViews.StockMovementView remove(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody RemovalRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return StockViews.StockMovementView.of(stock.remove(
                user,
                client,
                body.medicineId(),
                body.kind(),
                body.quantity(),
                body.reason(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request),
                Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @PostMapping("/clients/{code}/stock/counts")
    @ResponseStatus(HttpStatus.CREATED)
    StockViews.CountResultView count(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody CountRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return StockViews.CountResultView.of(stock.count(
                user,
                client,
                body.medicineId(),
                body.counted(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request)));
    }

    @GetMapping("/clients/{code}/stock/{medicine}/register")
    List<RegisterView> register(
            @PathVariable UUID medicine,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.STOCK_REGISTER_VIEWED)
                    ClientRef client) {
        return register.of(client, medicine).stream()
                .map(line -> {
                    StockMovement m = line.movement();
                    return new RegisterView(
                            m.recordedAt(),
                            m.kind(),
                            m.quantity(),
                            m.counted(),
                            m.batch(),
                            m.expiresOn(),
                            m.reason(),
                            m.recordedBy().value(),
                            m.witness() == null ? null : m.witness().value(),
                            line.balance());
                })
                .toList();
    }
}
