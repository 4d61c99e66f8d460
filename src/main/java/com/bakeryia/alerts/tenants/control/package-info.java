/** Which tenants a user belongs to when the token does not say: the membership table, cached, invalidated on change. */
package com.bakeryia.alerts.tenants.control;
