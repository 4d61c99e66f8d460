/** The fan-out's outside: the one Redis subscriber thread per server, its readiness, and the start of the relay. */
package com.bakeryia.alerts.fanout.boundary;
