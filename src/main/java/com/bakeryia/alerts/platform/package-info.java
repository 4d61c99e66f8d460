/** What every component shares: the JAX-RS application, JSON errors, CORS, back-off, schema migrations. */
package com.bakeryia.alerts.platform;
