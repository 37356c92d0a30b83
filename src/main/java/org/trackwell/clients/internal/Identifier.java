package org.trackwell.clients.internal;

/** Identifying details a tenant may switch on; each is stored only sealed under the client's key. */
public enum Identifier {
    NAME,
    DATE_OF_BIRTH,
    NHS_NUMBER,
    ADDRESS,
    EMAIL,
    PHONE
}
