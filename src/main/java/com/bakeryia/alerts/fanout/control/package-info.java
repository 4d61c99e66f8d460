/**
 * How a committed alert reaches every server's streams: the relay that positions and publishes it,
 * on Redis or in process.
 */
package com.bakeryia.alerts.fanout.control;
