package org.trackwell.web;

/**
 * One part of the home page: a heading, and a template fragment that shows {@code content} (which it
 * reads as {@code part}).
 *
 * @param order where it stands on the page: {@link #CARER} first, then {@link #PRACTITIONER}, {@link
 *     #MANAGER} and {@link #TENANT_ADMIN}, each role's parts together
 * @param template the template holding the fragment, as {@code "medication/home"}
 */
public record HomeSection(int order, String heading, String template, String fragment, Object content) {

    public static final int CARER = 100;
    public static final int PRACTITIONER = 200;
    public static final int MANAGER = 300;
    public static final int TENANT_ADMIN = 400;
}
