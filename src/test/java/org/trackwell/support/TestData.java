package org.trackwell.support;

import java.nio.file.Path;

/**
 * The data directory the tests' application runs on. Each failsafe fork names one of its own
 * ({@code trackwell.test-data}), so two forks never share keys, certificates or checkpoints.
 */
public final class TestData {

    public static final Path DIRECTORY = Path.of(System.getProperty("trackwell.test-data", "target/test-data"));

    private TestData() {}
}
