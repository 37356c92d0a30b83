package org.trackwell.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.internal.CaseloadRows;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientErased;
import org.trackwell.clients.internal.ClientFlag;
import org.trackwell.clients.internal.ClientHistoryRows;
import org.trackwell.clients.internal.ClientNotFound;
import org.trackwell.clients.internal.ClientOversight;
import org.trackwell.clients.internal.ClientRecord.Access;
import org.trackwell.clients.internal.ClientRows;
import org.trackwell.clients.internal.Consent;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.Reach;
import org.trackwell.clients.internal.ReachedRow;
import org.trackwell.clients.internal.StoredClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;

/**
 * Finding clients within the signed-in user's reach. Anything out of reach is "not found", so a
 * code's existence is never revealed, and the attempt is recorded. A request that names a client
 * finds it here once ({@link ReachedClient}); everything after takes the {@link ClientRef}.
 */
@Service
public class Clients {

    private static final int PAGE_SIZE = 50;

    private final ClientRows rows;
    private final CaseloadRows caseloads;
    private final ClientHistoryRows historyRows;
    private final FieldEncryption encryption;
    private final AuditTrail trail;
    private final ServiceTimeZone zone;
    private final Clock clock;

    Clients(
            ClientRows rows,
            CaseloadRows caseloads,
            ClientHistoryRows historyRows,
            FieldEncryption encryption,
            AuditTrail trail,
            ServiceTimeZone zone,
            Clock clock) {
        this.clock = clock;
        this.rows = rows;
        this.caseloads = caseloads;
        this.historyRows = historyRows;
        this.encryption = encryption;
        this.trail = trail;
        this.zone = zone;
    }

    /**
     * The client a request names, within the user's reach for what it needs, with the request's
     * one read recorded when it reads ({@link ReachedClient}).
     */
    @Transactional
    public ClientRef reach(SignedInUser user, String code, ReachedClient.Need need, Optional<AuditAction> viewed) {
        StoredClient client = switch (need) {
            case CLINICAL_RECORD -> requireFullAccess(user, code);
            case MEDICATION_RECORD -> found(user, code);
            case ACCESS_LOG -> managedBy(user, requireFullAccess(user, code));
        };
        if (client.erased() != null) {
            throw new ClientErased(client.code(), client.erased(), zone.zone());
        }
        viewed.ifPresent(read -> trail.record(read, target(client.code()), Outcome.SUCCESS));
        ReachedRow.keep(user.id(), client);
        return ref(client);
    }

    /**
     * For the medication round: the clients of one of the user's teams within their reach (carers
     * and managers: the whole team; practitioners: their allocated clients in it).
     */
    @Transactional(readOnly = true)
    public List<ClientRef> inTeam(SignedInUser user, UUID team) {
        if (!user.teams().contains(team)) {
            throw new ClientDetailsInvalid("That is not one of your teams.");
        }
        return caseloads.caseload(Reach.of(user), new CaseloadFilter(team, null, null), 2_000, 0).stream()
                .filter(summary -> !summary.erased())
                .map(summary -> new ClientRef(summary.id(), summary.code(), summary.teamId()))
                .toList();
    }

    /** For work done without a user (client links, scheduled jobs): the client by id, in this tenant. */
    public Optional<ClientRef> byId(UUID id) {
        return rows.findById(id).map(Clients::ref);
    }

    /**
     * For the tenant admin who erases a client (erasure module): the client by code, whoever may
     * see its record, since an admin sees no clinical content and needs none to name the client.
     */
    @Transactional(readOnly = true)
    public Optional<ClientRef> byCode(String code) {
        return PseudonymCode.parse(code).flatMap(rows::findAnyone).map(Clients::ref);
    }

    /** For the retention job: every client not erased, with what the retention rules need. */
    @Transactional(readOnly = true)
    public List<RetentionFacts> retentionFacts() {
        return rows.retentionFacts();
    }

    /** When the client's record was erased, and by which request; empty while it is not. */
    @Transactional(readOnly = true)
    public Optional<Erased> erased(ClientRef client) {
        return rows.findById(client.id())
                .map(StoredClient::erased)
                .map(tombstone -> new Erased(tombstone.at(), tombstone.request()));
    }

    /** The tenant's erased clients, whom jobs leave out: nothing sealed for them opens. */
    @Transactional(readOnly = true)
    public Set<UUID> erased() {
        return rows.erased();
    }

    /** The tombstone of an erased client: when, and by which erasure request. */
    public record Erased(Instant at, int request) {}

    /**
     * Erases the client for good: destroys their key, after which nothing sealed for them opens
     * again anywhere (crypto-shredding, docs/keys.md), and leaves only the tombstone on their row.
     */
    @Transactional
    public void erase(ClientRef client, int request) {
        encryption.destroyClientKey(CurrentTenant.require(), client.id());
        rows.erase(client.id(), request, clock.instant());
    }

    /**
     * The address to send the client a measure at: only when the service records e-mail addresses,
     * one is on file, and the client's latest consent to be contacted by e-mail for measures is yes;
     * never for an erased client, whose address no longer opens.
     */
    @Transactional(readOnly = true)
    public Optional<String> emailForMeasures(ClientRef client) {
        boolean consented = historyRows.consents(client.id()).stream()
                .anyMatch(c -> c.purpose() == Consent.Purpose.CONTACT_BY_EMAIL_FOR_MEASURES && c.given());
        return rows.findById(client.id())
                .filter(stored -> consented && stored.erased() == null)
                .map(stored -> stored.identifiers().get(Identifier.EMAIL))
                .map(ciphertext -> encryption.open(
                        FieldAddress.ofClient(
                                CurrentTenant.require(),
                                client.id(),
                                "client",
                                "email",
                                client.id().toString()),
                        ciphertext));
    }

    /** The clients within the user's reach, a page at a time; listing them is recorded. */
    @Transactional
    public List<ClientSummary> caseload(SignedInUser user, CaseloadFilter filter, int page) {
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return caseloads.caseload(Reach.of(user), filter, PAGE_SIZE + 1, (long) page * PAGE_SIZE);
    }

    /**
     * The clients within the user's clinical reach (as practitioner or manager, never as carer), a
     * page at a time; listing them is recorded.
     */
    @Transactional
    public List<ClientSummary> clinicalCaseload(SignedInUser user, CaseloadFilter filter, int page) {
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return caseloads.caseload(Reach.clinicalOf(user), filter, PAGE_SIZE + 1, (long) page * PAGE_SIZE);
    }

    /**
     * The page of the caseload just after the client with code {@code after}, newest first, found
     * from that client instead of counted from the start; listing them is recorded. A code that is
     * not a client within reach is refused, so it tells nothing about clients out of reach.
     */
    @Transactional
    public List<ClientSummary> caseloadAfter(SignedInUser user, CaseloadFilter filter, String after) {
        Reach reach = Reach.of(user);
        CaseloadRows.Position position = position(after, reach, "after");
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return caseloads.caseload(reach, filter, PAGE_SIZE + 1, 0, position);
    }

    /**
     * The page of the caseload just before the client with code {@code before}, newest first, one
     * more than a page when there are more before it; found and refused as {@link #caseloadAfter}.
     */
    @Transactional
    public List<ClientSummary> caseloadBefore(SignedInUser user, CaseloadFilter filter, String before) {
        Reach reach = Reach.of(user);
        CaseloadRows.Position position = position(before, reach, "before");
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return caseloads.caseloadBefore(reach, filter, PAGE_SIZE + 1, position);
    }

    private CaseloadRows.Position position(String code, Reach reach, String parameter) {
        return PseudonymCode.parse(code)
                .flatMap(parsed -> caseloads.position(parsed, reach))
                .orElseThrow(
                        () -> new ClientDetailsInvalid(parameter + ": no client with that code in your caseload."));
    }

    /** What the client's open flags say, newest first; the caller has recorded the read. */
    @Transactional(readOnly = true)
    public List<String> openFlags(ClientRef client) {
        return historyRows.openFlags(client.id()).stream()
                .map(ClientFlag::message)
                .toList();
    }

    public static int pageSize() {
        return PAGE_SIZE;
    }

    static String target(PseudonymCode code) {
        return "client:" + code;
    }

    private static ClientRef ref(StoredClient client) {
        return new ClientRef(client.id(), client.code(), client.teamId());
    }

    private static StoredClient managedBy(SignedInUser user, StoredClient client) {
        ClientOversight.requireTeamManager(user, client.teamId());
        return client;
    }

    /** The client, if the user may see its clinical record (carers may not). */
    private StoredClient requireFullAccess(SignedInUser user, String code) {
        StoredClient client = found(user, code);
        if (client.access() != Access.FULL) {
            throw outOfReach(user, client.code());
        }
        return client;
    }

    private StoredClient found(SignedInUser user, String code) {
        Reach reach = Reach.of(user);
        Optional<PseudonymCode> parsed = PseudonymCode.parse(code);
        Optional<StoredClient> client =
                parsed.filter(any -> reach.seesAnyone()).flatMap(known -> rows.find(known, reach));
        if (client.isPresent()) {
            return client.get();
        }
        throw parsed.filter(rows::exists)
                .map(existing -> outOfReach(user, existing))
                .orElseGet(ClientNotFound::new);
    }

    /**
     * A client that exists but is beyond the user's reach: the user hears "not found", as for a
     * code that does not exist, and the trail records who tried to read whom. Recorded on its
     * own, since the refusal rolls back the request's transaction.
     */
    private ClientNotFound outOfReach(SignedInUser user, PseudonymCode code) {
        trail.recordSeparately(user.asActor(), AuditAction.CLIENT_ACCESS_DENIED, target(code), Outcome.DENIED);
        return new ClientNotFound();
    }
}
