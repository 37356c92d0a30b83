package org.trackwell.identity;

import java.time.Instant;

/** A version of the terms of use, published by the operator for every tenant. */
public record TermsOfUse(String version, String text, Instant publishedAt) {}
