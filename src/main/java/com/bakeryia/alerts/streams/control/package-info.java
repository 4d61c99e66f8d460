/** Open streams: audiences per tenant and filter, each stream's send queue and writer, resume, order, heartbeats. */
package com.bakeryia.alerts.streams.control;
