/**
 * Fan-out: how a stored alert reaches every server's streams. In-process on a single server;
 * Redis pub/sub ({@code alerts:<tenant>}) across servers.
 */
package com.bakeryia.alerts.fanout;
