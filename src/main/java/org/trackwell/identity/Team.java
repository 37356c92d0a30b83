package org.trackwell.identity;

import java.util.UUID;

public record Team(UUID id, String name) {}
