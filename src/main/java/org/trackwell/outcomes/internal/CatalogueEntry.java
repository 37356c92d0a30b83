package org.trackwell.outcomes.internal;

/**
 * A measure as a tenant sees it in the catalogue.
 *
 * @param origin built in, imported under the tenant's own licence, or built by the tenant
 * @param usable whether the tenant's use would keep to the licence (so it may be enabled)
 * @param editable whether the tenant may change it (only its own, and never a no-derivatives one)
 */
public record CatalogueEntry(
        Measure measure, Origin origin, boolean enabled, boolean licenceHeld, boolean usable, boolean editable) {

    public enum Origin {
        BUILT_IN,
        IMPORTED,
        BUILT
    }
}
