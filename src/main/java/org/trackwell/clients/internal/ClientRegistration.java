package org.trackwell.clients.internal;

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
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientCreated;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.internal.ClientRecord.Access;
import org.trackwell.clients.internal.ClientRows.IndexedField;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering a client, their details, and finding them by an identifier. Every identifying value
 * is sealed under the client's key; the reference, NHS number and e-mail are found again through
 * blind indexes only.
 */
@Service
public class ClientRegistration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientRows rows;
    private final AllocationRows allocations;
    private final Settings settings;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final SecureRandom random;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DetailsChanges changes;

    ClientRegistration(
            ClientRows rows,
            AllocationRows allocations,
            Settings settings,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            SecureRandom random,
            Clock clock,
            ApplicationEventPublisher events,
            DetailsChanges changes) {
        this.events = events;
        this.changes = changes;
        this.rows = rows;
        this.allocations = allocations;
        this.settings = settings;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('PRACTITIONER', 'MANAGER')")
    public ClientRecord create(SignedInUser user, NewClient request) {
        if (!user.teams().contains(request.teamId())) {
            throw new ClientDetailsInvalid("You can add clients only to your own teams.");
        }
        Details details = details(request);
        TenantId tenant = CurrentTenant.require();
        UUID id = ids.next();
        Instant now = clock.instant();
        PseudonymCode code = insert(tenant, id, request.teamId(), details, user, now);
        String target = new ClientRef(id, code, request.teamId()).auditTarget();
        guard.check(details.typed(), request.acknowledgeIdentifying(), target);
        if (user.has(Role.PRACTITIONER)) {
            allocations.allocate(tenant, id, List.of(user.id()), now);
        }
        trail.record(AuditAction.CLIENT_CREATED, target, Outcome.SUCCESS);
        events.publishEvent(new ClientCreated(tenant, id, code, request.teamId(), now));
        return open(stored(id));
    }

    /**
     * Replaces the client's reference, demographics and identifiers with the ones given (what is
     * left out is cleared); the same rules and warning as when the client was added.
     */
    @Transactional
    public ClientRecord update(SignedInUser user, ClientRef client, NewClient changed) {
        Details details = details(changed);
        guard.check(details.typed(), changed.acknowledgeIdentifying(), client.auditTarget());
        TenantId tenant = CurrentTenant.require();
        List<String> fields = changedFields(open(stored(client.id())), details);
        rows.update(row(tenant, client.id(), client.code(), client.teamId(), details));
        if (!fields.isEmpty()) {
            changes.add(tenant, ids.next(), client.id(), fields, user.id(), clock.instant());
        }
        trail.record(AuditAction.CLIENT_UPDATED, client.auditTarget(), Outcome.SUCCESS);
        return open(stored(client.id()));
    }

    /** Who changed which of the client's details, and when, newest first. */
    @Transactional(readOnly = true)
    public List<DetailsChanges.Change> changes(ClientRef client) {
        return changes.of(client.id());
    }

    /** The fields whose values differ, compared as the user sees them (the sealed bytes always do). */
    private static List<String> changedFields(ClientRecord before, Details after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.reference(), after.reference())) {
            fields.add("REFERENCE");
        }
        for (Identifier identifier : Identifier.values()) {
            if (!Objects.equals(
                    before.identifiers().get(identifier), after.identifiers().get(identifier))) {
                fields.add(identifier.name());
            }
        }
        for (Demographic demographic : Demographic.values()) {
            Object was = before.demographics().get(demographic);
            Object is = after.demographics().get(demographic);
            if (!Objects.equals(was == null ? null : String.valueOf(was), is == null ? null : String.valueOf(is))) {
                fields.add(demographic.name());
            }
        }
        return fields;
    }

    /**
     * The client's record as the user may see it: carers, who reach the medication record only,
     * see no clinical parts. The row is the one the request's reach check found, when it ran one.
     */
    @Transactional(readOnly = true)
    public ClientRecord record(SignedInUser user, ClientRef client) {
        return open(ReachedRow.take(user.id(), client.code())
                .or(() -> rows.find(client.code(), Reach.of(user)))
                .orElseThrow(ClientNotFound::new));
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

    private StoredClient stored(UUID id) {
        return rows.findById(id).orElseThrow(ClientNotFound::new);
    }

    /** What the user gave for a client, checked against the tenant's settings. */
    private record Details(@Nullable String reference, Map<Demographic, Object> demographics, Identifiers identifiers) {

        /** What the user typed in their own words, for the identifying-text warning. */
        List<String> typed() {
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
    }

    private Details details(NewClient given) {
        ClientSettings current = settings.current();
        Map<Demographic, Object> demographics = ClientFields.demographics(
                given.demographics(),
                current,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear());
        Identifiers identifiers = ClientFields.identifiers(given.identifiers(), current);
        return new Details(ClientFields.blankToNull(given.reference()), demographics, identifiers);
    }

    private PseudonymCode insert(
            TenantId tenant, UUID id, UUID teamId, Details details, SignedInUser user, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            PseudonymCode code = PseudonymCode.random(random);
            if (rows.insert(tenant, row(tenant, id, code, teamId, details), user.id(), now)) {
                return code;
            }
        }
        throw new IllegalStateException("no free pseudonym code after 10 attempts");
    }

    /** A client's row with every identifying value sealed and indexed. */
    private ClientRows.NewRow row(TenantId tenant, UUID id, PseudonymCode code, UUID teamId, Details details) {
        String reference = details.reference();
        Map<Demographic, Object> demographics = details.demographics();
        Identifiers identifiers = details.identifiers();
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
                full ? allocations.practitioners(client.id()) : List.of());
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
