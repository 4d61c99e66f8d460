/**
 * Auth at the edge: the access filter that enforces every resource method's roles (deny by
 * default), the demo login, and whether tokens can be accepted at all.
 */
package com.bakeryia.alerts.auth.boundary;
