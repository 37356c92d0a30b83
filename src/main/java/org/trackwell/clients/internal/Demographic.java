package org.trackwell.clients.internal;

import java.util.List;

/**
 * What services report on. Where the choices are fixed (UK ONS categories and the usual service
 * returns), a value must be one of them; the others take a year, short free text or a short list.
 */
public enum Demographic {
    AGE_BAND(List.of("Under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 and over")),
    YEAR_OF_BIRTH(List.of()),
    GENDER(List.of("Woman", "Man", "Non-binary", "Other", "Prefer not to say")),
    ETHNICITY(List.of(
            "Asian or Asian British: Bangladeshi",
            "Asian or Asian British: Chinese",
            "Asian or Asian British: Indian",
            "Asian or Asian British: Pakistani",
            "Asian or Asian British: Other Asian",
            "Black, Black British, Caribbean or African: African",
            "Black, Black British, Caribbean or African: Caribbean",
            "Black, Black British, Caribbean or African: Other Black",
            "Mixed or Multiple: White and Asian",
            "Mixed or Multiple: White and Black African",
            "Mixed or Multiple: White and Black Caribbean",
            "Mixed or Multiple: Other Mixed or Multiple",
            "White: English, Welsh, Scottish, Northern Irish or British",
            "White: Irish",
            "White: Gypsy or Irish Traveller",
            "White: Roma",
            "White: Other White",
            "Other ethnic group: Arab",
            "Other ethnic group: Any other ethnic group",
            "Prefer not to say")),
    EMPLOYMENT(List.of(
            "Employed full-time",
            "Employed part-time",
            "Self-employed",
            "Unemployed and seeking work",
            "Student",
            "Long-term sick or disabled",
            "Looking after home or family",
            "Retired",
            "Other",
            "Prefer not to say")),
    LIVING_ARRANGEMENTS(List.of(
            "Lives alone",
            "Lives with partner or family",
            "Lives with others",
            "Supported accommodation",
            "Residential care",
            "Homeless or rough sleeping",
            "Other",
            "Prefer not to say")),
    DISABILITY(List.of("Yes", "No", "Prefer not to say")),
    SEXUAL_ORIENTATION(List.of("Straight or heterosexual", "Gay or lesbian", "Bisexual", "Other", "Prefer not to say")),
    FIRST_LANGUAGE(List.of()),
    REFERRAL_SOURCE(List.of(
            "Self",
            "GP",
            "Secondary mental health",
            "Social services",
            "Voluntary sector",
            "Criminal justice",
            "Other")),
    PRESENTING_PROBLEMS(List.of()),
    CURRENT_MEDICATION(List.of());

    private final List<String> choices;

    Demographic(List<String> choices) {
        this.choices = choices;
    }

    /** The allowed values; empty means short free text. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Whether the value is typed in the user's own words rather than chosen or a year: such values
     * are sealed under the client's key and warn when they look identifying; the others are kept in
     * the clear for reports.
     */
    public boolean isFreeText() {
        return choices.isEmpty() && this != YEAR_OF_BIRTH;
    }

    /** Whether the value is a list of short items (problems, medication) rather than one value. */
    public boolean isList() {
        return this == PRESENTING_PROBLEMS || this == CURRENT_MEDICATION;
    }
}
