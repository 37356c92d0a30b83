package org.trackwell.database;

/** How an operator on the same host reaches the database that this installation uses. */
public record DatabaseLocation(String jdbcUrl, String runtimeRole, String ownerRole, boolean embedded) {

    public String psqlCommand() {
        String withoutPrefix = jdbcUrl.replaceFirst("^jdbc:", "");
        return "psql \"" + withoutPrefix + (withoutPrefix.contains("?") ? "&" : "?") + "user=" + ownerRole + "\"";
    }
}
