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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.trackwell.shared.Ids;

/**
 * Clients' records as FHIR R4 resources (HAPI FHIR's structures and parser), written as one
 * Bundle of type collection, client by client, so that a whole tenant streams: Patient,
 * EpisodeOfCare, QuestionnaireResponse with an Observation for each score, Goal, MedicationRequest
 * and MedicationAdministration (given, not given with why, and missed). The Patient carries the
 * pseudonym code only, and the identifiers the tenant's client settings turn on.
 */
@Component
class FhirRecords {

    static final String PSEUDONYM_SYSTEM = "https://trackwell.org/fhir/pseudonym-code";
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final ClinicalRows rows;
    private final Ids ids;

    FhirRecords(ClinicalRows rows, Ids ids) {
        this.rows = rows;
        this.ids = ids;
    }

    /** Writes a Bundle of the clients' records to {@code out}; returns how many resources it holds. */
    long write(List<UUID> clients, Instant at, OutputStream out) {
        IParser parser = FHIR.newJsonParser();
        Set<String> identifiersOn = rows.identifiersOn();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("{\"resourceType\":\"Bundle\",\"id\":\"" + ids.next() + "\",\"type\":\"collection\","
                    + "\"timestamp\":\""
                    + new DateTimeType(
                                    java.util.Date.from(at),
                                    ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                                    TimeZone.getTimeZone("UTC"))
                            .getValueAsString()
                    + "\",\"entry\":[");
            long count = 0;
            for (UUID client : clients) {
                for (Resource resource : resources(client, identifiersOn)) {
                    writer.write(count == 0 ? "" : ",");
                    writer.write(
                            "{\"fullUrl\":\"urn:uuid:" + resource.getIdElement().getIdPart() + "\",\"resource\":");
                    writer.write(parser.encodeResourceToString(resource));
                    writer.write("}");
                    count++;
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

    /** For tests and callers that want the parsed form: the Bundle of one client's record. */
    static Bundle parse(String json) {
        return FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    private List<Resource> resources(UUID clientId, Set<String> identifiersOn) {
        List<Resource> resources = new ArrayList<>();
        ClinicalRows.Client client = rows.client(clientId, identifiersOn).orElse(null);
        if (client == null) {
            return resources;
        }
        Patient patient = patient(client);
        resources.add(patient);
        Reference subject = reference(patient);
        for (ClinicalRows.EpisodeRow episode : rows.episodes(clientId)) {
            EpisodeOfCare care = new EpisodeOfCare();
            care.setId(episode.id().toString());
            care.setStatus(
                    episode.closedOn() == null
                            ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                            : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
            care.setPatient(subject);
            care.addType(new CodeableConcept().setText(words(episode.stage())));
            Period period = new Period()
                    .setStartElement(new DateTimeType(episode.referredOn().toString()));
            if (episode.closedOn() != null) {
                period.setEndElement(new DateTimeType(episode.closedOn().toString()));
            }
            care.setPeriod(period);
            resources.add(care);
        }
        for (ClinicalRows.Answer answer : rows.answers(clientId)) {
            QuestionnaireResponse response = new QuestionnaireResponse();
            response.setId(answer.id().toString());
            response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
            response.setSubject(subject);
            response.setAuthoredElement(dateTime(answer.recordedAt()));
            response.setIdentifier(new Identifier()
                    .setSystem("https://trackwell.org/fhir/measure")
                    .setValue(answer.measure()));
            answer.answers().forEach((item, value) -> {
                QuestionnaireResponse.QuestionnaireResponseItemComponent component =
                        response.addItem().setLinkId(item);
                if (value != null) {
                    component.addAnswer().setValue(new org.hl7.fhir.r4.model.IntegerType(value));
                }
            });
            resources.add(response);
            if (answer.total() != null) {
                Observation score = new Observation();
                score.setId(ids.next().toString());
                score.setStatus(Observation.ObservationStatus.FINAL);
                score.setCode(new CodeableConcept().setText(answer.measure() + " total score"));
                score.setSubject(subject);
                score.setEffective(dateTime(answer.recordedAt()));
                score.setValue(new Quantity().setValue(answer.total()));
                if (answer.band() != null) {
                    score.addInterpretation(new CodeableConcept().setText(words(answer.band())));
                }
                score.addDerivedFrom(reference(response));
                resources.add(score);
            }
        }
        for (ClinicalRows.GoalRow row : rows.goals(clientId)) {
            Goal goal = new Goal();
            goal.setId(row.id().toString());
            goal.setLifecycleStatus(
                    row.closedAt() == null ? Goal.GoalLifecycleStatus.ACTIVE : Goal.GoalLifecycleStatus.COMPLETED);
            goal.addCategory(new CodeableConcept().setText(words(row.kind())));
            goal.setDescription(new CodeableConcept().setText(row.wording() == null ? "(erased)" : row.wording()));
            goal.setSubject(subject);
            goal.setStart(new DateType(
                    row.openedAt().atZone(ZoneOffset.UTC).toLocalDate().toString()));
            resources.add(goal);
        }
        Map<UUID, ClinicalRows.PrescriptionRow> prescribed = new HashMap<>();
        for (ClinicalRows.PrescriptionRow row : rows.prescriptions(clientId)) {
            prescribed.put(row.id(), row);
            MedicationRequest request = new MedicationRequest();
            request.setId(row.id().toString());
            request.setStatus(status(row));
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setMedication(new CodeableConcept().setText(row.medicine()));
            request.setSubject(subject);
            request.setAuthoredOnElement(dateTime(row.createdAt()));
            request.setRequester(new Reference().setDisplay(row.prescriber()));
            Dosage dosage = request.addDosageInstruction();
            if (row.instructions() != null) {
                dosage.setText(row.instructions());
            }
            dosage.setRoute(new CodeableConcept().setText(row.route()));
            dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(row.asNeeded()));
            dosage.addDoseAndRate().setDose(new Quantity().setValue(row.dose()).setUnit(row.unit()));
            Period validity =
                    new Period().setStartElement(new DateTimeType(row.startsOn().toString()));
            if (row.endsOn() != null) {
                validity.setEndElement(new DateTimeType(row.endsOn().toString()));
            }
            request.getDispenseRequest().setValidityPeriod(validity);
            resources.add(request);
        }
        for (ClinicalRows.DoseRow dose : rows.doses(clientId)) {
            MedicationAdministration given = administration(
                    dose.id().toString(),
                    prescribed.get(dose.prescription()),
                    dose.prescription(),
                    subject,
                    dose.givenAt());
            if (dose.corrected()) {
                given.setStatus(MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR);
            } else if ("GIVEN".equals(dose.outcome())) {
                given.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
            } else {
                given.setStatus(MedicationAdministration.MedicationAdministrationStatus.NOTDONE);
            }
            if (dose.reason() != null) {
                given.addStatusReason(new CodeableConcept().setText(words(dose.reason())));
            }
            if (dose.amount() != null) {
                ClinicalRows.PrescriptionRow p = prescribed.get(dose.prescription());
                given.getDosage().setDose(new Quantity().setValue(dose.amount()).setUnit(p == null ? null : p.unit()));
            }
            resources.add(given);
        }
        for (ClinicalRows.MissedRow missed : rows.missed(clientId)) {
            MedicationAdministration notGiven = administration(
                    ids.next().toString(),
                    prescribed.get(missed.prescription()),
                    missed.prescription(),
                    subject,
                    missed.dueAt());
            notGiven.setStatus(MedicationAdministration.MedicationAdministrationStatus.NOTDONE);
            notGiven.addStatusReason(new CodeableConcept().setText("missed: no record by the end of its window"));
            resources.add(notGiven);
        }
        return resources;
    }

    private static MedicationAdministration administration(
            String id,
            ClinicalRows.@org.jspecify.annotations.Nullable PrescriptionRow prescription,
            UUID prescriptionId,
            Reference subject,
            Instant at) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId(id);
        administration.setMedication(
                new CodeableConcept().setText(prescription == null ? "medicine" : prescription.medicine()));
        administration.setSubject(subject);
        administration.setEffective(dateTime(at));
        administration.setRequest(new Reference("urn:uuid:" + prescriptionId));
        return administration;
    }

    private static MedicationRequest.MedicationRequestStatus status(ClinicalRows.PrescriptionRow row) {
        if (row.stoppedAt() != null) {
            return MedicationRequest.MedicationRequestStatus.STOPPED;
        }
        if (row.endsOn() != null && row.endsOn().isBefore(LocalDate.now(java.time.ZoneOffset.UTC))) {
            return MedicationRequest.MedicationRequestStatus.COMPLETED;
        }
        return MedicationRequest.MedicationRequestStatus.ACTIVE;
    }

    private static Patient patient(ClinicalRows.Client client) {
        Patient patient = new Patient();
        patient.setId(client.id().toString());
        patient.addIdentifier(new Identifier().setSystem(PSEUDONYM_SYSTEM).setValue(client.code()));
        client.identifiers().forEach((identifier, value) -> {
            switch (identifier) {
                case "NAME" -> patient.addName(new HumanName().setText(value));
                case "DATE_OF_BIRTH" -> patient.setBirthDateElement(new DateType(value));
                case "NHS_NUMBER" ->
                    patient.addIdentifier(
                            new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(value.replace(" ", "")));
                case "ADDRESS" -> patient.addAddress(new Address().setText(value));
                case "EMAIL" ->
                    patient.addTelecom(new ContactPoint()
                            .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                            .setValue(value));
                case "PHONE" ->
                    patient.addTelecom(new ContactPoint()
                            .setSystem(ContactPoint.ContactPointSystem.PHONE)
                            .setValue(value));
                default -> {}
            }
        });
        return patient;
    }

    private static Reference reference(Resource resource) {
        IIdType id = resource.getIdElement();
        return new Reference("urn:uuid:" + id.getIdPart());
    }

    private static DateTimeType dateTime(Instant at) {
        return new DateTimeType(
                java.util.Date.from(at),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC"));
    }

    /** A stored code in words: {@code NAUSEA_OR_VOMITING} as "nausea or vomiting". */
    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
