/** GET /api/events, the server-sent event stream, and its liveness. */
package com.bakeryia.alerts.streams.boundary;
