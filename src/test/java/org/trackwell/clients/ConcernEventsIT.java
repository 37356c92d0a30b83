package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * A concern another module raises about a client is an event stored with the transaction that
 * raised it: handled, it is gone; one whose flag could not be raised stays, to be handed on again
 * at the next start. (The flags themselves: OutcomesIT, MedicationIT.)
 */
@TrackwellTest
class ConcernEventsIT {

    @Autowired
    Tenants tenants;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ApplicationEventPublisher events;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());

    @Test
    void aConcernWhoseFlagCouldNotBeRaisedIsKeptForTheNextStart() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("concerns"), "Concerns Service");
        UUID nobody = UUID.randomUUID();
        transactions.inTenant(tenant.id(), () -> {
            events.publishEvent(new ConcernRaised(tenant.id(), nobody, "outcomes", "A test concern."));
            return null;
        });
        assertThat(waiting(nobody)).as("kept, not handled").isEqualTo(1);
    }

    @Test
    void aConcernRaisedInATransactionThatRollsBackIsNeverHandedOn() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("concerns"), "Concerns Service");
        UUID nobody = UUID.randomUUID();
        try {
            transactions.inTenant(tenant.id(), () -> {
                events.publishEvent(new ConcernRaised(tenant.id(), nobody, "outcomes", "A test concern."));
                throw new IllegalStateException("the work that raised it failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertThat(waiting(nobody)).isZero();
    }

    private long waiting(UUID client) {
        return superuser
                .sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like :c")
                .param("c", "%" + client + "%")
                .query(Long.class)
                .single();
    }
}
