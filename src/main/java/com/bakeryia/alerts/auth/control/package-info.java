/**
 * Who is calling: bearer tokens verified by the application with the MicroProfile JWT keys, stream
 * tickets, and the development key.
 */
package com.bakeryia.alerts.auth.control;
