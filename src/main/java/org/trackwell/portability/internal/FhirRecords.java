package org.trackwell.portability.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.trackwell.shared.Ids;
import org.trackwell.shared.ServiceTimeZone;

/**
 * Clients' records as FHIR R4 resources (HAPI FHIR's structures and parser), written as one
 * Bundle of type collection, client by client, so that a whole tenant streams: Patient,
 * EpisodeOfCare, QuestionnaireResponse with an Observation for each score, Goal, MedicationRequest
 * and MedicationAdministration (given, not given with why, and missed). The Patient carries the
 * pseudonym code only, and the identifiers the tenant's client settings turn on.
 */
@Component
class FhirRecords {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final ClinicalRows rows;
    private final Ids ids;
    private final ServiceTimeZone zone;

    FhirRecords(ClinicalRows rows, Ids ids, ServiceTimeZone zone) {
        this.rows = rows;
        this.ids = ids;
        this.zone = zone;
    }

    /** Writes a Bundle of the clients' records to {@code out}; returns how many resources it holds. */
    long write(List<UUID> clients, Instant at, OutputStream out) {
        IParser parser = FHIR.newJsonParser();
        Set<String> identifiersOn = rows.identifiersOn();
        LocalDate today = at.atZone(zone.zone()).toLocalDate();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("{\"resourceType\":\"Bundle\",\"id\":\"" + ids.next()
                    + "\",\"type\":\"collection\",\"timestamp\":\""
                    + FhirResources.dateTime(at).getValueAsString() + "\",\"entry\":[");
            long count = 0;
            for (UUID client : clients) {
                for (Resource resource : resources(client, identifiersOn, today)) {
                    writer.write(count++ == 0 ? "" : ",");
                    writer.write(
                            "{\"fullUrl\":\"urn:uuid:" + resource.getIdElement().getIdPart() + "\",\"resource\":"
                                    + parser.encodeResourceToString(resource) + "}");
                }
                writer.flush();
            }
            writer.write("]}");
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Resource> resources(UUID id, Set<String> identifiersOn, LocalDate today) {
        List<Resource> resources = new ArrayList<>();
        rows.client(id, identifiersOn).ifPresent(client -> {
            Reference subject = FhirResources.reference(client.id());
            resources.add(FhirResources.patient(client));
            rows.episodes(id).forEach(episode -> resources.add(FhirResources.episode(episode, subject)));
            for (ClinicalRows.Answer answer : rows.answers(id)) {
                resources.add(FhirResources.response(answer, subject));
                if (answer.total() != null) {
                    resources.add(FhirResources.score(ids.next(), answer, subject));
                }
            }
            rows.goals(id).forEach(goal -> resources.add(FhirResources.goal(goal, subject)));
            Map<UUID, ClinicalRows.PrescriptionRow> prescribed = rows.prescriptions(id).stream()
                    .collect(Collectors.toMap(ClinicalRows.PrescriptionRow::id, Function.identity()));
            prescribed.values().forEach(p -> resources.add(FhirResources.request(p, subject, today)));
            rows.doses(id)
                    .forEach(dose ->
                            resources.add(FhirResources.dose(dose, prescribed.get(dose.prescription()), subject)));
            rows.missed(id)
                    .forEach(missed -> resources.add(
                            FhirResources.missed(ids.next(), missed, prescribed.get(missed.prescription()), subject)));
        });
        return resources;
    }
}
