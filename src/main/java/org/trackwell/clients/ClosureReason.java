package org.trackwell.clients;

public enum ClosureReason {
    COMPLETED,
    DROPPED_OUT,
    REFERRED_ON,
    DECLINED,
    OTHER
}
