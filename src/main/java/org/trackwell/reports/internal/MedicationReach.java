package org.trackwell.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.medication.StockRecords;
import org.trackwell.medication.StockRecords.MedicineName;
import org.trackwell.reports.ReportRefused;

/** The clients a medication report covers: the manager's teams' clients, or one of their teams'. */
@Component
class MedicationReach {

    private final Clients clients;
    private final Accounts accounts;
    private final StockRecords stock;

    MedicationReach(Clients clients, Accounts accounts, StockRecords stock) {
        this.clients = clients;
        this.accounts = accounts;
        this.stock = stock;
    }

    List<ClientRef> clients(SignedInUser user, ReportFilter filter) {
        List<UUID> teams = filter.team() == null ? List.copyOf(user.teams()) : List.of(filter.team());
        if (!user.teams().containsAll(teams)) {
            throw new ReportRefused("Choose one of your teams.");
        }
        List<ClientRef> reached = new ArrayList<>();
        teams.forEach(team -> reached.addAll(clients.inTeam(user, team)));
        return reached;
    }

    /** Staff by their ids, as the audit trail and the register name them. */
    Map<UUID, String> staffNames() {
        return accounts.list().stream().collect(Collectors.toMap(u -> u.id().value(), User::displayName));
    }

    Map<UUID, String> teamNames() {
        return accounts.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
    }

    /** The filters in words, printed with a download. */
    Map<String, String> words(ReportFilter filter, @Nullable String by) {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("Period", Cells.DAY.format(filter.from()) + " to " + Cells.DAY.format(filter.to()));
        if (filter.team() != null) {
            words.put("Team", teamNames().getOrDefault(filter.team(), "unknown team"));
        }
        UUID medicine = filter.medicine();
        if (medicine != null) {
            words.put(
                    "Medicine",
                    stock.medicines().stream()
                            .filter(m -> m.id().equals(medicine))
                            .map(MedicineName::name)
                            .findFirst()
                            .orElse("unknown medicine"));
        }
        if (by != null) {
            words.put("By", by);
        }
        return words;
    }

    /** The filters as the audit trail records them: dates, ids and codes, never names. */
    static Map<String, String> codes(ReportFilter filter, @Nullable String by) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("from", filter.from().toString());
        codes.put("to", filter.to().toString());
        if (filter.team() != null) {
            codes.put("team", filter.team().toString());
        }
        if (filter.medicine() != null) {
            codes.put("medicine", filter.medicine().toString());
        }
        if (by != null) {
            codes.put("by", by);
        }
        return codes;
    }

    static String target(String report, ReportFilter filter, @Nullable String by) {
        return "report:" + report + "?"
                + codes(filter, by).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }
}
