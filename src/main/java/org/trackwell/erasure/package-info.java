/**
 * Erasure of a client's record with four eyes: one tenant admin asks, another approves, a grace
 * period follows, then the client's key is destroyed and a signed certificate says what went
 * (docs/data-protection.md). Its API is the certificate check the operator's command uses.
 */
@NullMarked
package org.trackwell.erasure;

import org.jspecify.annotations.NullMarked;
