package org.trackwell.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRecord.Access;
import org.trackwell.clients.internal.ClientHistoryRows;
import org.trackwell.clients.internal.ClientRows;
import org.trackwell.clients.internal.ClientRows.IndexedField;
import org.trackwell.clients.internal.Reach;
import org.trackwell.clients.internal.SettingsRows;
import org.trackwell.clients.internal.StoredClient;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client records within the signed-in user's reach. Anything out of reach is "not found", so a
 * code's existence is never revealed. Every read of a record is recorded in the audit trail.
 */
@Service
public class Clients {

    private static final int PAGE_SIZE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientRows rows;
    private final ClientHistoryRows historyRows;
    private final SettingsRows settingsRows;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final Accounts accounts;
    private final AuditTrail trail;
    private final Ids ids;
    private final SecureRandom random;
    private final Clock clock;

    Clients(
            ClientRows rows,
            ClientHistoryRows historyRows,
            SettingsRows settingsRows,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            Accounts accounts,
            AuditTrail trail,
            Ids ids,
            SecureRandom random,
            Clock clock) {
        this.rows = rows;
        this.historyRows = historyRows;
        this.settingsRows = settingsRows;
        this.encryption = encryption;
        this.guard = guard;
        this.accounts = accounts;
        this.trail = trail;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('PRACTITIONER', 'MANAGER')")
    public ClientRecord create(SignedInUser user, NewClient request) {
        if (!user.teams().contains(request.teamId())) {
            throw new ClientChangeRefused("You can add clients only to your own teams.");
        }
        ClientSettings settings = settings();
        Map<Demographic, Object> demographics = ClientFields.demographics(
                request.demographics(),
                settings,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear());
        Identifiers identifiers = ClientFields.identifiers(request.identifiers(), settings);
        String reference = ClientFields.blankToNull(request.reference());
        TenantId tenant = CurrentTenant.require();
        UUID id = ids.next();
        Instant now = clock.instant();
        PseudonymCode code = insert(tenant, id, request.teamId(), reference, demographics, identifiers, user, now);
        guard.check(typed(reference, demographics), request.acknowledgeIdentifying(), target(code));
        if (user.has(Role.PRACTITIONER)) {
            rows.allocate(tenant, id, List.of(user.id()), now);
        }
        trail.record(AuditAction.CLIENT_CREATED, target(code), Outcome.SUCCESS);
        return open(found(user, code.value()));
    }

    /**
     * Replaces the client's reference, demographics and identifiers with the ones given (what is
     * left out is cleared); the same rules and warning as when the client was added.
     */
    @Transactional
    public ClientRecord update(SignedInUser user, String code, NewClient changed) {
        StoredClient client = requireFullAccess(user, code);
        ClientSettings settings = settings();
        Map<Demographic, Object> demographics = ClientFields.demographics(
                changed.demographics(),
                settings,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear());
        Identifiers identifiers = ClientFields.identifiers(changed.identifiers(), settings);
        String reference = ClientFields.blankToNull(changed.reference());
        guard.check(typed(reference, demographics), changed.acknowledgeIdentifying(), target(client.code()));
        TenantId tenant = CurrentTenant.require();
        rows.update(row(tenant, client.id(), client.code(), client.teamId(), reference, demographics, identifiers));
        trail.record(AuditAction.CLIENT_UPDATED, target(client.code()), Outcome.SUCCESS);
        return open(found(user, code));
    }

    /** The client's record as the user may see it; reading it is recorded. */
    @Transactional
    public ClientRecord record(SignedInUser user, String code) {
        StoredClient client = found(user, code);
        trail.record(AuditAction.CLIENT_VIEWED, target(client.code()), Outcome.SUCCESS);
        return open(client);
    }

    /** The client, if the user may see its clinical record (carers may not). */
    StoredClient requireFullAccess(SignedInUser user, String code) {
        StoredClient client = found(user, code);
        if (client.access() != Access.FULL) {
            throw outOfReach(user, client.code());
        }
        return client;
    }

    /**
     * For other modules: the client, if the user may see its clinical record. Nothing is recorded
     * here; the caller records what it does with the client.
     */
    public ClientRef clinical(SignedInUser user, String code) {
        return ref(requireFullAccess(user, code));
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
        };
        viewed.ifPresent(read -> trail.record(read, target(client.code()), Outcome.SUCCESS));
        return ref(client);
    }

    /** For the medication module: the client, if the user may see its medication (carers may). */
    public ClientRef forMedication(SignedInUser user, String code) {
        return ref(found(user, code));
    }

    /**
     * For the medication round: the clients of one of the user's teams within their reach (carers
     * and managers: the whole team; practitioners: their allocated clients in it).
     */
    @Transactional(readOnly = true)
    public List<ClientRef> inTeam(SignedInUser user, UUID team) {
        if (!user.teams().contains(team)) {
            throw new ClientChangeRefused("That is not one of your teams.");
        }
        return rows.caseload(Reach.of(user), new CaseloadFilter(team, null, null), 2_000, 0).stream()
                .map(summary -> new ClientRef(summary.id(), summary.code(), summary.teamId()))
                .toList();
    }

    /** For work done without a user (client links, scheduled jobs): the client by id, in this tenant. */
    public Optional<ClientRef> byId(UUID id) {
        return rows.findById(id).map(Clients::ref);
    }

    /**
     * The address to send the client a measure at: only when the service records e-mail addresses,
     * one is on file, and the client's latest consent to be contacted by e-mail for measures is yes.
     */
    @Transactional(readOnly = true)
    public Optional<String> emailForMeasures(ClientRef client) {
        boolean consented = historyRows.consents(client.id()).stream()
                .anyMatch(c -> c.purpose() == Consent.Purpose.CONTACT_BY_EMAIL_FOR_MEASURES && c.given());
        return rows.findById(client.id())
                .filter(stored -> consented)
                .map(stored -> stored.identifiers().get(Identifier.EMAIL))
                .map(ciphertext -> encryption.open(address(CurrentTenant.require(), client.id(), "email"), ciphertext));
    }

    private static ClientRef ref(StoredClient client) {
        return new ClientRef(client.id(), client.code(), client.teamId());
    }

    @Transactional
    public List<ClientSummary> caseload(SignedInUser user, CaseloadFilter filter, int page) {
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return rows.caseload(Reach.of(user), filter, PAGE_SIZE + 1, (long) page * PAGE_SIZE);
    }

    public static int pageSize() {
        return PAGE_SIZE;
    }

    /** Exact search through a blind index: by the service's reference, NHS number or e-mail. */
    @Transactional
    public List<PseudonymCode> search(SignedInUser user, IndexedField field, String value) {
        String normalised = switch (field) {
            case REFERENCE -> normalisedReference(value);
            case NHS_NUMBER ->
                NhsNumber.parse(value)
                        .map(NhsNumber::digits)
                        .orElseThrow(() -> new ClientDetailsInvalid("That is not a valid NHS number."));
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
        };
        trail.record(AuditAction.CLIENT_SEARCHED, null, Outcome.SUCCESS);
        return rows.findByIndex(field, index(field, normalised), Reach.of(user)).stream()
                .map(StoredClient::code)
                .toList();
    }

    /** Managers allocate their teams' clients to practitioners; the change is recorded. */
    @Transactional
    public void allocate(SignedInUser user, String code, List<UserId> practitioners) {
        StoredClient client = requireFullAccess(user, code);
        if (!user.has(Role.MANAGER) || !user.teams().contains(client.teamId())) {
            throw new AccessDeniedException("only the client's team managers");
        }
        List<User> staff = accounts.list();
        for (UserId practitioner : practitioners) {
            boolean isPractitioner = staff.stream()
                    .anyMatch(u -> u.id().equals(practitioner) && u.roles().contains(Role.PRACTITIONER));
            if (!isPractitioner) {
                throw new ClientChangeRefused("Clients can be allocated only to practitioners.");
            }
        }
        Integer cap = settings().openCaseCap();
        if (cap != null && hasOpenEpisode(client)) {
            for (UserId practitioner : practitioners) {
                if (!rows.practitioners(client.id()).contains(practitioner)
                        && rows.openCasesOf(practitioner, client.id()) >= cap) {
                    throw new ClientChangeRefused(
                            "That practitioner already has " + cap + " open cases, the most this service allows.");
                }
            }
        }
        rows.allocate(CurrentTenant.require(), client.id(), practitioners, clock.instant());
        trail.record(AuditAction.CLIENT_ALLOCATED, target(client.code()), Outcome.SUCCESS);
    }

    /**
     * Who accessed the client's record, and what they did: for the managers of the client's team.
     * Looking is itself recorded.
     */
    @Transactional
    public List<AuditEntry> accessLog(SignedInUser user, String code) {
        StoredClient client = requireFullAccess(user, code);
        if (!user.has(Role.MANAGER) || !user.teams().contains(client.teamId())) {
            throw new AccessDeniedException("only the client's team managers");
        }
        List<AuditEntry> entries = trail.about(target(client.code()), 500);
        trail.record(AuditAction.CLIENT_ACCESS_LOG_VIEWED, target(client.code()), Outcome.SUCCESS);
        return entries;
    }

    @Transactional(readOnly = true)
    public ClientSettings settings() {
        return settingsRows.find().orElseGet(ClientSettings::defaults);
    }

    /** A tenant admin chooses which identifiers and demographics the service records. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ClientSettings changeSettings(ClientSettings settings) {
        if (settings.openCaseCap() != null && (settings.openCaseCap() < 1 || settings.openCaseCap() > 1000)) {
            throw new ClientDetailsInvalid("The cap on open cases must be between 1 and 1000.");
        }
        ClientSettings before = settings();
        settingsRows.save(CurrentTenant.require(), settings);
        trail.record(AuditAction.CLIENT_SETTINGS_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("client-settings", ClientSettingsAudit.of(before), ClientSettingsAudit.of(settings));
        return settings;
    }

    static String target(PseudonymCode code) {
        return "client:" + code;
    }

    StoredClient found(SignedInUser user, String code) {
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

    boolean hasOpenEpisode(StoredClient client) {
        return rows.hasOpenEpisode(client.id());
    }

    private PseudonymCode insert(
            TenantId tenant,
            UUID id,
            UUID teamId,
            @Nullable String reference,
            Map<Demographic, Object> demographics,
            Identifiers identifiers,
            SignedInUser user,
            Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            PseudonymCode code = PseudonymCode.random(random);
            if (rows.insert(
                    tenant, row(tenant, id, code, teamId, reference, demographics, identifiers), user.id(), now)) {
                return code;
            }
        }
        throw new IllegalStateException("no free pseudonym code after 10 attempts");
    }

    /** A client's row with every identifying value sealed and indexed. */
    private ClientRows.NewRow row(
            TenantId tenant,
            UUID id,
            PseudonymCode code,
            UUID teamId,
            @Nullable String reference,
            Map<Demographic, Object> demographics,
            Identifiers identifiers) {
        Map<Identifier, EncryptedText> ciphertexts = new EnumMap<>(Identifier.class);
        for (Identifier identifier : Identifier.values()) {
            String value = identifiers.get(identifier);
            if (value != null) {
                ciphertexts.put(identifier, seal(tenant, id, identifier.name().toLowerCase(Locale.ROOT), value));
            }
        }
        Map<Demographic, Object> chosen = new EnumMap<>(Demographic.class);
        Map<Demographic, Object> typed = new EnumMap<>(Demographic.class);
        demographics.forEach(
                (demographic, value) -> (demographic.isFreeText() ? typed : chosen).put(demographic, value));
        return new ClientRows.NewRow(
                id,
                code,
                teamId,
                reference == null ? null : seal(tenant, id, "reference", reference),
                reference == null ? null : index(IndexedField.REFERENCE, normalisedReference(reference)),
                JSON.writeValueAsString(chosen),
                typed.isEmpty() ? null : seal(tenant, id, "demographics_text", JSON.writeValueAsString(typed)),
                ciphertexts,
                identifiers.nhsNumber() == null ? null : index(IndexedField.NHS_NUMBER, identifiers.nhsNumber()),
                identifiers.email() == null ? null : index(IndexedField.EMAIL, identifiers.email()));
    }

    private ClientRecord open(StoredClient client) {
        TenantId tenant = CurrentTenant.require();
        Map<Identifier, String> opened = new EnumMap<>(Identifier.class);
        client.identifiers()
                .forEach((identifier, ciphertext) -> opened.put(
                        identifier,
                        encryption.open(
                                address(tenant, client.id(), identifier.name().toLowerCase(Locale.ROOT)), ciphertext)));
        boolean full = client.access() == Access.FULL;
        Identifiers identifiers = new Identifiers(
                opened.get(Identifier.NAME),
                opened.get(Identifier.DATE_OF_BIRTH),
                full ? opened.get(Identifier.NHS_NUMBER) : null,
                full ? opened.get(Identifier.ADDRESS) : null,
                full ? opened.get(Identifier.EMAIL) : null,
                full ? opened.get(Identifier.PHONE) : null);
        return new ClientRecord(
                client.id(),
                client.code(),
                client.teamId(),
                client.access(),
                full && client.reference() != null
                        ? encryption.open(address(tenant, client.id(), "reference"), client.reference())
                        : null,
                full ? demographics(tenant, client) : Map.of(),
                identifiers,
                client.risk(),
                full ? rows.practitioners(client.id()) : List.of());
    }

    private Map<Demographic, Object> demographics(TenantId tenant, StoredClient client) {
        Map<Demographic, Object> demographics = new EnumMap<>(Demographic.class);
        demographics.putAll(demographics(client.demographicsJson()));
        if (client.demographicsText() != null) {
            demographics.putAll(demographics(
                    encryption.open(address(tenant, client.id(), "demographics_text"), client.demographicsText())));
        }
        return demographics;
    }

    private static Map<Demographic, Object> demographics(String json) {
        Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        Map<Demographic, Object> demographics = new EnumMap<>(Demographic.class);
        raw.forEach((key, value) -> demographics.put(Demographic.valueOf(key), value));
        return demographics;
    }

    /** What the user typed in their own words, for the identifying-text warning. */
    private static List<String> typed(@Nullable String reference, Map<Demographic, Object> demographics) {
        List<String> texts = new ArrayList<>();
        if (reference != null) {
            texts.add(reference);
        }
        demographics.forEach((demographic, value) -> {
            if (demographic.isFreeText()) {
                if (value instanceof List<?> items) {
                    items.forEach(item -> texts.add(item.toString()));
                } else {
                    texts.add(value.toString());
                }
            }
        });
        return texts;
    }

    private EncryptedText seal(TenantId tenant, UUID client, String column, String value) {
        return encryption.seal(address(tenant, client, column), value);
    }

    private static FieldAddress address(TenantId tenant, UUID client, String column) {
        return FieldAddress.ofClient(tenant, client, "client", column, client.toString());
    }

    private String index(IndexedField field, String normalised) {
        return encryption.blindIndex(
                CurrentTenant.require(), "client." + field.name().toLowerCase(Locale.ROOT), normalised);
    }

    private static String normalisedReference(String reference) {
        return reference.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
