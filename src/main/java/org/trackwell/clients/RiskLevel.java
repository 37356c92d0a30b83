package org.trackwell.clients;

public enum RiskLevel {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    SEVERE
}
