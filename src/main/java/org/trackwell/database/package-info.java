/**
 * PostgreSQL: the embedded server for a first run, the migration (owner) and runtime roles, and the
 * transaction manager that sets the current tenant for row-level security in every transaction.
 */
@NullMarked
package org.trackwell.database;

import org.jspecify.annotations.NullMarked;
