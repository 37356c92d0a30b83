/** Accounts, roles and teams, passwords, lockout, sessions and tokens. */
@NullMarked
package org.trackwell.identity;

import org.jspecify.annotations.NullMarked;
