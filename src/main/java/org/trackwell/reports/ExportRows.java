package org.trackwell.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a report writes its rows, one at a time, so that no export is ever held whole. */
@FunctionalInterface
public interface ExportRows {

    void row(List<? extends @Nullable Object> cells);
}
