package org.trackwell.outcomes.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.trackwell.outcomes.internal.LinkRows.Kind;
import org.trackwell.outcomes.internal.LinkRows.StoredLink;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Tokens;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** What measure and chart links share: finding a usable link by its token, and the service it belongs to. */
@Component
class LinkTokens {

    static final int PIN_TRIES = 5;

    private final LinkRows rows;
    private final Tenants tenants;
    private final Clock clock;

    LinkTokens(LinkRows rows, Tenants tenants, Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.clock = clock;
    }

    StoredLink usable(String token, Kind kind) {
        StoredLink link = rows.byTokenHash(Tokens.hash(token))
                .filter(found -> found.kind() == kind)
                .orElseThrow(LinkUnusable::unknown);
        if (link.revokedAt() != null) {
            throw LinkUnusable.gone("This link has been withdrawn.");
        }
        if (link.usedAt() != null) {
            throw LinkUnusable.gone("This link has already been used.");
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw LinkUnusable.gone("This link has expired.");
        }
        if (link.failedPins() >= PIN_TRIES) {
            throw LinkUnusable.gone("This link is locked after too many wrong PINs.");
        }
        return link;
    }

    String serviceName() {
        return tenant().displayName();
    }

    String baseUrl() {
        return tenants.baseUrl(tenant());
    }

    private Tenant tenant() {
        return tenants.byId(CurrentTenant.require()).orElseThrow();
    }

    static String target(StoredLink link) {
        return "client-link:" + link.id();
    }
}
