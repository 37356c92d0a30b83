package org.trackwell.audit;

public enum Outcome {
    SUCCESS,
    DENIED,
    FAILED
}
