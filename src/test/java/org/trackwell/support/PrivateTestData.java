package org.trackwell.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.trackwell.shared.DataDirectory;

/**
 * The tests' shared data directory is private, as Trackwell requires of any: made so before an
 * application starts on it, whoever (a test, an older build) created it first.
 */
class PrivateTestData implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        DataDirectory.createPrivateDirectory(TestData.DIRECTORY);
    }
}
