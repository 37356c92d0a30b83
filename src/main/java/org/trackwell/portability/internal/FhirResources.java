package org.trackwell.portability.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * One FHIR R4 resource from one row of a client's record (docs/exports.md has the mapping). Every
 * resource's id is a UUID, and references between them are {@code urn:uuid:} URNs, as in a
 * Bundle of type collection.
 */
final class FhirResources {

    static final String PSEUDONYM_SYSTEM = "https://trackwell.org/fhir/pseudonym-code";
    static final String MEASURE_SYSTEM = "https://trackwell.org/fhir/measure";
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private FhirResources() {}

    static Patient patient(ClinicalRows.Client client) {
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
                case "EMAIL" -> patient.addTelecom(contact(ContactPoint.ContactPointSystem.EMAIL, value));
                case "PHONE" -> patient.addTelecom(contact(ContactPoint.ContactPointSystem.PHONE, value));
                default -> {}
            }
        });
        return patient;
    }

    static EpisodeOfCare episode(ClinicalRows.EpisodeRow row, Reference subject) {
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setId(row.id().toString());
        episode.setStatus(
                row.closedOn() == null
                        ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                        : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        episode.setPatient(subject);
        episode.addType(text(words(row.stage())));
        episode.setPeriod(period(row.referredOn(), row.closedOn()));
        return episode;
    }

    static QuestionnaireResponse response(ClinicalRows.Answer answer, Reference subject) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(answer.id().toString());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(subject);
        response.setAuthoredElement(dateTime(answer.recordedAt()));
        response.setIdentifier(new Identifier().setSystem(MEASURE_SYSTEM).setValue(answer.measure()));
        answer.answers().forEach((item, value) -> {
            QuestionnaireResponse.QuestionnaireResponseItemComponent question =
                    response.addItem().setLinkId(item);
            if (value != null) {
                question.addAnswer().setValue(new IntegerType(value));
            }
        });
        return response;
    }

    static Observation score(UUID id, ClinicalRows.Answer answer, Reference subject) {
        Observation score = new Observation();
        score.setId(id.toString());
        score.setStatus(Observation.ObservationStatus.FINAL);
        score.setCode(text(answer.measure() + " total score"));
        score.setSubject(subject);
        score.setEffective(dateTime(answer.recordedAt()));
        score.setValue(new Quantity().setValue(answer.total()));
        if (answer.band() != null) {
            score.addInterpretation(text(words(answer.band())));
        }
        score.addDerivedFrom(reference(answer.id()));
        return score;
    }

    static Goal goal(ClinicalRows.GoalRow row, Reference subject) {
        Goal goal = new Goal();
        goal.setId(row.id().toString());
        goal.setLifecycleStatus(
                row.closedAt() == null ? Goal.GoalLifecycleStatus.ACTIVE : Goal.GoalLifecycleStatus.COMPLETED);
        goal.addCategory(text(words(row.kind())));
        goal.setDescription(text(row.wording() == null ? "(erased)" : row.wording()));
        goal.setSubject(subject);
        goal.setStart(
                new DateType(row.openedAt().atZone(ZoneOffset.UTC).toLocalDate().toString()));
        return goal;
    }

    static MedicationRequest request(ClinicalRows.PrescriptionRow row, Reference subject, LocalDate today) {
        MedicationRequest request = new MedicationRequest();
        request.setId(row.id().toString());
        request.setStatus(status(row, today));
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(text(row.medicine()));
        request.setSubject(subject);
        request.setAuthoredOnElement(dateTime(row.createdAt()));
        request.setRequester(new Reference().setDisplay(row.prescriber()));
        Dosage dosage = request.addDosageInstruction();
        if (row.instructions() != null) {
            dosage.setText(row.instructions());
        }
        dosage.setRoute(text(row.route()));
        dosage.setAsNeeded(new BooleanType(row.asNeeded()));
        dosage.addDoseAndRate().setDose(new Quantity().setValue(row.dose()).setUnit(row.unit()));
        request.getDispenseRequest().setValidityPeriod(period(row.startsOn(), row.endsOn()));
        return request;
    }

    /** A dose recorded; one a correction replaced is entered in error, the correction standing beside it. */
    static MedicationAdministration dose(
            ClinicalRows.DoseRow dose, ClinicalRows.@Nullable PrescriptionRow prescription, Reference subject) {
        MedicationAdministration given =
                administration(dose.id(), dose.prescription(), prescription, subject, dose.givenAt());
        if (dose.corrected()) {
            given.setStatus(MedicationAdministrationStatus.ENTEREDINERROR);
        } else {
            given.setStatus(
                    "GIVEN".equals(dose.outcome())
                            ? MedicationAdministrationStatus.COMPLETED
                            : MedicationAdministrationStatus.NOTDONE);
        }
        if (dose.reason() != null) {
            given.addStatusReason(text(words(dose.reason())));
        }
        if (dose.amount() != null) {
            given.getDosage()
                    .setDose(new Quantity()
                            .setValue(dose.amount())
                            .setUnit(prescription == null ? null : prescription.unit()));
        }
        return given;
    }

    static MedicationAdministration missed(
            UUID id,
            ClinicalRows.MissedRow missed,
            ClinicalRows.@Nullable PrescriptionRow prescription,
            Reference subject) {
        MedicationAdministration notGiven =
                administration(id, missed.prescription(), prescription, subject, missed.dueAt());
        notGiven.setStatus(MedicationAdministrationStatus.NOTDONE);
        notGiven.addStatusReason(text("missed: no record by the end of its window"));
        return notGiven;
    }

    static Reference reference(UUID id) {
        return new Reference("urn:uuid:" + id);
    }

    static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }

    private static MedicationAdministration administration(
            UUID id,
            UUID prescriptionId,
            ClinicalRows.@Nullable PrescriptionRow prescription,
            Reference subject,
            Instant at) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId(id.toString());
        administration.setMedication(text(prescription == null ? "medicine" : prescription.medicine()));
        administration.setSubject(subject);
        administration.setEffective(dateTime(at));
        administration.setRequest(reference(prescriptionId));
        return administration;
    }

    private static MedicationRequestStatus status(ClinicalRows.PrescriptionRow row, LocalDate today) {
        if (row.stoppedAt() != null) {
            return MedicationRequestStatus.STOPPED;
        }
        return row.endsOn() != null && row.endsOn().isBefore(today)
                ? MedicationRequestStatus.COMPLETED
                : MedicationRequestStatus.ACTIVE;
    }

    private static Period period(LocalDate start, @Nullable LocalDate end) {
        Period period = new Period().setStartElement(new DateTimeType(start.toString()));
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        return period;
    }

    private static ContactPoint contact(ContactPoint.ContactPointSystem system, String value) {
        return new ContactPoint().setSystem(system).setValue(value);
    }

    private static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    /** A stored code in words: {@code NAUSEA_OR_VOMITING} as "nausea or vomiting". */
    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
