// Page behaviour lives here, never inline: the Content-Security-Policy allows no inline script.
"use strict";
