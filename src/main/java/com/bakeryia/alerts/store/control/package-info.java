/** Parsing, storing each alert once by its id, stream positions and reads by position, and the ports to the queue. */
package com.bakeryia.alerts.store.control;
